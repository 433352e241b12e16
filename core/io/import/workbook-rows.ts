import * as XLSX from '@e965/xlsx';
import type { Cell } from './cells';
import { TableReader, type HeaderMatcher, type SourceRecord } from './table-reader';
import type { ImportBatch, ImportError, ImportResult } from './types';

/** Sheets where marketplaces put their reports (Mercado Livre `Vendas BR`, Shopee `orders`), looked at first. */
const REPORT_SHEETS = ['Vendas BR', 'orders'];
const HEADER_ROWS = 30;

/**
 * The rows of a workbook SheetJS has read (dense, with number formats): the sheet is the first whose first rows hold
 * a header the matcher knows, report sheets first; else the first sheet, read against its first row. Never throws.
 */
export function readWorkbookRows<Row, P extends string>(book: XLSX.WorkBook, match: HeaderMatcher<Row, P>, errors: ImportError[]): ImportResult<Row, P> {
  const out: ImportBatch<Row> = { rows: [], errors };
  try {
    const sheets = sheetRows(book);
    const chosen = sheets.find((rows) => rows.slice(0, HEADER_ROWS).some((record) => match(record.cells.map(textOf), false) !== null)) ?? sheets[0];
    const table = new TableReader(match);
    if (chosen) {
      table.accept(chosen, out);
      table.finish(out);
    }
    if (table.preset === null && out.rows.length === 0) errors.push({ line: 0, code: 'empty-file', message: 'The spreadsheet has no header row and no rows' });
    return { preset: table.preset, mapping: table.mapping, ...out };
  } catch (error) {
    errors.push({ line: 0, code: 'internal', message: `The spreadsheet could not be read further: ${error instanceof Error ? error.message : String(error)}` });
    return { preset: null, mapping: null, ...out };
  }
}

/** Every sheet's non-blank rows, report sheets first. */
function sheetRows(book: XLSX.WorkBook): SourceRecord[][] {
  const names = [...REPORT_SHEETS.filter((name) => book.SheetNames.includes(name)), ...book.SheetNames.filter((name) => !REPORT_SHEETS.includes(name))];
  return names.map((name) => recordsOf(book.Sheets[name]));
}

function recordsOf(sheet: XLSX.WorkSheet | undefined): SourceRecord[] {
  const data = (sheet?.['!data'] ?? []) as (XLSX.CellObject[] | undefined)[];
  const records: SourceRecord[] = [];
  data.forEach((row, index) => {
    if (!row) return;
    const cells: Cell[] = [];
    let blank = true;
    for (let column = 0; column < row.length; column++) {
      const cell = cellOf(row[column]);
      cells.push(cell);
      if (textOf(cell) !== '') blank = false;
    }
    if (!blank) records.push({ line: index + 1, endLine: index + 1, cells });
  });
  return records;
}

const isDateFormat = (XLSX.SSF as { is_date(format: string | number): boolean }).is_date;

/** Text cells as text (leading zeros kept); numbers with the text Excel shows, which is how damage shows. */
function cellOf(cell: XLSX.CellObject | undefined): Cell {
  if (!cell || cell.v === undefined || cell.v === null) return '';
  if (cell.t === 'n' && typeof cell.v === 'number') {
    const format = cell.z ?? '';
    return { value: cell.v, text: cell.w ?? String(cell.v), date: format !== '' && isDateFormat(format) };
  }
  return cell.w ?? String(cell.v);
}

function textOf(cell: Cell): string {
  return (typeof cell === 'string' ? cell : cell.text).trim();
}
