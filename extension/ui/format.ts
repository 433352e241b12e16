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

/** Date and time in the seller's own zone, for follow-ups. */
export function formatDateTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

/** Today as `aaaa-mm-dd` in the seller's zone, for date inputs. */
export function todayInput(now = new Date()): string {
  const offset = now.getTimezoneOffset() * 60_000;
  return new Date(now.getTime() - offset).toISOString().slice(0, 10);
}
