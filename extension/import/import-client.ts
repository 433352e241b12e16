import { browser } from 'wxt/browser';
import { callWorker, nextId, type BookWorkerHandle, type WorkerCallOptions } from '../backup/book-worker-client';
import type { FileImport, ImportPreview, ImportProgressReport, ImportSettings } from './import-protocol';

/** The import worker: the book worker's protocol, with the readers (and SheetJS) it alone carries. */
export const spawnImportWorker = (): BookWorkerHandle => new Worker(browser.runtime.getURL('/import-worker.js'));

/** The file's first rows as the import will read them, read by the book worker (the page never parses the file). */
export function previewFile(file: Blob, settings: ImportSettings, options: Omit<WorkerCallOptions, 'onProgress'> = {}): Promise<ImportPreview> {
  return callWorker({ op: 'import-preview', id: nextId(), file, settings }, { spawn: spawnImportWorker, ...options });
}

/**
 * Imports the file in the book worker, in one transaction (a dry run counts and writes nothing). Aborting
 * `signal` rolls the whole import back; the promise then rejects with a BookWorkerError whose code is 'cancelled'.
 */
export function importFileInWorker(file: Blob, settings: ImportSettings, dryRun: boolean, options: WorkerCallOptions<ImportProgressReport> = {}): Promise<FileImport> {
  return callWorker<'import', ImportProgressReport>({ op: 'import', id: nextId(), file, settings, dryRun }, { spawn: spawnImportWorker, ...options });
}
