import type { Feedback } from '../model';
import { ACTIVITY_STATUSES } from './activity';
import { type BookContext, type CutPointFigures, type SegmentationOptions, bookContextOf } from './book-context';
import type { CustomerForBase } from './customer-base';
import { LIFECYCLE_STAGES, type LifecycleConfig } from './lifecycle';
import type { OrderColumnsView } from './order-columns';
import { NO_DAY, type PurchaseRhythm, purchaseRhythmOf } from './purchase-rhythm';
import { scoreHigherIsBetter, scoreLowerIsBetter } from './rfm';
import { RFM_SEGMENT_IDS, rfmSegment } from './rfm-segments';
import { calendarOf } from '../locale/calendar';
import { parseInstantMs } from './time';

/** What the columns read: the engine's order columns, and its customers and ratings by customer number. */
export interface FactColumnsInput {
  readonly orders: OrderColumnsView;
  /** By customer number; undefined for a number whose customer is not in the book (their orders are not counted). */
  readonly customers: readonly (CustomerForBase | undefined)[];
  readonly feedback: readonly (readonly Feedback[] | undefined)[];
  /** Day number of "now" on the seller's calendar (options.timeZone). */
  readonly today: number;
}

/** No code: not scored, no rating. */
export const NO_CODE = 255;

/**
 * Every customer's facts as columns by customer number (the order columns' numbering; `ids` turns a number back
 * into the id). Equal, field by field, to deriveFacts(computeCustomerBase(…), context) of each customer in the
 * book; numbers whose customer is not in the book have `present` 0 and nothing else set.
 */
export interface FactColumns extends PurchaseRhythm {
  readonly size: number;
  readonly ids: readonly string[];
  /** The records read, by number (shared: tags, contacts, funnel stage and custom fields are read from them). */
  readonly customers: readonly (CustomerForBase | undefined)[];
  readonly today: number;
  readonly context: BookContext;
  readonly present: Uint8Array;
  readonly archived: Uint8Array;
  /** Epoch ms the customer was created; whole days since then on the seller's calendar. */
  readonly createdAt: Float64Array;
  readonly daysSinceCreated: Float64Array;
  /** −1 without purchases. */
  readonly daysSinceLastOrder: Int32Array;
  /** Main-currency paid total ÷ paid orders in it, rounded; NaN without an order in it. */
  readonly averageTicketMain: Float64Array;
  /** Code into ACTIVITY_STATUSES; the interval it used (NaN for prospects). */
  readonly activity: Uint8Array;
  readonly intervalDays: Float64Array;
  /** Days since the expected next purchase (last purchase day + the interval, rounded): ≤ 0 while not due; NaN for prospects. */
  readonly daysLate: Float64Array;
  /** RFM scores 1–5, 0 when not scored; the named segment, a code into RFM_SEGMENT_IDS or NO_CODE. */
  readonly recency: Uint8Array;
  readonly frequency: Uint8Array;
  readonly monetary: Uint8Array;
  readonly rfmSegment: Uint8Array;
  /** Code into LIFECYCLE_STAGES; retention signals as bits in RetentionSignal order (1 at-risk, 2 falling, 4 bad rating). */
  readonly lifecycle: Uint8Array;
  readonly signals: Uint8Array;
  readonly highValue: Uint8Array;
  readonly worthRecovering: Uint8Array;
  /** Latest scores, NO_CODE without one. */
  readonly latestCsat: Uint8Array;
  readonly latestNps: Uint8Array;
}

const ACTIVITY = codes(ACTIVITY_STATUSES);
const STAGE = codes(LIFECYCLE_STAGES);
const SEGMENT = codes(RFM_SEGMENT_IDS);

/**
 * Every customer's facts in a fixed number of passes: the orders once (purchase-rhythm.ts), the customers and
 * ratings once, then the cut points (O(n log n), from these columns: no base or facts object is made) and one
 * judging pass. `options` must be resolved (resolveOptions); `context`, when given, is judged against instead of the
 * cut points of these columns (the engine's, as its staleness contract says).
 */
export function computeFactColumns(input: FactColumnsInput, options: SegmentationOptions, context?: BookContext): FactColumns {
  const calendar = calendarOf(options.timeZone);
  const size = input.orders.customers;
  const today = input.today;
  const present = new Uint8Array(size);
  const archived = new Uint8Array(size);
  const createdAt = new Float64Array(size).fill(Number.NaN);
  const daysSinceCreated = new Float64Array(size).fill(Number.NaN);
  for (let c = 0; c < size; c++) {
    const customer = input.customers[c];
    if (customer === undefined) continue;
    present[c] = 1;
    archived[c] = customer.archivedAt === null ? 0 : 1;
    const at = parseInstantMs(customer.createdAt);
    createdAt[c] = at;
    daysSinceCreated[c] = Math.max(0, today - calendar.day(at));
  }
  const rhythm = purchaseRhythmOf(input.orders, present, calendar, options.mainCurrency);
  const judged = context ?? bookContextOf(cutPointFigures(rhythm, present, archived, today), options);
  const columns: FactColumns = {
    ...rhythm,
    size,
    ids: input.orders.customerIds,
    customers: input.customers,
    today,
    context: judged,
    present,
    archived,
    createdAt,
    daysSinceCreated,
    daysSinceLastOrder: new Int32Array(size).fill(-1),
    averageTicketMain: new Float64Array(size).fill(Number.NaN),
    activity: new Uint8Array(size),
    intervalDays: new Float64Array(size).fill(Number.NaN),
    daysLate: new Float64Array(size).fill(Number.NaN),
    recency: new Uint8Array(size),
    frequency: new Uint8Array(size),
    monetary: new Uint8Array(size),
    rfmSegment: new Uint8Array(size).fill(NO_CODE),
    lifecycle: new Uint8Array(size),
    signals: new Uint8Array(size),
    highValue: new Uint8Array(size),
    worthRecovering: new Uint8Array(size),
    latestCsat: new Uint8Array(size).fill(NO_CODE),
    latestNps: new Uint8Array(size).fill(NO_CODE),
  };
  for (let c = 0; c < size; c++) if (present[c] === 1) judge(columns, c, input.feedback[c]);
  return columns;
}

/** What the cut points read, over the customers they are computed over (not archived, with a purchase). */
function cutPointFigures(rhythm: PurchaseRhythm, present: Uint8Array, archived: Uint8Array, today: number): CutPointFigures {
  const figures: CutPointFigures = { intervals: [], recencyDays: [], frequency: [], monetaryMinor: [], spenders: [] };
  for (let c = 0; c < present.length; c++) {
    if (present[c] === 0 || archived[c] === 1 || rhythm.lastDay[c] === NO_DAY) continue;
    const interval = rhythm.ownInterval[c] as number;
    if (!Number.isNaN(interval)) figures.intervals.push(interval);
    const spend = rhythm.mainSpend[c] as number;
    figures.recencyDays.push(Math.max(0, today - (rhythm.lastDay[c] as number)));
    figures.frequency.push(rhythm.purchaseDays[c] as number);
    figures.monetaryMinor.push(spend);
    if (spend > 0) figures.spenders.push(spend);
  }
  return figures;
}

/** Activity, RFM, lifecycle and ratings of customer `c`, as computeActivity, scoreRfm and deriveLifecycle judge them. */
function judge(columns: FactColumns, c: number, feedback: readonly Feedback[] | undefined): void {
  const { context, today } = columns;
  const config = context.activityConfig;
  const lifecycle = context.lifecycleConfig;
  const badRating = feedback !== undefined && feedback.length > 0 && ratingsInto(columns, c, feedback, lifecycle);
  const mainOrders = columns.mainOrders[c] as number;
  const spend = columns.mainSpend[c] as number;
  if (mainOrders > 0) columns.averageTicketMain[c] = Math.round(spend / mainOrders);
  const n = columns.purchaseDays[c] as number;
  if (n === 0) {
    columns.activity[c] = ACTIVITY.prospect;
    columns.lifecycle[c] = STAGE.prospect;
    columns.signals[c] = badRating ? 4 : 0;
    return;
  }
  const last = columns.lastDay[c] as number;
  const own = columns.ownInterval[c] as number;
  const store = context.storeIntervalDays;
  const interval = Math.max(1, !Number.isNaN(own) ? own : store !== null && store > 0 && Number.isFinite(store) ? store : config.fallbackIntervalDays);
  const since = Math.max(0, today - last);
  let status: (typeof ACTIVITY_STATUSES)[number] = 'active';
  if (since > config.lostMultiple * interval || since > config.lostAfterDays) status = 'lost';
  else if (since > config.inactiveMultiple * interval) status = 'inactive';
  else if (since > config.atRiskMultiple * interval) status = 'at-risk';
  else if (n === 1 && since <= interval) status = 'new';
  columns.activity[c] = ACTIVITY[status];
  columns.intervalDays[c] = interval;
  columns.daysLate[c] = today - (last + Math.round(interval));
  columns.daysSinceLastOrder[c] = since;

  const cuts = context.rfmCutPoints;
  const r = scoreLowerIsBetter(since, cuts.recencyDays);
  const f = scoreHigherIsBetter(n, cuts.frequency);
  const m = scoreHigherIsBetter(spend, cuts.monetaryMinor);
  columns.recency[c] = r;
  columns.frequency[c] = f;
  columns.monetary[c] = m;
  columns.rfmSegment[c] = SEGMENT[rfmSegment(r, f, m)];

  const highValue =
    m >= lifecycle.highValueMonetaryScore || (context.highValueSpendMinor !== null && spend > 0 && spend >= context.highValueSpendMinor);
  let signals = status === 'at-risk' ? 1 : 0;
  if (n >= 3 && !Number.isNaN(own) && (columns.lastGap[c] as number) > lifecycle.fallingFrequencyMultiple * own) signals |= 2;
  if (badRating) signals |= 4;
  const stage = status === 'inactive' || status === 'lost' ? 'recovery' : signals !== 0 ? 'needs-retention' : n === 1 ? 'first-purchase' : 'repeat';
  columns.signals[c] = signals;
  columns.lifecycle[c] = STAGE[stage];
  columns.highValue[c] = highValue ? 1 : 0;
  columns.worthRecovering[c] = stage === 'recovery' && highValue ? 1 : 0;
}

/**
 * Writes the latest csat and nps (latestRatings in customer-base.ts) and tells whether the latest rating of either
 * kind is a complaint not followed by a paid order (hasUnansweredBadRating).
 */
function ratingsInto(columns: FactColumns, c: number, feedback: readonly Feedback[], config: LifecycleConfig): boolean {
  let csat = -1;
  let csatAt = Number.NEGATIVE_INFINITY;
  let csatId = '';
  let nps = -1;
  let npsAt = Number.NEGATIVE_INFINITY;
  let npsId = '';
  for (let i = 0; i < feedback.length; i++) {
    const row = feedback[i] as Feedback;
    const at = parseInstantMs(row.receivedAt);
    if (!Number.isFinite(at)) continue;
    if (row.kind === 'csat') {
      if (csat < 0 || at > csatAt || (at === csatAt && row.id > csatId)) {
        csat = row.score;
        csatAt = at;
        csatId = row.id;
      }
    } else if (nps < 0 || at > npsAt || (at === npsAt && row.id > npsId)) {
      nps = row.score;
      npsAt = at;
      npsId = row.id;
    }
  }
  if (csat >= 0) columns.latestCsat[c] = csat;
  if (nps >= 0) columns.latestNps[c] = nps;
  if (csat < 0 && nps < 0) return false;
  // On the same instant the nps (the broader question) is taken.
  const npsLatest = nps >= 0 && (csat < 0 || npsAt >= csatAt);
  const bad = npsLatest ? nps <= config.badNpsAtMost : csat <= config.badCsatAtMost;
  const lastOrderAt = columns.lastOrderAt[c] as number;
  return bad && (Number.isNaN(lastOrderAt) || lastOrderAt <= (npsLatest ? npsAt : csatAt));
}

function codes<T extends string>(list: readonly T[]): Readonly<Record<T, number>> {
  return Object.fromEntries(list.map((value, i) => [value, i])) as Record<T, number>;
}
