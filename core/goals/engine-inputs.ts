import { calendarOf } from '../locale/calendar';
import type { SegmentationEngine } from '../segments/engine';
import { NO_SLOT } from '../segments/order-columns';
import type { GoalInputs } from './progress';
import { countRecoveredCustomers } from './recovered';

/** A goal's inputs from the segmentation engine: its metrics, and its order columns for recovered customers. */
export function engineGoalInputs(engine: SegmentationEngine): GoalInputs {
  return {
    metrics: (period) => engine.metrics(period),
    recoveredCustomers: (fromDay, toDay) => {
      const context = engine.bookContext();
      return countRecoveredCustomers(purchaseDaysOfEach(engine, context.timeZone), fromDay, toDay, context.storeIntervalDays, context.activityConfig);
    },
  };
}

/** Every customer's distinct paid purchase days, ascending, walked from the order columns (one customer at a time). */
function* purchaseDaysOfEach(engine: SegmentationEngine, timeZone: string): Generator<number[]> {
  const view = engine.orderColumns();
  const calendar = calendarOf(timeZone);
  const paid = view.codeOf('paid');
  if (paid < 0) return;
  for (let customer = 0; customer < view.customers; customer++) {
    const days = new Set<number>();
    for (let slot = view.head[customer] ?? NO_SLOT; slot !== NO_SLOT; slot = view.next[slot] as number) {
      if (view.status[slot] === paid) days.add(calendar.day(view.placedAtMs[slot] as number));
    }
    if (days.size > 1) yield [...days].sort((a, b) => a - b);
  }
}
