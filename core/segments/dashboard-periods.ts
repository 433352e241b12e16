import { calendarOf } from '../locale/calendar';
import { DAY_MS } from './time';

/** The periods the dashboard compares: the calendar month, quarter and year so far, or the last 30 days. */
export const DASHBOARD_PERIODS = ['month', 'quarter', 'year', '30d'] as const;
export type DashboardPeriod = (typeof DASHBOARD_PERIODS)[number];

/** An epoch-ms window [start, end) and where the one before it starts: a Period the metrics take as it is. */
export interface PeriodWindow {
  readonly start: number;
  readonly end: number;
  readonly previousStart: number;
}

/** The current window and the one before it, each with its own window before (retention's base). */
export interface PeriodWindows {
  readonly current: PeriodWindow;
  readonly previous: PeriodWindow;
}

const MONTHS_IN = { month: 1, quarter: 3, year: 12 } as const;

/**
 * The windows of a dashboard period on the seller's calendar (`timeZone`), at `nowMs`. A calendar period is the
 * one `now` falls in, still growing (it ends at the next one's first instant), against the whole one before it:
 * November so far against October, Q4 against Q3; each window's retention counts the buyers of the whole one before. `30d` is the last 30 days of the seller, today included,
 * against the 30 before. Every edge is a local midnight, so a 22:00 sale in São Paulo on the 31st is the 31st's.
 */
export function periodWindows(period: DashboardPeriod, nowMs: number, timeZone: string): PeriodWindows {
  const calendar = calendarOf(timeZone);
  const today = calendar.day(nowMs);
  if (period === '30d') {
    const edge = (k: number) => calendar.dayStart(today + 1 - 30 * k);
    return { current: { start: edge(1), end: edge(0), previousStart: edge(2) }, previous: { start: edge(2), end: edge(1), previousStart: edge(3) } };
  }
  const span = MONTHS_IN[period];
  // Day numbers count local dates from 1970-01-01: the UTC date of day·DAY_MS is the local date.
  const date = new Date(today * DAY_MS);
  const month = date.getUTCFullYear() * 12 + date.getUTCMonth();
  const first = month - (month % span);
  const startOf = (m: number) => calendar.dayStart(Math.round(Date.UTC(Math.floor(m / 12), m % 12, 1) / DAY_MS));
  const edge = (k: number) => startOf(first - k * span);
  return { current: { start: edge(0), end: edge(-1), previousStart: edge(1) }, previous: { start: edge(1), end: edge(0), previousStart: edge(2) } };
}

