import { dateTimeFormat, numberFormat, type Locale } from '../../../../core/locale';
import type { MoneyByCurrency } from '../../../../core';

/** How a figure moved from the previous period to this one, in the seller's words (never a colour alone). */
export type Change =
  | { direction: 'up' | 'down'; amount: string }
  | { direction: 'same' }
  /** Nothing to compare with: the previous period had none. */
  | { direction: 'from-nothing' };

/** Relative change of an amount or a count: ↑ 12 % (none before: nothing to compare with). */
export function relativeChange(current: number, previous: number, locale: Locale): Change {
  if (current === previous) return { direction: 'same' };
  if (previous === 0) return { direction: 'from-nothing' };
  const ratio = (current - previous) / previous;
  return { direction: ratio > 0 ? 'up' : 'down', amount: numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(Math.abs(ratio)) };
}

/** Change of a figure already on a 0–100 (or −100–100) scale, in points rounded to one decimal (their size, unsigned). */
export function pointChange(current: number, previous: number): { direction: 'up' | 'down' | 'same'; points: number } {
  // Rounded by size, so a rise and a fall of the same size read the same.
  const points = Math.round(Math.abs(current - previous) * 10) / 10;
  return { direction: points === 0 ? 'same' : current > previous ? 'up' : 'down', points };
}

/** A share 0–1 as `42,5 %`. */
export function formatShare(share: number, locale: Locale): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** A score (CSAT %, NPS) with at most one decimal. */
export function formatScore(value: number, locale: Locale): string {
  return numberFormat(locale, { maximumFractionDigits: 1 }).format(value);
}

/** `YYYY-MM` as the seller reads a month: `nov. de 2026`. */
export function formatMonth(month: string, locale: Locale): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return dateTimeFormat(locale, 'UTC', { month: 'short', year: 'numeric' }).format(Date.UTC(year, number - 1, 1));
}

/** A month under a chart's axis: `nov.`, with the year below it on the first month shown and on each January. */
export function formatAxisMonth(month: string, first: boolean, locale: Locale): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const name = dateTimeFormat(locale, 'UTC', { month: 'short' }).format(Date.UTC(year, number - 1, 1));
  return first || number === 1 ? `${name}\n${year}` : name;
}

/** The currencies of some amounts, the main one first, then by code: the order every money line is listed in. */
export function currenciesOf(mainCurrency: string, ...amounts: MoneyByCurrency[]): string[] {
  const all = new Set<string>();
  for (const money of amounts) for (const currency of Object.keys(money)) all.add(currency);
  return [...all].sort((a, b) => (a === mainCurrency ? -1 : b === mainCurrency ? 1 : a.localeCompare(b)));
}
