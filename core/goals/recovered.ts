import { type ActivityConfig, computeActivity } from '../segments/activity';
import { calendarOf } from '../locale/calendar';

/**
 * Recovered customers of the days `fromDay` … `toDay` (day numbers of the seller's calendar, both included).
 *
 * A customer is recovered when they have a purchase day `d` in those days that came after a silence their own
 * rhythm no longer allowed: judged the morning of `d` from their purchase days before `d` alone, exactly as the
 * activity ladder would have judged them that day (activity.ts `computeActivity`: their own typical interval when
 * they had two purchase days or more, else the store's, else the fallback), they were `inactive` or `lost`.
 * A first purchase never recovers anyone (no day before it); at risk is not enough. Each customer counts once,
 * however many such returns they made.
 *
 * `storeIntervalDays` is the store's typical interval as known now (book-context.ts), used for one-time buyers.
 */
export function countRecoveredCustomers(
  purchaseDaysOfEach: Iterable<readonly number[]>,
  fromDay: number,
  toDay: number,
  storeIntervalDays: number | null,
  config: ActivityConfig,
): number {
  const calendar = calendarOf('UTC');
  let count = 0;
  for (const days of purchaseDaysOfEach) {
    for (let i = 1; i < days.length; i++) {
      const day = days[i] as number;
      if (day < fromDay) continue;
      if (day > toDay) break;
      const before = days.slice(0, i);
      const { status } = computeActivity({ purchaseDays: before, today: day, calendar, storeIntervalDays }, config);
      if (status === 'inactive' || status === 'lost') {
        count += 1;
        break;
      }
    }
  }
  return count;
}
