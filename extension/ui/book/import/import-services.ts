import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { WorkerCallOptions } from '../../../backup/book-worker-client';
import { importFileInWorker, previewFile } from '../../../import/import-client';
import type { FileImport, ImportPreview, ImportProgressReport, ImportSettings } from '../../../import/import-protocol';

/**
 * What the Importar screen does outside itself: the book worker reads, checks and imports the file (the page
 * never parses it). The page passes the real worker; component tests a worker in the same process.
 */
export interface ImportServices {
  preview(file: Blob, settings: ImportSettings, options?: Omit<WorkerCallOptions, 'onProgress'>): Promise<ImportPreview>;
  run(file: Blob, settings: ImportSettings, dryRun: boolean, options?: WorkerCallOptions<ImportProgressReport>): Promise<FileImport>;
}

export const BROWSER_IMPORT: ImportServices = { preview: previewFile, run: importFileInWorker };

export const ImportServicesContext = createContext<ImportServices>(BROWSER_IMPORT);

export function useImportServices(): ImportServices {
  return useContext(ImportServicesContext);
}
