import { calendarOf } from '../locale/calendar';
import { DAY_MS } from './time';

/** The periods the dashboard compares: the calendar month, quarter and year so far, or the last 30 days. */
export const DASHBOARD_PERIODS = ['month', 'quarter', 'year', '30d'] as const;
export type DashboardPeriod = (typeof DASHBOARD_PERIODS)[number];

/** Epoch-ms windows [start, end): the current one and the one before it. */
export interface PeriodWindows {
  readonly current: { readonly start: number; readonly end: number };
  readonly previous: { readonly start: number; readonly end: number };
}

const MONTHS_IN = { month: 1, quarter: 3, year: 12 } as const;

/**
 * The windows of a dashboard period on the seller's calendar (`timeZone`), at `nowMs`. A calendar period is the
 * one `now` falls in, still growing (it ends at the next one's first instant), against the whole one before it:
 * November so far against October, Q4 against Q3. `30d` is the last 30 days of the seller, today included,
 * against the 30 before. Every edge is a local midnight, so a 22:00 sale in São Paulo on the 31st is the 31st's.
 */
export function periodWindows(period: DashboardPeriod, nowMs: number, timeZone: string): PeriodWindows {
  const calendar = calendarOf(timeZone);
  const today = calendar.day(nowMs);
  if (period === '30d') {
    const end = calendar.dayStart(today + 1);
    const start = calendar.dayStart(today - 29);
    return { current: { start, end }, previous: { start: calendar.dayStart(today - 59), end: start } };
  }
  const span = MONTHS_IN[period];
  // Day numbers count local dates from 1970-01-01: the UTC date of day·DAY_MS is the local date.
  const date = new Date(today * DAY_MS);
  const month = date.getUTCFullYear() * 12 + date.getUTCMonth();
  const first = month - (month % span);
  const startOf = (m: number) => calendar.dayStart(Math.round(Date.UTC(Math.floor(m / 12), m % 12, 1) / DAY_MS));
  return { current: { start: startOf(first), end: startOf(first + span) }, previous: { start: startOf(first - span), end: startOf(first) } };
}

