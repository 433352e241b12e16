import { cellText, type Cell } from './cells';
import type { ColumnMapping, ImportBatch, ImportError, ImportProblemCode } from './types';

/** A record of a CSV or a row of a sheet, with the lines it spans. `problem` flags misplaced quotes in a CSV. */
export interface SourceRecord {
  line: number;
  endLine: number;
  cells: Cell[];
  problem?: 'unclosed-quote' | 'stray-quote';
}

/** Turns the records of one row (several for a preset with one line per item) into rows and errors. */
export interface RowMapper<Row> {
  /** The column whose value ties consecutive lines into one row, when the preset writes one line per item. */
  groupColumn?: number;
  map(group: readonly SourceRecord[], out: ImportBatch<Row>): void;
}

/** A header read: its preset, the mapper of its rows, the column of each field, and the problems of the seller's mapping. */
export interface HeaderMatch<Row, P extends string> {
  preset: P;
  mapper: RowMapper<Row>;
  columns: Partial<Record<string, number>>;
  problems: ImportError[];
}

/** Chooses the preset for a header, or null when the record is not a header this reader knows. */
export type HeaderMatcher<Row, P extends string> = (header: readonly string[], final: boolean) => HeaderMatch<Row, P> | null;

/** Records looked at for the header: Mercado Livre's is on row 6; a report title, dates and blank rows may precede it. */
const HEADER_SCAN = 30;

/**
 * Finds the header row by scanning, then hands the records after it to the preset's mapper, grouped when the preset
 * writes one line per item. A group is held until a line of another order (or the end) shows it is complete, so an
 * order cut by a chunk boundary is read whole. Records before the header are the file's preamble.
 */
export class TableReader<Row, P extends string> {
  preset: P | null = null;
  /** The header's cells and each field's column once the header is found; `sample` fills with the first data row. */
  mapping: ColumnMapping | null = null;
  private mapper: RowMapper<Row> | null = null;
  private waiting: SourceRecord[] = [];
  private group: SourceRecord[] = [];
  private groupKey = '';
  /** The one-record group handed to the mapper for presets without item lines, reused: no array per row. */
  private readonly single: SourceRecord[] = [];

  constructor(private readonly match: HeaderMatcher<Row, P>) {}

  accept(records: readonly SourceRecord[], out: ImportBatch<Row>): void {
    for (const record of records) {
      if (this.mapper) this.take(record, out);
      else this.seek(record, out);
    }
  }

  finish(out: ImportBatch<Row>): void {
    if (!this.mapper && this.waiting.length > 0) this.settle(out, true);
    this.flush(out);
  }

  private seek(record: SourceRecord, out: ImportBatch<Row>): void {
    const header = record.problem ? null : record.cells.map(cellText);
    const found = header ? this.match(header, false) : null;
    if (found) {
      this.begin(found, header as string[], out);
      this.waiting = [];
      return;
    }
    this.waiting.push(record);
    if (this.waiting.length >= HEADER_SCAN) this.settle(out, false);
  }

  /** No header recognised: the first record is taken as one, and what follows is read against it. */
  private settle(out: ImportBatch<Row>, final: boolean): void {
    const [first, ...rest] = this.waiting;
    this.waiting = [];
    const header = (first as SourceRecord).cells.map(cellText);
    const found = this.match(header, true);
    if (!found) {
      for (const record of rest) out.errors.push(spanError(record, { code: 'no-header', message: 'No header row was found above this row, so it was not read' }));
      return;
    }
    this.begin(found, header, out);
    for (const record of rest) this.take(record, out);
    if (final) this.flush(out);
  }

  private begin(found: HeaderMatch<Row, P>, header: string[], out: ImportBatch<Row>): void {
    this.preset = found.preset;
    this.mapper = found.mapper;
    this.mapping = { header, columns: found.columns, sample: [] };
    for (const problem of found.problems) out.errors.push(problem);
  }

  private take(record: SourceRecord, out: ImportBatch<Row>): void {
    const mapping = this.mapping as ColumnMapping;
    if (mapping.sample.length === 0 && !record.problem) mapping.sample = record.cells.map((cell) => cellText(cell).slice(0, 60));
    if (record.problem) {
      out.errors.push(
        spanError(
          record,
          record.problem === 'unclosed-quote'
            ? { code: 'unclosed-quote', message: 'A quote opened in this row is never closed, so the row was not read' }
            : { code: 'stray-quote', message: 'A quote in this row is not at the start or end of a cell, so the row was not read' },
        ),
      );
      return;
    }
    const column = (this.mapper as RowMapper<Row>).groupColumn;
    if (column === undefined) {
      this.single[0] = record;
      (this.mapper as RowMapper<Row>).map(this.single, out);
      return;
    }
    const key = cellText(record.cells[column]);
    if (this.group.length > 0 && (key === '' || key !== this.groupKey)) this.flush(out);
    this.group.push(record);
    this.groupKey = key;
  }

  private flush(out: ImportBatch<Row>): void {
    if (this.group.length === 0 || !this.mapper) return;
    this.mapper.map(this.group, out);
    this.group = [];
    this.groupKey = '';
  }
}

/** What a problem says, before it is placed on its lines and column. */
export interface ProblemText {
  code: ImportProblemCode;
  message: string;
  value?: string;
}

/** An error for a whole record, with its last line when it spans several. */
export function spanError(record: { line: number; endLine: number }, { code, message, value }: ProblemText, column?: string): ImportError {
  const error: ImportError = { line: record.line, code, message };
  if (record.endLine > record.line) error.endLine = record.endLine;
  if (column !== undefined) error.column = column;
  if (value !== undefined) error.value = value;
  return error;
}
