import { importIntoBook, type Book } from '../../core';
import { untilAborted, type WorkerOperations } from '../backup/book-worker-service';
import { BookWorkerError } from '../backup/worker-protocol';
import { createCustomersCsvReader, createOrdersCsvReader, type ImportBatch, type ImportedCustomer, type ImportedOrder, type ImportError, type ImportResult } from '../../core/io/import';
import { csvBookSource, rowsBookSource, type ImportKind, type ReadSlice } from '../../core/io/import/book-source';
import { readCustomersSpreadsheet, readOrdersSpreadsheet } from '../../core/io/import/spreadsheet';
import { MAX_REPORTED, type FileImport, type ImportFormat, type ImportPreview, type ImportProgressReport, type ImportSettings } from './import-protocol';

/** What the preview reads of a CSV: enough for the header, the first rows and the encoding of most files. */
const PREVIEW_BYTES = 256 * 1024;
/** Rows a preview shows. */
const PREVIEW_ROWS = 10;

/** A workbook is a zip (.xlsx) or an OLE2 compound file (.xls); anything else is read as text. */
export async function formatOf(file: Blob): Promise<ImportFormat> {
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  const zip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  const ole = head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0;
  return zip || ole ? 'spreadsheet' : 'csv';
}

/** The first rows of `file` as the import will read them: its format, kind (orders or customers), preset, encoding. */
export async function previewImport(file: Blob, settings: ImportSettings): Promise<ImportPreview> {
  const format = await formatOf(file);
  const read = format === 'spreadsheet' ? readWorkbook(new Uint8Array(await file.arrayBuffer()), settings) : readCsvStart(new Uint8Array(await file.slice(0, PREVIEW_BYTES).arrayBuffer()), file.size <= PREVIEW_BYTES, settings);
  const { kind, result, encoding } = read;
  return {
    format,
    kind,
    preset: result.preset,
    encoding,
    mapping: result.mapping,
    orders: kind === 'orders' ? (result.rows.slice(0, PREVIEW_ROWS) as ImportedOrder[]) : [],
    customers: kind === 'customers' ? (result.rows.slice(0, PREVIEW_ROWS) as ImportedCustomer[]) : [],
    problems: result.errors.slice(0, PREVIEW_ROWS * 5),
    size: file.size,
  };
}

/**
 * Imports `file` into `book` (or, for a dry run, counts what that would do), in one transaction. A CSV is read a
 * chunk at a time from inside that transaction, so the file is never held whole; a workbook is read whole first
 * (its library has no other way), then written in batches.
 */
export async function importFile(book: Book, file: Blob, settings: ImportSettings, dryRun: boolean, signal: AbortSignal, onProgress: (progress: ImportProgressReport) => void): Promise<FileImport> {
  const format = await formatOf(file);
  let kind = settings.kind;
  let preset = settings.preset;
  if (kind === 'auto' || preset === 'auto') {
    const preview = await previewImport(file, settings);
    kind = preview.kind;
    preset = preview.preset ?? 'generic';
  }
  const options = optionsOf({ ...settings, kind, preset });
  let source;
  let total: number;
  if (format === 'spreadsheet') {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const read = kind === 'orders' ? readOrdersSpreadsheet(bytes, options) : readCustomersSpreadsheet(bytes, options);
    source = rowsBookSource(kind, read);
    total = read.rows.length;
  } else {
    source = csvBookSource(kind, await syncSlicer(file), file.size, options);
    total = file.size;
  }
  const result = await importIntoBook(book, source, {
    source: preset,
    dryRun,
    signal,
    keepProblems: MAX_REPORTED,
    onProgress: ({ rows, problems, done }) => {
      onProgress({ phase: 'importing', done, total, rows, problems });
    },
  });
  return { format, kind, preset, dryRun, counts: result.counts, problems: result.problems, problemCount: result.problemCount };
}

/** Reads the file's bytes synchronously: FileReaderSync in a worker, or the whole file in memory where there is none. */
async function syncSlicer(file: Blob): Promise<ReadSlice> {
  const Sync = (globalThis as { FileReaderSync?: new () => { readAsArrayBuffer(blob: Blob): ArrayBuffer } }).FileReaderSync;
  if (Sync) {
    const reader = new Sync();
    return (start, end) => new Uint8Array(reader.readAsArrayBuffer(file.slice(start, end)));
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  return (start, end) => bytes.subarray(start, end);
}

interface Reading {
  kind: ImportKind;
  result: ImportResult<ImportedOrder | ImportedCustomer, string>;
  encoding: string | null;
}

/**
 * The kind is the seller's choice when made; otherwise a store's order export is orders, a known customer list is
 * customers, and a file of neither is orders when its rows read as orders (a date and a total), customers if not.
 */
function chooseKind(settings: ImportSettings, orders: () => Reading, customers: () => Reading): Reading {
  if (settings.kind === 'orders') return orders();
  if (settings.kind === 'customers') return customers();
  const asOrders = orders();
  if (asOrders.result.preset !== null && asOrders.result.preset !== 'generic') return asOrders;
  const asCustomers = customers();
  if (asCustomers.result.preset !== null && asCustomers.result.preset !== 'generic') return asCustomers;
  return asOrders.result.rows.length > 0 ? asOrders : asCustomers;
}

function readCsvStart(bytes: Uint8Array, whole: boolean, settings: ImportSettings): Reading {
  const options = optionsOf(settings);
  const read = (kind: ImportKind): Reading => {
    const reader = kind === 'orders' ? createOrdersCsvReader(options) : createCustomersCsvReader(options);
    const first: ImportBatch<ImportedOrder | ImportedCustomer> = reader.push(bytes);
    const last: ImportBatch<ImportedOrder | ImportedCustomer> = whole ? reader.end() : { rows: [], errors: [] };
    const errors: ImportError[] = [...first.errors, ...last.errors];
    return { kind, result: { preset: reader.preset, mapping: reader.mapping, rows: [...first.rows, ...last.rows], errors }, encoding: reader.encoding };
  };
  return chooseKind(settings, () => read('orders'), () => read('customers'));
}

/** The readers' options; a preset and a column mapping are only given with the kind they belong to (detection reads with 'auto'). */
function optionsOf(settings: ImportSettings) {
  const chosen = settings.kind !== 'auto';
  const options = { preset: (chosen ? settings.preset : 'auto') as never, timeZone: settings.timeZone, currency: settings.currency, defaultCountry: settings.defaultCountry };
  return chosen && settings.columns ? { ...options, columns: settings.columns as never } : options;
}

function readWorkbook(bytes: Uint8Array, settings: ImportSettings): Reading {
  const options = optionsOf(settings);
  return chooseKind(
    settings,
    () => ({ kind: 'orders', result: readOrdersSpreadsheet(bytes, options), encoding: null }),
    () => ({ kind: 'customers', result: readCustomersSpreadsheet(bytes, options), encoding: null }),
  );
}

/** The import worker's operations: a file previewed, checked or imported (nothing else). */
export const importOperations: WorkerOperations = (book, request, signal, onProgress) => {
  switch (request.op) {
    case 'import-preview':
      return untilAborted(previewImport(request.file, request.settings), signal);
    case 'import':
      // One transaction: a cancel aborts it and the book is as it was (the reply says 'cancelled').
      return importFile(book, request.file, request.settings, request.dryRun, signal, onProgress);
    default:
      return Promise.reject(new BookWorkerError('failed', `The import worker does not ${request.op}: the book worker does`));
  }
};
