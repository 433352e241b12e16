import { isCpf, normalizeEmail, normalizePhone, type CountryCode } from '../../identity/normalize';
import { cellText, fault, isScientific, type Cell, type CellFault } from './cells';

/** A value, or why the cell gives none. A value is a bare string: no object per cell. */
export type Reading = string | CellFault;

const EXCEL_DAMAGE = 'is in scientific notation: Excel turned the number into this and its last digits are lost; export the column as text';

/**
 * The first of several contacts of one kind in one cell: our export joins a customer's two phones or e-mails with
 * ` | ` (export-columns.ts), and a row holds one. No phone, e-mail or CPF has a `|` of its own.
 */
export function firstContact(cell: Cell): Cell {
  if (typeof cell !== 'string' || !cell.includes('|')) return cell;
  return cell.split('|').find((part) => part.trim() !== '') ?? '';
}

/** Digits of a cell that should be all digits; numbers typed into a sheet are numbers, their text may be `6,16069E+12`. */
function digitsOf(cell: Cell): { digits: string; text: string; damaged: boolean; numeric: boolean } {
  const text = cellText(cell);
  if (isScientific(text)) return { digits: '', text, damaged: true, numeric: true };
  if (typeof cell !== 'string') return { digits: Number.isInteger(cell.value) ? String(cell.value) : '', text, damaged: false, numeric: true };
  return { digits: text.replace(/[.\-\s/]/g, ''), text, damaged: false, numeric: false };
}

/** A CPF's 11 digits, checked. A number that lost its leading zeros to Excel is reported, never padded back. */
export function readCpf(cell: Cell): Reading {
  const { digits, text, damaged, numeric } = digitsOf(firstContact(cell));
  if (damaged) return fault('scientific-notation', text, EXCEL_DAMAGE);
  if (/^\d{9,10}$/.test(digits) && (numeric || !/[.\-]/.test(text)) && isCpf(digits.padStart(11, '0')))
    return fault('lost-leading-zeros', text, 'has lost its leading zeros (a CPF has 11 digits), as Excel does to a number');
  return isCpf(digits) ? digits : fault('not-a-cpf', text, 'is not a valid CPF');
}

/** A CPF (11 digits) or a CNPJ (14, kept unverified) from a column that holds either. */
export function readDocument(cell: Cell): { cpf?: string; cnpj?: string } | CellFault {
  const first = firstContact(cell);
  const { digits, text, damaged } = digitsOf(first);
  if (damaged) return fault('scientific-notation', text, EXCEL_DAMAGE);
  if (/^\d{14}$/.test(digits)) return { cnpj: digits };
  if (/^\d{12,13}$/.test(digits)) return fault('lost-leading-zeros', text, 'has lost its leading zeros (a CNPJ has 14 digits), as Excel does to a number');
  const cpf = readCpf(first);
  return typeof cpf === 'string' ? { cpf } : cpf;
}

const phonesByCountry = new Map<string, Map<string, Reading>>();

/** A phone in E.164; kept per country and text, since libphonenumber is the costly step and customers repeat. */
export function readPhone(cell: Cell, country: CountryCode): Reading {
  let phones = phonesByCountry.get(country);
  if (phones === undefined) phonesByCountry.set(country, (phones = new Map()));
  const known = typeof cell === 'string' ? phones.get(cell) : undefined;
  if (known !== undefined) return known;
  const { digits, text, damaged, numeric } = digitsOf(firstContact(cell));
  let reading: Reading;
  if (damaged) reading = fault('scientific-notation', text, EXCEL_DAMAGE);
  else {
    try {
      reading = normalizePhone(numeric ? digits : text, country);
    } catch {
      reading = fault('not-a-phone', text, `is not a phone number (country assumed: ${country})`);
    }
  }
  if (phones.size > 200_000) phones.clear();
  if (typeof cell === 'string') phones.set(cell, reading);
  return reading;
}

/** A lower-case address. Not kept per text as phones are: a Map lookup costs about what the check does. */
export function readEmail(cell: Cell): Reading {
  const text = cellText(firstContact(cell));
  try {
    return normalizeEmail(text);
  } catch {
    return fault('not-an-email', text, 'is not an e-mail address');
  }
}

/** An order or customer id as text: Shopify's leading `'` dropped; a number Excel wrote in scientific notation refused. */
export function readId(cell: Cell): Reading {
  const written = cellText(cell);
  const text = written.charCodeAt(0) === 39 ? written.slice(1) : written;
  if (isScientific(text)) return fault('scientific-notation', text, EXCEL_DAMAGE);
  return typeof cell === 'string' || Number.isInteger(cell.value) ? text : String(cell.value);
}

/**
 * A postal code: a CEP as its 8 digits; seven bare digits are a CEP that lost its leading zero to Excel (Portuguese
 * codes are written `1000-001`, with their dash, and kept as typed, as is any other text).
 */
export function readPostalCode(cell: Cell): Reading {
  const { digits, text, damaged, numeric } = digitsOf(cell);
  if (damaged) return fault('scientific-notation', text, EXCEL_DAMAGE);
  if (/^\d{5}-?\d{3}$/.test(text) || (numeric && digits.length === 8)) return digits;
  if (/^\d{7}$/.test(numeric ? digits : text)) return fault('lost-leading-zeros', text, 'has lost its leading zero (a CEP has 8 digits), as Excel does to a number');
  return text;
}
