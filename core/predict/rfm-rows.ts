import { calendarOf } from '../locale/calendar';
import type { PurchaseRow } from './types';

export type OrderForRfm = {
  /** Order total in minor currency units (cents). */
  readonly totalMinor: number;
  readonly status: 'paid' | 'refunded' | 'cancelled';
} & (
  | {
      /** ISO 8601 timestamp. Without a zone designator it is read as UTC, not host-local time. */
      readonly placedAt: string;
    }
  | {
      /** The timestamp already parsed, epoch ms (the segmentation engine keeps its orders so); NaN is unparseable. */
      readonly placedAtMs: number;
    }
);

export interface RfmRow extends PurchaseRow {
  /** Mean total of the repeat purchase days, in minor units; 0 when frequency is 0. */
  readonly monetaryValue: number;
}

const DAYS_PER_UNIT = { days: 1, weeks: 7 } as const;
// Date.parse reads "2024-05-01T10:00" as host-local time; appending Z keeps results identical on
// every machine, which matters because a purchase's day decides what counts as one purchase.
const MISSING_ZONE = /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

function parseInstant(placedAt: string): number {
  const ms = Date.parse(MISSING_ZONE.test(placedAt) ? `${placedAt}Z` : placedAt);
  if (Number.isNaN(ms)) throw new RangeError(`Unparseable placedAt: ${placedAt}`);
  return ms;
}

function parsedInstant(placedAtMs: number): number {
  if (!Number.isFinite(placedAtMs)) throw new RangeError('Unparseable placedAt');
  return placedAtMs;
}

/**
 * Summarises one customer's orders as of `now` for the purchase and spend models, with recency
 * and T in `unit` (days, or weeks = days / 7; the same unit must be used for every row of a fit).
 * Only paid orders placed at or before `now` count; orders on the same day of the seller's calendar
 * (`timeZone`, an IANA name) are one purchase with their totals summed. frequency = distinct purchase days − 1, recency = days from
 * the first to the last purchase day, T = days from the first purchase day to now's day, and
 * monetaryValue = mean of the repeat purchase days' totals (the first day is left out, as the
 * Gamma-Gamma model expects). Returns null when there is no paid order.
 */
export function rfmRowFromOrders(
  orders: readonly OrderForRfm[],
  now: Date | number,
  unit: 'days' | 'weeks',
  timeZone: string,
): RfmRow | null {
  const calendar = calendarOf(timeZone);
  const nowMs = typeof now === 'number' ? now : now.getTime();
  if (!Number.isFinite(nowMs)) throw new RangeError('now must be a valid date');
  const nowDay = calendar.day(nowMs);
  const totalsByDay = new Map<number, number>();
  for (const order of orders) {
    if (order.status !== 'paid') continue;
    const ms = 'placedAtMs' in order ? parsedInstant(order.placedAtMs) : parseInstant(order.placedAt);
    if (ms > nowMs) continue;
    const day = calendar.day(ms);
    totalsByDay.set(day, (totalsByDay.get(day) ?? 0) + order.totalMinor);
  }
  if (totalsByDay.size === 0) return null;
  const days = [...totalsByDay.keys()].sort((a, b) => a - b);
  const first = days[0] as number;
  const last = days[days.length - 1] as number;
  let repeatTotal = 0;
  for (let i = 1; i < days.length; i++) repeatTotal += totalsByDay.get(days[i] as number) as number;
  const frequency = days.length - 1;
  const scale = DAYS_PER_UNIT[unit];
  return {
    frequency,
    recency: (last - first) / scale,
    T: (nowDay - first) / scale,
    monetaryValue: frequency > 0 ? repeatTotal / frequency : 0,
  };
}
