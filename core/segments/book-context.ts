import { canonicalTimeZone } from '../locale/time-zone';
import { type ActivityConfig, activityConfig, storeTypicalIntervalDays } from './activity';
import type { CustomerBase } from './customer-base';
import { DEFAULT_LIFECYCLE_CONFIG, type LifecycleConfig } from './lifecycle';
import { type RfmCutPoints, type RfmThresholds, computeRfmCutPoints, rfmThresholdsSchema } from './rfm';
import { nearestRankPercentileOfSorted } from './stats';

/** What the seller (or the app) chooses for the whole book. */
export interface SegmentationOptions {
  /** ISO currency the book is mostly sold in; RFM monetary and "high value" read spend in it only. */
  readonly mainCurrency: string;
  /**
   * The seller's IANA time zone (`America/Sao_Paulo`): days, recency and intervals are cut on their calendar, so a
   * sale at 22:00 in São Paulo is that day's sale. Surfaces pass the seller's zone; 'UTC' only where there is none.
   */
  readonly timeZone: string;
  readonly activity?: Partial<ActivityConfig>;
  readonly lifecycle?: Partial<LifecycleConfig>;
  /** Fixed RFM thresholds for small books, per dimension; quintiles are used where absent. */
  readonly rfmThresholds?: RfmThresholds;
}

/**
 * Book-wide figures each customer is judged against. Computed over the customers that are NOT archived and have a
 * paid purchase (archiving a clean-up candidate should not drag everyone's scores down).
 */
export interface BookContext {
  readonly mainCurrency: string;
  readonly timeZone: string;
  readonly activityConfig: ActivityConfig;
  readonly lifecycleConfig: LifecycleConfig;
  readonly rfmThresholds: RfmThresholds;
  /** Median of the repeat buyers' own intervals; null when nobody bought on two different days. */
  readonly storeIntervalDays: number | null;
  readonly rfmCutPoints: RfmCutPoints;
  /** Nearest-rank percentile (80th by default) of main-currency spend among buyers who spent in it. */
  readonly highValueSpendMinor: number | null;
  /** Customers the cut points were computed over. */
  readonly scoredCustomers: number;
}

/** Validated, defaulted options (throws on bad thresholds, naming the field). */
export function resolveOptions(options: SegmentationOptions) {
  if (!/^[A-Z]{3}$/.test(options.mainCurrency)) throw new RangeError('mainCurrency must be a three-letter ISO 4217 code such as BRL');
  const timeZone = canonicalTimeZone(options.timeZone);
  if (timeZone === null) throw new RangeError(`timeZone must be an IANA time zone such as America/Sao_Paulo, not "${options.timeZone}"`);
  const thresholds = rfmThresholdsSchema.safeParse(options.rfmThresholds ?? {});
  if (!thresholds.success) throw new RangeError(`rfmThresholds are invalid: ${thresholds.error.issues[0]?.message ?? ''}`);
  return {
    mainCurrency: options.mainCurrency,
    timeZone,
    activityConfig: activityConfig(options.activity),
    lifecycleConfig: Object.freeze({ ...DEFAULT_LIFECYCLE_CONFIG, ...options.lifecycle }),
    rfmThresholds: thresholds.data,
  };
}

/**
 * What the cut points read of the customers they are computed over (not archived, with a paid purchase): one entry
 * each in recency, frequency and monetary; intervals only of repeat buyers, spenders only of who spent in the main
 * currency. The arrays are the caller's and are not kept.
 */
export interface CutPointFigures {
  readonly intervals: number[];
  readonly recencyDays: number[];
  readonly frequency: number[];
  readonly monetaryMinor: number[];
  readonly spenders: number[];
}

/**
 * Computes the book-wide cut points from every customer's base (computed at the same `now`). O(n log n) in the
 * number of customers.
 */
export function computeBookContext(bases: Iterable<CustomerBase>, options: SegmentationOptions): BookContext {
  const main = options.mainCurrency;
  const figures: CutPointFigures = { intervals: [], recencyDays: [], frequency: [], monetaryMinor: [], spenders: [] };
  for (const base of bases) {
    if (base.archived || base.daysSinceLastOrder === null) continue;
    if (base.ownIntervalDays !== null) figures.intervals.push(base.ownIntervalDays);
    const spend = base.totalSpentMinor[main] ?? 0;
    figures.recencyDays.push(base.daysSinceLastOrder);
    figures.frequency.push(base.purchaseDays);
    figures.monetaryMinor.push(spend);
    if (spend > 0) figures.spenders.push(spend);
  }
  return bookContextOf(figures, options);
}

/** The cut points from figures gathered beforehand (the engine keeps them as columns: no base per customer). */
export function bookContextOf(figures: CutPointFigures, options: SegmentationOptions): BookContext {
  const resolved = resolveOptions(options);
  return {
    ...resolved,
    storeIntervalDays: storeTypicalIntervalDays(figures.intervals),
    rfmCutPoints: computeRfmCutPoints({ recencyDays: figures.recencyDays, frequency: figures.frequency, monetaryMinor: figures.monetaryMinor }, resolved.rfmThresholds),
    highValueSpendMinor: nearestRankPercentileOfSorted(Float64Array.from(figures.spenders).sort(), resolved.lifecycleConfig.highValuePercentile),
    scoredCustomers: figures.recencyDays.length,
  };
}

/** True when two contexts would judge every customer the same way (used to skip needless re-derivation). */
export function sameJudgement(a: BookContext, b: BookContext): boolean {
  return (
    a.storeIntervalDays === b.storeIntervalDays &&
    a.highValueSpendMinor === b.highValueSpendMinor &&
    a.mainCurrency === b.mainCurrency &&
    a.timeZone === b.timeZone &&
    sameFields(a.activityConfig, b.activityConfig) &&
    sameFields(a.lifecycleConfig, b.lifecycleConfig) &&
    sameCuts(a.rfmCutPoints.recencyDays, b.rfmCutPoints.recencyDays) &&
    sameCuts(a.rfmCutPoints.frequency, b.rfmCutPoints.frequency) &&
    sameCuts(a.rfmCutPoints.monetaryMinor, b.rfmCutPoints.monetaryMinor)
  );
}

function sameCuts(a: readonly number[], b: readonly number[]): boolean {
  return a.every((value, i) => value === b[i]);
}

function sameFields(a: object, b: object): boolean {
  const left = Object.entries(a);
  return left.length === Object.keys(b).length && left.every(([key, value]) => (b as Record<string, unknown>)[key] === value);
}
