// Spreadsheets (.xlsx, and .xls, which SheetJS also reads): a separate entry so that only the screens that take a
// spreadsheet carry SheetJS. SheetJS CE 0.20.3 as republished on npm by @e965 (the npm `xlsx` stops at 0.18.5 with
// known CVEs), read with cellDates off: an Excel date is a serial on the seller's clock, made an instant here in the
// seller's zone, never in the runtime's.
import * as XLSX from '@e965/xlsx';
import { customerHeaderMatcher } from './customer-rows';
import { orderHeaderMatcher } from './order-rows';
import { readSettings } from './read-options';
import { readWorkbookRows } from './workbook-rows';
import type { HeaderMatcher } from './table-reader';
import {
  CUSTOMER_FIELDS,
  CUSTOMER_PRESET_IDS,
  ORDER_FIELDS,
  ORDER_PRESET_IDS,
  type CustomerImportOptions,
  type CustomerPresetId,
  type ImportedCustomer,
  type ImportedOrder,
  type ImportError,
  type ImportResult,
  type OrderImportOptions,
  type OrderPresetId,
} from './types';

/** Orders from an .xlsx or .xls. `line` is the sheet's row number as the seller sees it. Never throws. */
export function readOrdersSpreadsheet(input: Uint8Array, options: OrderImportOptions = {}): ImportResult<ImportedOrder, OrderPresetId> {
  const errors: ImportError[] = [];
  return readWorkbook(input, orderHeaderMatcher(readSettings(options, ORDER_PRESET_IDS, ORDER_FIELDS, errors)), errors);
}

/** Customers from an .xlsx or .xls (Kyte's template is .xls). Never throws. */
export function readCustomersSpreadsheet(input: Uint8Array, options: CustomerImportOptions = {}): ImportResult<ImportedCustomer, CustomerPresetId> {
  const errors: ImportError[] = [];
  return readWorkbook(input, customerHeaderMatcher(readSettings(options, CUSTOMER_PRESET_IDS, CUSTOMER_FIELDS, errors)), errors);
}

function readWorkbook<Row, P extends string>(input: Uint8Array, match: HeaderMatcher<Row, P>, errors: ImportError[]): ImportResult<Row, P> {
  let book: XLSX.WorkBook;
  try {
    book = XLSX.read(input, { type: 'array', cellDates: false, cellNF: true, cellText: true, dense: true });
  } catch (error) {
    errors.push({ line: 0, code: 'not-a-spreadsheet', message: `The file is not a spreadsheet this reader knows (.xlsx or .xls): ${error instanceof Error ? error.message : String(error)}` });
    return { preset: null, mapping: null, rows: [], errors };
  }
  return readWorkbookRows(book, match, errors);
}
