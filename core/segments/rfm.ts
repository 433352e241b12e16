import { z } from '../zod';
import { type RfmSegmentId, rfmSegment } from './rfm-segments';

/**
 * RFM scores, 1 (worst) to 5 (best), by quintiles of the scored customers (everyone with a paid purchase).
 *
 * Method (rank-based, ties share the LOWER bucket): for a value v among n scored values,
 *   score(v) = 1 + floor(5 · b / n),  b = number of values strictly WORSE than v
 * (strictly smaller for frequency and monetary, strictly larger — i.e. longer ago — for recency).
 * Tied values have the same b, so they always share a score; when everyone is tied, everyone scores 1; a 5 needs
 * at least 80% of the customers to be strictly worse. The result does not depend on input order.
 *
 * The same rule is stored as four cut points per dimension (the smallest value — for recency the largest number of
 * days — that reaches scores 2, 3, 4, 5), so scoring a customer is four comparisons and a customer who changes
 * between refreshes is scored against the last cut points. Cut points of a dimension:
 *   frequency/monetary: score = 1 + #{c : v ≥ c};  recency: score = 1 + #{c : days ≤ c}.
 * A cut point nobody reaches is +∞ (−∞ for recency). Fixed thresholds for small books use the same shape.
 *
 * Monetary is the paid total in the book's main currency only (money is never converted or added across
 * currencies); a customer who only paid in other currencies has 0 there and scores accordingly.
 */
export type RfmScore = 1 | 2 | 3 | 4 | 5;

export type CutPoints = readonly [number, number, number, number];

export interface RfmCutPoints {
  /** Days since the last purchase: at most c[i] days → at least score i + 2. */
  readonly recencyDays: CutPoints;
  /** Purchase days: at least c[i] → at least score i + 2. */
  readonly frequency: CutPoints;
  /** Paid total in the book's main currency, minor units: at least c[i] → at least score i + 2. */
  readonly monetaryMinor: CutPoints;
}

const cutPointsSchema = z.tuple([z.number(), z.number(), z.number(), z.number()], {
  error: 'must be four numbers (the values that reach scores 2, 3, 4 and 5)',
});

/** Fixed thresholds a seller may set for a small book instead of quintiles; any dimension may be left out. */
export const rfmThresholdsSchema = z.strictObject({
  recencyDays: cutPointsSchema.optional(),
  frequency: cutPointsSchema.optional(),
  monetaryMinor: cutPointsSchema.optional(),
});
export type RfmThresholds = z.infer<typeof rfmThresholdsSchema>;

export interface RfmValues {
  readonly recencyDays: number;
  readonly frequency: number;
  readonly monetaryMinor: number;
}

export interface RfmResult {
  readonly recency: RfmScore;
  readonly frequency: RfmScore;
  readonly monetary: RfmScore;
  /** Mean of the frequency and monetary scores, the grid's second axis. */
  readonly frequencyMonetary: number;
  readonly segment: RfmSegmentId;
  readonly values: RfmValues;
}

/** Cut points of the quintile rule for values where higher is better (see the method above). */
export function higherIsBetterCutPoints(values: ArrayLike<number>): CutPoints {
  return cutsOfSorted(Float64Array.from(values).sort());
}

/** Cut points for values where lower is better (recency in days): the mirror image of the rule. */
export function lowerIsBetterCutPoints(values: ArrayLike<number>): CutPoints {
  const negated = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) negated[i] = -(values[i] as number);
  const cuts = cutsOfSorted(negated.sort());
  // Avoid −0, which would print and compare oddly in saved data.
  return cuts.map((c) => (c === 0 ? 0 : -c)) as unknown as CutPoints;
}

function cutsOfSorted(sorted: Float64Array): CutPoints {
  const n = sorted.length;
  const cuts: number[] = [];
  for (let s = 2; s <= 5; s++) {
    // score ≥ s  ⇔  b ≥ (s−1)·n/5  ⇔  b ≥ ceil((s−1)·n/5), and b of a value is the index where its run starts.
    let j = Math.max(1, Math.ceil(((s - 1) * n) / 5));
    while (j < n && sorted[j - 1] === sorted[j]) j++;
    cuts.push(j < n ? (sorted[j] as number) : Number.POSITIVE_INFINITY);
  }
  return cuts as unknown as CutPoints;
}

/** Score where higher is better: 1 + the number of cut points reached. */
export function scoreHigherIsBetter(value: number, cuts: CutPoints): RfmScore {
  return (1 + +(value >= cuts[0]) + +(value >= cuts[1]) + +(value >= cuts[2]) + +(value >= cuts[3])) as RfmScore;
}

/** Score where lower is better (days since last purchase). */
export function scoreLowerIsBetter(value: number, cuts: CutPoints): RfmScore {
  return (1 + +(value <= cuts[0]) + +(value <= cuts[1]) + +(value <= cuts[2]) + +(value <= cuts[3])) as RfmScore;
}

export interface RfmColumns {
  readonly recencyDays: ArrayLike<number>;
  readonly frequency: ArrayLike<number>;
  readonly monetaryMinor: ArrayLike<number>;
}

/** Quintile cut points over all scored customers, with any fixed thresholds taking the place of their dimension. */
export function computeRfmCutPoints(columns: RfmColumns, fixed: RfmThresholds = {}): RfmCutPoints {
  return {
    recencyDays: fixed.recencyDays ?? lowerIsBetterCutPoints(columns.recencyDays),
    frequency: fixed.frequency ?? higherIsBetterCutPoints(columns.frequency),
    monetaryMinor: fixed.monetaryMinor ?? higherIsBetterCutPoints(columns.monetaryMinor),
  };
}

/** One customer's scores and segment against the book's cut points. */
export function scoreRfm(values: RfmValues, cuts: RfmCutPoints): RfmResult {
  const recency = scoreLowerIsBetter(values.recencyDays, cuts.recencyDays);
  const frequency = scoreHigherIsBetter(values.frequency, cuts.frequency);
  const monetary = scoreHigherIsBetter(values.monetaryMinor, cuts.monetaryMinor);
  return {
    recency,
    frequency,
    monetary,
    frequencyMonetary: (frequency + monetary) / 2,
    segment: rfmSegment(recency, frequency, monetary),
    values,
  };
}

/**
 * The quintile rule computed straight from its definition, O(n log n); used to check the cut points and by callers
 * who only need scores for one column.
 */
export function quintileScores(values: ArrayLike<number>, direction: 'higher-is-better' | 'lower-is-better'): RfmScore[] {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  const out: RfmScore[] = [];
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    const worse = direction === 'higher-is-better' ? firstIndexAtLeast(sorted, v) : n - firstIndexAbove(sorted, v);
    out.push((1 + Math.floor((5 * worse) / n)) as RfmScore);
  }
  return out;
}

function firstIndexAtLeast(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function firstIndexAbove(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
