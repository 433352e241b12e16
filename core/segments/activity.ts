import type { Order } from '../model';
import { medianOfSorted } from './stats';
import { type Calendar } from '../locale/calendar';
import { daysSince, parseInstantMs } from './time';

/**
 * Where a customer stands against their own buying rhythm. `prospect` = never paid for an order (kept apart so
 * "no purchase" is never mistaken for "lost").
 */
export const ACTIVITY_STATUSES = ['prospect', 'new', 'active', 'at-risk', 'inactive', 'lost'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** Thresholds, as multiples of the customer's typical interval between purchases. Boundaries are "past", i.e. >. */
export interface ActivityConfig {
  /** At risk when silent for more than this many intervals. */
  readonly atRiskMultiple: number;
  readonly inactiveMultiple: number;
  readonly lostMultiple: number;
  /** Lost after this many silent days whatever the rhythm: a yearly buyer silent for 2 years is gone. */
  readonly lostAfterDays: number;
  /** Interval assumed for one-time buyers when the store has no repeat buyers to learn from. */
  readonly fallbackIntervalDays: number;
}

export const DEFAULT_ACTIVITY_CONFIG: ActivityConfig = Object.freeze({
  atRiskMultiple: 1.5,
  inactiveMultiple: 3,
  lostMultiple: 6,
  lostAfterDays: 365,
  fallbackIntervalDays: 30,
});

/** Defaults overridden by `overrides`; throws a RangeError naming the field when the thresholds do not climb. */
export function activityConfig(overrides: Partial<ActivityConfig> = {}): ActivityConfig {
  const config = { ...DEFAULT_ACTIVITY_CONFIG, ...overrides };
  for (const [name, value] of Object.entries(config)) {
    if (!Number.isFinite(value) || value <= 0) throw new RangeError(`activity config ${name} must be a positive number`);
  }
  if (config.inactiveMultiple < config.atRiskMultiple) throw new RangeError('activity config inactiveMultiple must be ≥ atRiskMultiple');
  if (config.lostMultiple < config.inactiveMultiple) throw new RangeError('activity config lostMultiple must be ≥ inactiveMultiple');
  return Object.freeze(config);
}

/** Whose rhythm the interval is: the customer's own (≥ 2 purchase days), the store's typical one, or the fallback. */
export type IntervalSource = 'own' | 'store' | 'default';

/** Which rule decided the status; the formatter turns it into words. */
export type ActivityRule =
  | 'no-purchase'
  | 'first-purchase-recent'
  | 'on-cadence'
  | 'past-at-risk'
  | 'past-inactive'
  | 'past-lost-multiple'
  | 'past-lost-days';

export interface ActivityReason {
  readonly rule: ActivityRule;
  readonly purchaseDays: number;
  /** Typical days between purchases used for the decision; null for prospects. */
  readonly intervalDays: number | null;
  readonly intervalSource: IntervalSource | null;
  readonly daysSinceLastPurchase: number | null;
  /** Silent days past which the status applies (e.g. 90 for a monthly buyer turning inactive); null when none. */
  readonly thresholdDays: number | null;
}

export interface ActivityResult {
  readonly status: ActivityStatus;
  readonly reason: ActivityReason;
  /** Start (local 00:00) of the day the next purchase is due: last purchase day + the interval, rounded to days. */
  readonly nextPurchaseExpectedAt: number | null;
  /** Days past the expected date (0 while not yet due); null for prospects. */
  readonly daysOverdue: number | null;
}

/** Distinct days of the seller's calendar with a paid order, ascending: refunds and cancellations are not purchases. */
export function purchaseDaysOf(orders: Iterable<Pick<Order, 'placedAt' | 'status'>>, calendar: Calendar): number[] {
  const days = new Set<number>();
  for (const order of orders) {
    if (order.status !== 'paid') continue;
    const ms = parseInstantMs(order.placedAt);
    if (Number.isFinite(ms)) days.add(calendar.day(ms));
  }
  return Array.from(days).sort((a, b) => a - b);
}

/** Median gap in days between consecutive purchase days (sorted, distinct); null with fewer than two. */
export function typicalIntervalDays(purchaseDays: readonly number[]): number | null {
  if (purchaseDays.length < 2) return null;
  // A plain array: typed arrays allocate off-heap and cost more than the sort for a customer's handful of gaps.
  const gaps: number[] = [];
  for (let i = 1; i < purchaseDays.length; i++) gaps.push((purchaseDays[i] as number) - (purchaseDays[i - 1] as number));
  return medianOfSorted(gaps.sort((a, b) => a - b));
}

/** The store-wide typical interval: median of the repeat buyers' own intervals; null when nobody bought twice. */
export function storeTypicalIntervalDays(ownIntervals: Iterable<number | null>): number | null {
  const values: number[] = [];
  for (const v of ownIntervals) if (v !== null) values.push(v);
  return medianOfSorted(Float64Array.from(values).sort());
}

export interface ActivityInput {
  /** Sorted distinct purchase days (see purchaseDaysOf). */
  readonly purchaseDays: readonly number[];
  /** Day number of "now" in `calendar`. */
  readonly today: number;
  /** The seller's calendar the day numbers count in. */
  readonly calendar: Calendar;
  /** From storeTypicalIntervalDays; used for one-time buyers. */
  readonly storeIntervalDays: number | null;
  /** typicalIntervalDays(purchaseDays) when the caller already has it; computed when absent. */
  readonly ownIntervalDays?: number | null;
}

/**
 * Activity status from days since the last purchase against the customer's cadence. One purchase day and not
 * silent for longer than the interval → `new`; after that a one-time buyer climbs the same ladder as everyone
 * (`active` until 1.5×, then at risk, inactive, lost). Orders dated after `today` count as bought today.
 */
export function computeActivity(input: ActivityInput, config: ActivityConfig = DEFAULT_ACTIVITY_CONFIG): ActivityResult {
  const { purchaseDays, today } = input;
  const last = purchaseDays[purchaseDays.length - 1];
  if (last === undefined) {
    return {
      status: 'prospect',
      reason: { rule: 'no-purchase', purchaseDays: 0, intervalDays: null, intervalSource: null, daysSinceLastPurchase: null, thresholdDays: null },
      nextPurchaseExpectedAt: null,
      daysOverdue: null,
    };
  }
  const own = input.ownIntervalDays !== undefined ? input.ownIntervalDays : typicalIntervalDays(purchaseDays);
  const store = input.storeIntervalDays;
  const source: IntervalSource = own !== null ? 'own' : store !== null && store > 0 && Number.isFinite(store) ? 'store' : 'default';
  // Gaps between distinct days are ≥ 1, so only a store/fallback value could be below a day.
  const interval = Math.max(1, source === 'own' ? (own as number) : source === 'store' ? (store as number) : config.fallbackIntervalDays);
  const since = daysSince(last, today);
  const lostByRhythm = config.lostMultiple * interval;

  // Plain assignments (no spreads or tuple destructuring): this runs once per customer on every recompute.
  let status: ActivityStatus = 'active';
  let rule: ActivityRule = 'on-cadence';
  let thresholdDays: number | null = null;
  if (since > lostByRhythm || since > config.lostAfterDays) {
    status = 'lost';
    rule = since > lostByRhythm ? 'past-lost-multiple' : 'past-lost-days';
    thresholdDays = since > lostByRhythm ? lostByRhythm : config.lostAfterDays;
  } else if (since > config.inactiveMultiple * interval) {
    status = 'inactive';
    rule = 'past-inactive';
    thresholdDays = config.inactiveMultiple * interval;
  } else if (since > config.atRiskMultiple * interval) {
    status = 'at-risk';
    rule = 'past-at-risk';
    thresholdDays = config.atRiskMultiple * interval;
  } else if (purchaseDays.length === 1 && since <= interval) {
    status = 'new';
    rule = 'first-purchase-recent';
  }
  const dueDay = last + Math.round(interval);
  return {
    status,
    reason: { rule, purchaseDays: purchaseDays.length, intervalDays: interval, intervalSource: source, daysSinceLastPurchase: since, thresholdDays },
    nextPurchaseExpectedAt: input.calendar.dayStart(dueDay),
    daysOverdue: Math.max(0, today - dueDay),
  };
}
