import type { ImportCounts } from '../../core';
import type { ColumnMapping, ImportedCustomer, ImportedOrder, ImportError } from '../../core/io/import';
import type { ImportKind } from '../../core/io/import/book-source';

/** How the file is stored: text with separators, or a workbook (.xlsx, .xls). */
export type ImportFormat = 'csv' | 'spreadsheet';

/** What the seller chose on the Importar screen ('auto': as the file's header says). */
export interface ImportSettings {
  kind: 'auto' | ImportKind;
  /** A preset id of the kind ('shopify', 'bling'…) or 'auto'. The import itself is always given the one the preview found. */
  preset: string;
  /** The seller's IANA zone, for dates written without an offset. */
  timeZone: string;
  /** The book's main currency, for files that name none. */
  currency: string;
  /** Country of phones written without a country code. */
  defaultCountry: string;
  /**
   * The seller's column mapping over the preset's (a field's 0-based column, or null to read it from none). Only
   * given with a kind and a preset: it names columns of the header the preview found for them.
   */
  columns?: Record<string, number | null>;
}

/** The first rows of a file as the import will read them, and what was detected. */
export interface ImportPreview {
  format: ImportFormat;
  kind: ImportKind;
  /** The preset the header matched; null when no header row was found in the first part of the file. */
  preset: string | null;
  /** For a CSV: 'utf-8' or 'windows-1252' once a non-ASCII byte was seen; null for plain ASCII or a workbook. */
  encoding: string | null;
  /** The header row, the column each field is read from and the first data row; null when no header was found. */
  mapping: ColumnMapping | null;
  /** The first rows, read. */
  orders: ImportedOrder[];
  customers: ImportedCustomer[];
  /** Problems of the part of the file the preview read. */
  problems: ImportError[];
  /** The file's size in bytes. */
  size: number;
}

/** A finished import (or dry run). `problems` holds the first MAX_REPORTED; `problemCount` all of them. */
export interface FileImport {
  format: ImportFormat;
  kind: ImportKind;
  preset: string;
  dryRun: boolean;
  counts: ImportCounts;
  problems: ImportError[];
  problemCount: number;
}

/** How far an import has got: `done` of `total` bytes (a CSV) or rows (a workbook), and the rows read so far. */
export interface ImportProgressReport {
  phase: 'importing';
  done: number;
  total: number;
  rows: number;
  problems: number;
}

/** Problems kept for the report: beyond this, a file is the wrong file, and counting is enough. */
export const MAX_REPORTED = 50_000;
