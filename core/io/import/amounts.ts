import { currencyDigits, parseAmount } from '../../money';
import { fault, type Cell, type CellFault } from './cells';
import type { DecimalStyle } from './order-presets';

const digitsByCurrency = new Map<string, number>();

/** Decimals of a currency, kept: core/money asks Intl each time, once per cell would cost seconds over a big file. */
export function minorDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    try {
      digits = currencyDigits(currency);
    } catch {
      digits = -1;
    }
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

/** An amount in minor units, or why the cell is not one. */
export function readAmount(cell: Cell, style: DecimalStyle, currency: string): number | CellFault {
  const digits = minorDigits(currency);
  if (digits < 0) return fault('not-a-currency', currency, 'is not a currency code');
  if (typeof cell !== 'string') return fromNumber(cell.value, cell.text, digits, currency);
  const text = cell.trim();
  const bare = onlyAmountChars(text) ? text : stripCurrency(text);
  if (bare.startsWith('-') || (bare.startsWith('(') && bare.endsWith(')'))) return fault('negative-amount', text, "is negative: a refund is the order's status");
  if (style === 'auto') return plainAmount(bare, digits) ?? viaMoney(bare, text, currency);
  return styledAmount(bare, style === 'comma' ? 44 : 46, digits) ?? fault('bad-amount', text, `is not an amount written ${style === 'comma' ? '1.234,56' : '1,234.56'}`);
}

function fromNumber(value: number, text: string, digits: number, currency: string): number | CellFault {
  if (value < 0) return fault('negative-amount', text, "is negative: a refund is the order's status");
  const scaled = value * 10 ** digits;
  const minor = Math.round(scaled);
  if (!Number.isSafeInteger(minor)) return fault('bad-amount', text, 'is too large');
  return Math.abs(scaled - minor) < 1e-6 ? minor : fault('too-many-decimals', text, `has more decimals than ${currency} has (${digits})`);
}

function stripCurrency(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && !isAmountChar(text.charCodeAt(start))) start++;
  while (end > start && !isAmountChar(text.charCodeAt(end - 1))) end--;
  // Keep a sign or a bracket the symbol stood after (`R$ -5,00`, `-R$ 5,00`, `(5.00)`).
  const before = text.slice(0, start);
  const sign = before.includes('-') ? '-' : before.includes('(') && text.slice(end).includes(')') ? '(' : '';
  return sign === '(' ? `(${text.slice(start, end)})` : sign + text.slice(start, end).replace(/[\s\u00a0\u202f]/g, '');
}

function onlyAmountChars(text: string): boolean {
  for (let at = 0; at < text.length; at++) if (!isAmountChar(text.charCodeAt(at))) return false;
  return true;
}

function isAmountChar(code: number): boolean {
  return (code >= 48 && code <= 57) || code === 44 || code === 46;
}

/** `45`, `45,5`, `45.50`: digits with at most one separator not followed by exactly three digits. Else null. */
function plainAmount(text: string, digits: number): number | null {
  let whole = 0;
  let fraction = 0;
  let fractionDigits = -1;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code >= 48 && code <= 57) {
      if (fractionDigits < 0) whole = whole * 10 + (code - 48);
      else {
        fraction = fraction * 10 + (code - 48);
        fractionDigits++;
      }
    } else if ((code === 44 || code === 46) && fractionDigits < 0 && at > 0) fractionDigits = 0;
    else return null;
  }
  if (text.length === 0 || fractionDigits === 0 || fractionDigits === 3 || fractionDigits > digits || whole > 1e13) return null;
  return whole * 10 ** digits + (fractionDigits > 0 ? fraction * 10 ** (digits - fractionDigits) : 0);
}

/** Digits grouped by threes with the group separator (or not at all), then the decimal one. Else null. */
function styledAmount(text: string, decimal: number, digits: number): number | null {
  const decimalAt = text.indexOf(String.fromCharCode(decimal));
  const whole = decimalAt === -1 ? text : text.slice(0, decimalAt);
  const fraction = decimalAt === -1 ? '' : text.slice(decimalAt + 1);
  if (whole === '' || (decimalAt !== -1 && fraction === '') || fraction.length > digits || !/^\d+$/.test(fraction || '0')) return null;
  const group = decimal === 44 ? '.' : ',';
  if (!/^\d+$/.test(whole) && !new RegExp(`^\\d{1,3}(\\${group}\\d{3})+$`).test(whole)) return null;
  const minor = Number(whole.replaceAll(group, '')) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return Number.isSafeInteger(minor) ? minor : null;
}

/** `bare` is the amount without its symbol: parseAmount knows `R$` and `€` but not `US$`, `Kz` or `S/`. */
function viaMoney(bare: string, text: string, currency: string): number | CellFault {
  try {
    return parseAmount(bare, currency);
  } catch {
    return fault('bad-amount', text, 'is not an amount');
  }
}

/**
 * Symbols that name one currency each, longest first so `US$` is not read as `$`. A bare `$` names a dozen dollars
 * and pesos (DOLLARS): the text alone cannot tell which.
 */
const SYMBOLS: readonly (readonly [string, string])[] = [
  ['US$', 'USD'],
  ['U$', 'USD'],
  ['CA$', 'CAD'],
  ['AU$', 'AUD'],
  ['MX$', 'MXN'],
  ['R$', 'BRL'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['Kz', 'AOA'],
  ['MT', 'MZN'],
  ['S/', 'PEN'],
];

/** Currencies written with a bare `$` where they are used. */
export const DOLLARS: ReadonlySet<string> = new Set(['USD', 'CAD', 'AUD', 'NZD', 'MXN', 'ARS', 'CLP', 'COP', 'UYU', 'SGD', 'HKD', 'TWD']);

/**
 * The currency an amount's text names, by an ISO code (`BRL 10`, `10,00 EUR`) or a symbol (`R$ 1.234,56`, `US$ 5`):
 * its ISO code; `$` for a bare dollar sign (one of DOLLARS, the reader's to decide); `conflict` when the text names
 * two; null when it names none. A code Intl does not know is no currency (`ABC 10` names none).
 */
export function currencyNamedIn(text: string): string | '$' | 'conflict' | null {
  const named = new Set<string>();
  for (const match of text.matchAll(/(?<![A-Za-z])[A-Z]{3}(?![A-Za-z])/g)) if (minorDigits(match[0]) >= 0) named.add(match[0]);
  let rest = text;
  for (const [symbol, currency] of SYMBOLS) {
    if (!rest.includes(symbol)) continue;
    named.add(currency);
    rest = rest.replaceAll(symbol, ' ');
  }
  if (rest.includes('$')) named.add('$');
  if (named.size > 1 && named.has('$')) {
    // `$` beside a code that is a dollar (`USD $10`) says the same thing twice.
    named.delete('$');
    if ([...named].some((currency) => !DOLLARS.has(currency))) return 'conflict';
  }
  return named.size === 0 ? null : named.size === 1 ? ([...named][0] as string) : 'conflict';
}
