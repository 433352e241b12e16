import { ValidationError } from '../model';

/** Digits after the decimal separator for an ISO currency (BRL 2, JPY 0, KWD 3), as Intl knows them. */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * Reads an amount the way a seller types it — `1.234,56`, `R$ 50`, `50.5`, `1,234.56`, `€ 12` — into integer minor
 * units of `currency`. Rules: currency symbols, codes and spaces are ignored; when both `.` and `,` appear the
 * last one is the decimal separator; a single separator followed by exactly three digits groups thousands
 * (`1.234` is one thousand two hundred thirty-four, as in Brazil and Portugal), otherwise it is the decimal
 * separator (`50.5`, `50,5`). Negative amounts and more decimals than the currency has are refused.
 */
export function parseAmount(text: string, currency = 'BRL'): number {
  const fail = (message: string) => new ValidationError([{ field: 'amount', message }], 'The amount');
  const cleaned = text
    .trim()
    .replace(/[A-Za-z]{3}\b/g, '')
    .replace(/[R$€£¥\s\u00a0\u202f]/g, '');
  if (/^-/.test(cleaned)) throw fail(`"${text}" is negative: record a refund as the order's status instead`);
  if (!/^\d[\d.,]*$/.test(cleaned) || /[.,]{2}|[.,]$/.test(cleaned)) throw fail(`"${text}" is not an amount`);
  const lastDot = cleaned.lastIndexOf('.');
  const lastComma = cleaned.lastIndexOf(',');
  let decimalAt = -1;
  if (lastDot >= 0 && lastComma >= 0) decimalAt = Math.max(lastDot, lastComma);
  else {
    const separator = lastDot >= 0 ? '.' : ',';
    const at = Math.max(lastDot, lastComma);
    const single = cleaned.indexOf(separator) === at;
    if (at >= 0 && !(single && cleaned.length - at - 1 === 3)) decimalAt = single ? at : -1;
    if (at >= 0 && !single && cleaned.length - at - 1 !== 3) throw fail(`"${text}" is not an amount`);
  }
  const whole = (decimalAt >= 0 ? cleaned.slice(0, decimalAt) : cleaned).replace(/[.,]/g, '');
  const fraction = decimalAt >= 0 ? cleaned.slice(decimalAt + 1) : '';
  if (decimalAt >= 0 && /[.,]/.test(fraction)) throw fail(`"${text}" is not an amount`);
  const digits = currencyDigits(currency);
  if (fraction.length > digits) throw fail(`"${text}" has more decimals than ${currency} has (${digits})`);
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(minor)) throw fail(`"${text}" is too large`);
  return minor;
}
