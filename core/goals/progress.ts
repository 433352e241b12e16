import { calendarOf } from '../locale/calendar';
import type { Metrics, Period } from '../segments/metrics';
import { type Instant, toEpochMs } from '../segments/time';
import { dayOfIso, isoDay } from '../today/today-marks';
import { type Goal, GOAL_METRIC_PACE } from './goal';

/** What a goal's figures are read from (engine-inputs.ts makes it from the segmentation engine). */
export interface GoalInputs {
  /** The store's metrics of a period (epoch ms, [start, end)) and the window before it: engine.metrics. */
  metrics(period: Period): Metrics;
  /** Recovered customers of the days fromDay … toDay of the seller's calendar (recovered.ts). */
  recoveredCustomers(fromDay: number, toDay: number): number;
}

/**
 * - `not-started`: the start day is still ahead;
 * - `reached`: a total or count at or past its target (it cannot fall back), or a rate at or past it when the span ended;
 * - `on-track`: a total or count whose linear projection reaches the target by the deadline, or a rate at or past it now;
 * - `behind`: the span runs on and the pace does not get there;
 * - `missed`: the deadline passed without reaching it.
 */
export type GoalVerdict = 'not-started' | 'reached' | 'on-track' | 'behind' | 'missed';

export interface GoalProgress {
  readonly goalId: string;
  /** The figure over the goal's days so far (minor units, percent, or a count); null when it has no value yet (no orders, no ratings). */
  readonly value: number | null;
  readonly target: number;
  /** value ÷ target, 0…1 (0 without a value). */
  readonly progress: number;
  /**
   * Where the current pace gets by the deadline: for a total or count, value ÷ days elapsed × days of the span;
   * for a rate or an average, where it stands now. Null without a value or before the start.
   */
  readonly projected: number | null;
  readonly verdict: GoalVerdict;
  /** The seller's today, `YYYY-MM-DD`. */
  readonly today: string;
  /** Days of the span, start and deadline included. */
  readonly spanDays: number;
  /** Days of the span gone by, today included (0 before the start, spanDays after the deadline). */
  readonly elapsedDays: number;
  /** Days after today up to the deadline (0 on the deadline and after it). */
  readonly daysLeft: number;
  /** For a total or count not reached: how much is still needed per day left, today included; null otherwise. */
  readonly neededPerDay: number | null;
}

/**
 * A goal's progress at `now`, cut on the calendar of `timeZone`. The figures are those of the period from the start
 * day's first instant to the end of the deadline day (engine.metrics of that period: orders after `now` do not
 * exist yet, so it is the figure of [start, now]). Retention reads as in the dashboard: of the customers who bought
 * in the window of the same length just before the start, the share who bought again since.
 */
export function goalProgress(goal: Goal, inputs: GoalInputs, now: Instant, timeZone: string): GoalProgress {
  const calendar = calendarOf(timeZone);
  const today = calendar.day(toEpochMs(now));
  const startDay = dayOfIso(goal.start);
  const deadlineDay = dayOfIso(goal.deadline);
  const spanDays = deadlineDay - startDay + 1;
  const elapsedDays = Math.max(0, Math.min(today, deadlineDay) - startDay + 1);
  const daysLeft = Math.max(0, deadlineDay - today);
  const base = { goalId: goal.id, target: goal.target, today: isoDay(today), spanDays, elapsedDays, daysLeft };
  if (elapsedDays === 0) return { ...base, value: null, progress: 0, projected: null, verdict: 'not-started', neededPerDay: null };

  const value = goalValue(goal, inputs, { start: calendar.dayStart(startDay), end: calendar.dayStart(deadlineDay + 1) }, startDay, Math.min(today, deadlineDay));
  const progress = value === null ? 0 : Math.min(1, Math.max(0, value / goal.target));
  const ended = today > deadlineDay;
  const reachedNow = value !== null && value >= goal.target;
  if (GOAL_METRIC_PACE[goal.metric] === 'sum') {
    const sum = value ?? 0;
    const projected = (sum / elapsedDays) * spanDays;
    const verdict: GoalVerdict = reachedNow ? 'reached' : ended ? 'missed' : projected >= goal.target ? 'on-track' : 'behind';
    const neededPerDay = reachedNow || ended ? null : (goal.target - sum) / (daysLeft + 1);
    return { ...base, value: sum, progress, projected, verdict, neededPerDay };
  }
  const verdict: GoalVerdict = ended ? (reachedNow ? 'reached' : 'missed') : reachedNow ? 'on-track' : 'behind';
  return { ...base, value, progress, projected: value, verdict, neededPerDay: null };
}

function goalValue(goal: Goal, inputs: GoalInputs, period: Period, fromDay: number, toDay: number): number | null {
  if (goal.metric === 'recoveredCustomers') return inputs.recoveredCustomers(fromDay, toDay);
  const m = inputs.metrics(period).current;
  const currency = goal.currency ?? '';
  const percent = (rate: number | null) => (rate === null ? null : rate * 100);
  switch (goal.metric) {
    case 'revenue':
      return m.revenueMinor[currency] ?? 0;
    case 'averageTicket':
      return m.averageTicketMinor[currency] ?? null;
    case 'orders':
      return m.orders;
    case 'newCustomers':
      return m.newCustomers;
    case 'retention':
      return percent(m.retentionRate);
    case 'repurchaseRate':
      return percent(m.repurchaseRate);
    case 'csat':
      return m.csatPercent;
    case 'nps':
      return m.nps;
  }
}
