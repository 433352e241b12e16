import type { Locale } from './i18n';

/** Money from integer minor units, in the seller's locale: `R$ 1.234,56` in pt-BR. */
export function formatMoney(minor: number, currency: string, locale: Locale): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
}

/** A calendar date, `dd/mm/aaaa` in pt-BR, read in UTC so a date never shifts by a day between zones. */
export function formatDate(iso: string | number, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(new Date(iso));
}

/** Date and time in the seller's own zone (the browser's unless given), for follow-ups and backups. */
export function formatDateTime(iso: string, locale: Locale, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));
}

/** Today as `aaaa-mm-dd` in the seller's zone, for date inputs. */
export function todayInput(now = new Date()): string {
  const offset = now.getTimezoneOffset() * 60_000;
  return new Date(now.getTime() - offset).toISOString().slice(0, 10);
}

/** `hoje`, `ontem`, `há 3 dias`: how long ago, in days, in the seller's words. */
export function formatDaysAgo(days: number, locale: Locale): string {
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(-days, 'day');
}

const BYTE_UNITS = [
  [1e9, 'gigabyte'],
  [1e6, 'megabyte'],
  [1e3, 'kilobyte'],
] as const;

/** A size as a person reads it: `312 MB`, `1,3 GB` (SI units, the ones Intl names). */
export function formatBytes(bytes: number, locale: Locale): string {
  const [size, unit] = BYTE_UNITS.find(([size]) => bytes >= size) ?? [1, 'byte'];
  const value = bytes / size;
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: value < 10 && size > 1 ? 1 : 0 }).format(value);
}

/** A share of work done, `45%`; a total of zero reads as nothing done yet. */
export function formatPercent(done: number, total: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(total > 0 ? Math.min(1, done / total) : 0);
}
