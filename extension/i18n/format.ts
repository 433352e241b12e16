import { dateTimeFormat, numberFormat, relativeTimeFormat, zoneOffsetMs, type Locale } from '../../core/locale';

/**
 * Per locale and currency, the formatter and what a minor unit is worth. A scrolled table formats a few hundred
 * amounts a frame: the formatter's options, read each time, were an object apiece.
 */
const MONEY = new Map<string, { format: Intl.NumberFormat; unit: number }>();

/** Money from integer minor units, in the seller's locale: `R$ 1.234,56` in pt-BR. */
export function formatMoney(minor: number, currency: string, locale: Locale): string {
  const key = `${locale}|${currency}`;
  let money = MONEY.get(key);
  if (money === undefined) {
    const format = numberFormat(locale, { style: 'currency', currency });
    money = { format, unit: 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2) };
    MONEY.set(key, money);
  }
  return money.format.format(minor / money.unit);
}

const DATE: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', year: 'numeric' };
const DATE_TIME: Intl.DateTimeFormatOptions = { ...DATE, hour: '2-digit', minute: '2-digit' };

const DATES = new Map<string, Intl.DateTimeFormat>();

/** A calendar date, `dd/mm/aaaa` in pt-BR, on the seller's calendar (`timeZone`, an IANA name). */
export function formatDate(iso: string | number, locale: Locale, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  let format = DATES.get(key);
  if (format === undefined) DATES.set(key, (format = dateTimeFormat(locale, timeZone, DATE)));
  return format.format(typeof iso === 'number' ? iso : Date.parse(iso));
}

/** Date and time on the seller's clock, for follow-ups and backups. */
export function formatDateTime(iso: string, locale: Locale, timeZone: string): string {
  return dateTimeFormat(locale, timeZone, DATE_TIME).format(new Date(iso));
}

/** Today as `aaaa-mm-dd` on the seller's calendar, for date inputs. */
export function todayInput(now: Date, timeZone: string): string {
  const parts: Record<string, string> = {};
  for (const part of dateTimeFormat('en', timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now)) parts[part.type] = part.value;
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/**
 * Epoch ms of what a date-time input (`aaaa-mm-ddThh:mm`) means on the seller's clock in `timeZone`; NaN when the
 * text is no date. A time DST skips reads as the hour after it.
 */
export function instantOfWallClock(value: string, timeZone: string): number {
  const wall = Date.parse(`${value.length === 16 ? `${value}:00` : value}Z`);
  if (!Number.isFinite(wall)) return Number.NaN;
  const guess = wall - zoneOffsetMs(wall, timeZone);
  return wall - zoneOffsetMs(guess, timeZone);
}

/** `hoje`, `ontem`, `há 3 dias`: how long ago, in days, in the seller's words. */
export function formatDaysAgo(days: number, locale: Locale): string {
  return relativeTimeFormat(locale, { numeric: 'auto' }).format(-days, 'day');
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
  return numberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: value < 10 && size > 1 ? 1 : 0 }).format(value);
}

/** A share of work done, `45%`; a total of zero reads as nothing done yet. */
export function formatPercent(done: number, total: number, locale: Locale): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(total > 0 ? Math.min(1, done / total) : 0);
}
