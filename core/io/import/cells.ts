import type { ImportProblemCode } from './types';

/**
 * A cell as the readers see it: CSV gives text; a spreadsheet gives text, or a number with the text Excel shows for
 * it (`w`), which tells a CPF typed as a number (`6,16069E+12`, `52998224725` without its zeros) from one typed as text.
 */
export type Cell = string | SheetNumber;

export interface SheetNumber {
  value: number;
  text: string;
  /** The cell's number format is a date's: `value` is an Excel serial date. */
  date: boolean;
}

/** The cell as the seller sees it, trimmed. */
export function cellText(cell: Cell | undefined): string {
  if (cell === undefined) return '';
  return (typeof cell === 'string' ? cell : cell.text).trim();
}

/** `6,16069E+12`, `1.23E+10`: what Excel shows of a long number; its digits are gone. */
export function isScientific(text: string): boolean {
  const e = text.indexOf('E') === -1 ? text.indexOf('e') : text.indexOf('E');
  return e > 0 && /^\d+(?:[.,]\d+)?[eE][+-]?\d+$/.test(text);
}

/** A cell's text as a problem shows it, cut so a runaway cell cannot flood the screen. */
export function shown(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** A cell's text quoted for an error message, cut as `shown` cuts it. */
export function quoted(text: string): string {
  return `"${shown(text)}"`;
}

/** Why a cell gives no value: the problem's code, the cell's text as shown, and the English sentence after it. */
export interface CellFault {
  code: ImportProblemCode;
  value: string;
  error: string;
}

/** The fault of a cell whose text is `text`: `says` follows the quoted text (`is not a date`). */
export function fault(code: ImportProblemCode, text: string, says: string): CellFault {
  return { code, value: shown(text), error: `${quoted(text)} ${says}` };
}
