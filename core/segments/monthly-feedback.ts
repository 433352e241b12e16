import type { Feedback } from '../model';
import { calendarOf } from '../locale/calendar';
import { feedbackFigures } from './metrics';
import { DAY_MS, parseInstantMs } from './time';

/** CSAT and NPS per calendar month of the seller, as the period metrics compute them for one window. */
export interface MonthlyFeedback {
  /** `YYYY-MM`, oldest first. */
  readonly months: readonly string[];
  readonly csatResponses: readonly number[];
  /** % (0–100) of the month's CSAT scores that are 4 or 5; null in a month without any. */
  readonly csatPercent: readonly (number | null)[];
  readonly npsResponses: readonly number[];
  /** % promoters − % detractors, −100…100; null in a month without NPS scores. */
  readonly nps: readonly (number | null)[];
}

/** The `count` calendar months of the seller's zone that end with now's, `YYYY-MM`, oldest first. */
export function lastMonths(nowMs: number, timeZone: string, count: number): string[] {
  const date = new Date(calendarOf(timeZone).day(nowMs) * DAY_MS);
  const now = date.getUTCFullYear() * 12 + date.getUTCMonth();
  return Array.from({ length: count }, (_, k) => monthLabel(now - count + 1 + k));
}

/**
 * The ratings received in each of `months` (by `receivedAt` on the seller's calendar), with CSAT and NPS worked
 * out as `computeMetrics` does for a window (`feedbackFigures`), so a month's figures equal that month's metrics.
 */
export function monthlyFeedback(feedback: Iterable<Feedback>, timeZone: string, months: readonly string[]): MonthlyFeedback {
  const calendar = calendarOf(timeZone);
  // Each month's first instant and the next month's after the last: a rating is placed by comparing instants,
  // without a calendar day per rating (a book has tens of thousands).
  const edges = [...months, nextMonth(months.at(-1) ?? '1970-01')].map((month) => {
    const [year, number] = month.split('-').map(Number) as [number, number];
    return calendar.dayStart(Math.round(Date.UTC(year, number - 1, 1) / DAY_MS));
  });
  const scores = months.map(() => ({ csat: [] as number[], nps: [] as number[] }));
  for (const row of feedback) {
    const at = parseInstantMs(row.receivedAt);
    if (!(at >= (edges[0] as number) && at < (edges[months.length] as number))) continue;
    let k = months.length - 1;
    while (at < (edges[k] as number)) k -= 1;
    (row.kind === 'csat' ? scores[k]!.csat : scores[k]!.nps).push(row.score);
  }
  const figures = scores.map(feedbackFigures);
  return {
    months,
    csatResponses: figures.map((f) => f.csatResponses),
    csatPercent: figures.map((f) => f.csatPercent),
    npsResponses: figures.map((f) => f.npsResponses),
    nps: figures.map((f) => f.nps),
  };
}

function monthLabel(month: number): string {
  return `${String(Math.floor(month / 12)).padStart(4, '0')}-${String((month % 12) + 1).padStart(2, '0')}`;
}

function nextMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return monthLabel(year * 12 + number);
}
