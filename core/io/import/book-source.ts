import type { ImportBatch as BookImportBatch, ImportBatchSource } from '../../store';
import { createCustomersCsvReader, createOrdersCsvReader, type CsvImportReader } from './csv-reader';
import type { CustomerImportOptions, ImportBatch, ImportedCustomer, ImportedOrder, ImportResult, OrderImportOptions } from './types';

/** What a file holds: orders (a store's sales) or a customer list. */
export type ImportKind = 'orders' | 'customers';

/** Bytes of the file read per batch: about ten thousand orders of a store's export. */
export const IMPORT_CHUNK = 1 << 20;

/** The file's bytes from `start` to `end`, synchronously (a worker's FileReaderSync, or bytes in memory). */
export type ReadSlice = (start: number, end: number) => Uint8Array;

export interface CsvBookSource extends ImportBatchSource {
  /** The reader, for what it found (preset, encoding) once the file is read. */
  readonly reader: CsvImportReader<ImportedOrder, string> | CsvImportReader<ImportedCustomer, string>;
}

/**
 * A CSV as the book's import reads it: one chunk read and parsed per batch, on demand, inside the import's
 * transaction (so reading is synchronous), each batch saying how many bytes of `size` are behind it.
 */
export function csvBookSource(kind: ImportKind, readSlice: ReadSlice, size: number, options: OrderImportOptions | CustomerImportOptions = {}, chunk = IMPORT_CHUNK): CsvBookSource {
  const reader = kind === 'orders' ? createOrdersCsvReader(options as OrderImportOptions) : createCustomersCsvReader(options as CustomerImportOptions);
  let at = 0;
  let ended = false;
  return {
    reader,
    next() {
      if (ended) return null;
      if (at >= size) {
        ended = true;
        return batchOf(kind, reader.end(), size);
      }
      const end = Math.min(size, at + chunk);
      const read = reader.push(readSlice(at, end));
      at = end;
      return batchOf(kind, read, at);
    },
  };
}

/** Rows already read (a spreadsheet, which its library reads whole) as batches of `size`. */
export function rowsBookSource(kind: ImportKind, read: ImportResult<ImportedOrder | ImportedCustomer, string>, size = 5_000): ImportBatchSource {
  let at = 0;
  let errorsGiven = false;
  return {
    next() {
      if (at >= read.rows.length && errorsGiven) return null;
      const rows = read.rows.slice(at, at + size);
      at += rows.length;
      const errors = errorsGiven ? [] : read.errors;
      errorsGiven = true;
      return batchOf(kind, { rows, errors }, at);
    },
  };
}

function batchOf(kind: ImportKind, read: ImportBatch<ImportedOrder | ImportedCustomer>, done: number): BookImportBatch {
  return kind === 'orders' ? { orders: read.rows as ImportedOrder[], problems: read.errors, done } : { customers: read.rows as ImportedCustomer[], problems: read.errors, done };
}
