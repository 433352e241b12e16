import { calendarOf, type Calendar } from '../locale/calendar';
import { currencyDigits } from '../money';

// A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a formula.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled, lines end in CRLF.
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a formula, so such
 * cells get a leading apostrophe: a customer named "=HYPERLINK(...)" stays text when the seller opens the file.
 */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The whole file: one line per row, the header first; a BOM so spreadsheets read it as UTF-8. */
export function csvDocument(rows: Iterable<readonly string[]>): string {
  const lines: string[] = [];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * The two ways a file is written. `excel-br`: what Excel in Brazil (and Portugal) opens with a double click:
 * `;` between cells (its list separator where the comma is the decimal one), UTF-8 with a BOM (without it Excel
 * reads the bytes as Windows-1252 and accents break), numbers `1234,56` with no thousands separator (a `.` would
 * make `1.234` read as text, or as a date), dates `dd/mm/aaaa hh:mm` on the seller's clock (Excel's own pt-BR
 * date shape, so they sort as dates). `standard`: RFC 4180 for other tools (Google Sheets, scripts, other
 * systems): `,`, UTF-8 without a BOM (a script would read it as part of the first header), `1234.56`, ISO 8601
 * with the seller's offset (`2026-11-30T14:05:00-03:00`), exact and sortable as text. Both end lines in CRLF.
 */
export const CSV_DIALECTS = ['excel-br', 'standard'] as const;
export type CsvDialect = (typeof CSV_DIALECTS)[number];

/**
 * One cell. Text is the customer's or the file's (guarded against formulas, quoted when needed); a count is a
 * number; money is integer minor units written in the currency's units (its own currency column beside it,
 * never summed across currencies); an instant is written on the seller's clock, with the time or as a day.
 */
export type CsvField =
  | string
  | null
  | { kind: 'count'; value: number }
  | { kind: 'money'; minor: number; currency: string }
  | { kind: 'instant'; at: string | number; time: boolean };

interface DialectRules {
  separator: string;
  bom: string;
  decimal: string;
  /** Characters that make a text cell quoted. */
  quoteWhen: RegExp;
  date: (wall: Date, offsetMs: number, time: boolean) => string;
}

const two = (n: number) => String(n).padStart(2, '0');
const dayOf = (wall: Date) => `${wall.getUTCFullYear()}-${two(wall.getUTCMonth() + 1)}-${two(wall.getUTCDate())}`;

const RULES: Readonly<Record<CsvDialect, DialectRules>> = {
  'excel-br': {
    separator: ';',
    bom: '\uFEFF',
    decimal: ',',
    quoteWhen: /[";\r\n]/,
    date: (wall, _offset, time) => {
      const day = `${two(wall.getUTCDate())}/${two(wall.getUTCMonth() + 1)}/${wall.getUTCFullYear()}`;
      return time ? `${day} ${two(wall.getUTCHours())}:${two(wall.getUTCMinutes())}` : day;
    },
  },
  standard: {
    separator: ',',
    bom: '',
    decimal: '.',
    quoteWhen: /[",\r\n]/,
    date: (wall, offsetMs, time) => {
      if (!time) return dayOf(wall);
      const minutes = Math.round(Math.abs(offsetMs) / 60_000);
      const offset = `${offsetMs < 0 ? '-' : '+'}${two(Math.floor(minutes / 60))}:${two(minutes % 60)}`;
      return `${dayOf(wall)}T${two(wall.getUTCHours())}:${two(wall.getUTCMinutes())}:${two(wall.getUTCSeconds())}${offset}`;
    },
  },
};

const digitsByCurrency = new Map<string, number>();

/** Decimals of an ISO currency as Intl knows them (BRL 2, JPY 0, KWD 3), kept: asked once per money cell. */
function digitsOf(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    digits = currencyDigits(currency);
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

/**
 * Writes the lines of one file in one dialect, its instants in one IANA zone (the seller's). Lines are handed out
 * one at a time so a caller can build a Blob from parts instead of one string of the whole book.
 */
export class CsvWriter {
  private readonly rules: DialectRules;
  private readonly calendar: Calendar;

  constructor(
    readonly dialect: CsvDialect,
    timeZone: string,
  ) {
    this.rules = RULES[dialect];
    this.calendar = calendarOf(timeZone);
  }

  /** What the file starts with (the BOM, or nothing). */
  get start(): string {
    return this.rules.bom;
  }

  /** One row as a line, CRLF included. */
  line(fields: readonly CsvField[]): string {
    let out = '';
    for (let i = 0; i < fields.length; i++) {
      if (i > 0) out += this.rules.separator;
      out += this.field(fields[i] ?? null);
    }
    return `${out}\r\n`;
  }

  field(field: CsvField): string {
    if (field === null) return '';
    if (typeof field === 'string') return this.text(field);
    if (field.kind === 'count') return String(field.value).replace('.', this.rules.decimal);
    if (field.kind === 'money') return this.money(field.minor, field.currency);
    return this.instant(field.at, field.time);
  }

  /** Text kept as text: a formula start gets an apostrophe; quoted when it holds a separator, quote or line break. */
  text(value: string): string {
    const safe = FORMULA_START.test(value) ? `'${value}` : value;
    return this.rules.quoteWhen.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  }

  /** `1234,56` or `1234.56`: integer arithmetic on the minor units, so no float ever rounds a cent away. */
  money(minor: number, currency: string): string {
    if (!Number.isSafeInteger(minor)) throw new RangeError(`money: ${minor} is not a whole number of minor units of ${currency}`);
    const digits = digitsOf(currency);
    const sign = minor < 0 ? '-' : '';
    const units = String(Math.abs(minor)).padStart(digits + 1, '0');
    const whole = units.slice(0, units.length - digits);
    return digits === 0 ? `${sign}${whole}` : `${sign}${whole}${this.rules.decimal}${units.slice(-digits)}`;
  }

  /** An instant on the seller's clock: the day alone, or the day and the time. */
  instant(at: string | number, time: boolean): string {
    const ms = typeof at === 'number' ? at : Date.parse(at);
    if (!Number.isFinite(ms)) throw new RangeError(`date: ${JSON.stringify(at)} is not an instant`);
    const offset = this.calendar.offset(ms);
    return this.rules.date(new Date(ms + offset), offset, time);
  }
}
