import {
  lastMonths,
  monthlyFeedback,
  periodWindows,
  ACTIVITY_STATUSES,
  type ActivityStatus,
  type BookTable,
  type DashboardPeriod,
  type MonthlyCohort,
  type MonthlyFeedback,
  type MonthlyRevenue,
  type PredictionState,
  type WindowMetrics,
} from '../../core';
import type { BookTableService } from './book-table-service';

/** Months the charts cover, and cohorts the retention table shows (each followed for as many months at most). */
export const DASHBOARD_MONTHS = 12;

export interface DashboardReply {
  period: DashboardPeriod;
  /** The period so far (`partial` while it lasts) and the whole one before it. */
  current: WindowMetrics;
  previous: WindowMetrics;
  /** The currency predictions and the revenue chart are drawn in; the others are listed beside it. */
  mainCurrency: string;
  /** The last DASHBOARD_MONTHS months of the seller, now's last, with every currency's revenue in each. */
  revenue: MonthlyRevenue;
  /** Customers not archived, by activity (the table's facets). */
  activity: Record<ActivityStatus, number>;
  /** The last DASHBOARD_MONTHS monthly cohorts, each followed for DASHBOARD_MONTHS months at most. */
  cohorts: MonthlyCohort[];
  /** CSAT and NPS in each of the revenue chart's months. */
  feedback: MonthlyFeedback;
  /** The book's predicted value over the next 90 days (main currency); null until fitted or when too small to fit. */
  predicted: { currency: string; minor: number; customers: number; fittedAtMs: number } | null;
  predictions: PredictionState;
}

/**
 * The Painel's figures, from the background's customer table (its segmentation engine, on the seller's calendar):
 * metrics of the chosen period and of the one before (each its own window, so October is all of October even when
 * November is longer), the monthly charts cut to the last year, activity counts and the predicted book.
 */
export async function dashboardReply(table: BookTableService, period: DashboardPeriod, now: Date): Promise<DashboardReply> {
  const timeZone = table.timeZone;
  const windows = periodWindows(period, now.getTime(), timeZone);
  const months = lastMonths(now.getTime(), timeZone, DASHBOARD_MONTHS);
  return table.read((built) => {
    // The same figures until the table changes (its version counts every row it re-places: orders, ratings,
    // archives, predictions, a new day) or the period's edges move: Painel opened again, or another period and back.
    const key = JSON.stringify([built.table.version, built.predictions, timeZone, windows.current.start, windows.current.end, windows.previous.start, months[0], months.at(-1)]);
    const kept = lastReplies.get(built)?.get(period);
    if (kept?.key === key) return kept.reply;
    const reply = figuresOf(built, table.mainCurrency, period, windows, months, timeZone);
    const byPeriod = lastReplies.get(built) ?? new Map<DashboardPeriod, { key: string; reply: DashboardReply }>();
    byPeriod.set(period, { key, reply });
    lastReplies.set(built, byPeriod);
    return reply;
  });
}

/** The last reply worked out from each table, per period, with what it was worked out from. */
const lastReplies = new WeakMap<BookTable, Map<DashboardPeriod, { key: string; reply: DashboardReply }>>();

function figuresOf(built: BookTable, mainCurrency: string, period: DashboardPeriod, windows: ReturnType<typeof periodWindows>, months: readonly string[], timeZone: string): DashboardReply {
  const { revenue, cohorts } = built.monthlyFigures();
  const activity = Object.fromEntries(ACTIVITY_STATUSES.map((status) => [status, 0])) as Record<ActivityStatus, number>;
  for (const [status, count] of Object.entries(built.facets({ archived: 'exclude' }).activity)) if (status in activity) activity[status as ActivityStatus] = count;
  return {
    period,
    current: built.metrics(windows.current).current,
    previous: built.metrics(windows.previous).current,
    mainCurrency,
    revenue: lastYearOf(revenue, months),
    activity,
    cohorts: cohorts.slice(-DASHBOARD_MONTHS).map((cohort) => ({ ...cohort, buyers: cohort.buyers.slice(0, DASHBOARD_MONTHS), share: cohort.share.slice(0, DASHBOARD_MONTHS) })),
    feedback: monthlyFeedback(built.allFeedback(), timeZone, months),
    predicted: built.predictedBook(),
    predictions: built.predictions,
  };
}

/** Monthly revenue on the given months (0 where the book has none), each currency that sold in any of them. */
function lastYearOf(revenue: MonthlyRevenue, months: readonly string[]): MonthlyRevenue {
  const at = new Map(revenue.months.map((month, k) => [month, k]));
  const revenueMinor: Record<string, number[]> = {};
  for (const [currency, series] of Object.entries(revenue.revenueMinor)) {
    const values = months.map((month) => {
      const k = at.get(month);
      return k === undefined ? 0 : (series[k] ?? 0);
    });
    if (values.some((value) => value !== 0)) revenueMinor[currency] = values;
  }
  return { months, revenueMinor };
}
