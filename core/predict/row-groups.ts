import type { PurchaseRow } from './types';

// Customers with identical (frequency, recency, T) contribute identical likelihood terms, and real
// cohorts repeat a lot (everyone acquired the same day with no repeat purchase shares one row).
// Grouping once turns each likelihood evaluation into work proportional to the distinct rows, and
// indexing the distinct T / recency / frequency values lets the fits compute each logarithm and
// log-gamma once per evaluation instead of once per row.

/** Deduplicated purchase rows in struct-of-arrays form; times stay in the rows' own unit. */
export interface PurchaseRowGroups {
  readonly size: number;
  /** Number of customers in each group. */
  readonly weight: Float64Array;
  /** Frequency of each group (an integer stored as a double for arithmetic). */
  readonly frequency: Float64Array;
  /** Index of the group's frequency in `distinctFrequency`. */
  readonly frequencyIndex: Int32Array;
  /** Index of the group's T in `distinctT`. */
  readonly tIndex: Int32Array;
  /** Index of the group's recency in `distinctRecency`. */
  readonly recencyIndex: Int32Array;
  readonly distinctFrequency: Float64Array;
  readonly distinctT: Float64Array;
  readonly distinctRecency: Float64Array;
  /** Total number of customers (sum of weights). */
  readonly totalWeight: number;
  /** Sums used for the optimiser's starting guess. */
  readonly sumFrequency: number;
  readonly sumT: number;
}

/**
 * Validates and groups rows (all times in the same unit as the rows). Recency is forced to 0 for
 * frequency 0: with no repeat purchase the last purchase is the first one, whatever the caller put.
 * Throws RangeError on a malformed row, since a fit on bad input would look plausible but be wrong.
 */
export function groupPurchaseRows(rows: readonly PurchaseRow[]): PurchaseRowGroups {
  const n = rows.length;
  if (n === 0) throw new RangeError('Cannot fit a purchase model to zero rows');
  if (n > 90_000_000) throw new RangeError('Too many rows to group exactly');
  // This loop runs once per customer, often before the JIT has optimised it, so it does as little
  // as possible: numeric keys only (formatting a string key per row costs more than the whole fit),
  // frequencies index a plain array, and a (T, recency) pair is keyed by its two distinct-value
  // indices as tIndex * rows + recencyIndex, which is exact below 2^53.
  const byFrequency: Map<number, number>[] = [];
  const tOf = new Map<number, number>();
  const recencyOf = new Map<number, number>();
  const frequencyOf = new Map<number, number>();
  const weight: number[] = [];
  const frequency: number[] = [];
  const frequencyIndex: number[] = [];
  const tIndex: number[] = [];
  const recencyIndex: number[] = [];

  for (let i = 0; i < n; i++) {
    const row = rows[i] as PurchaseRow;
    const x = row.frequency;
    const T = row.T;
    const recency = x === 0 ? 0 : row.recency;
    // Written so that NaN fails every comparison and lands in the error branch.
    if (!(Number.isInteger(x) && x >= 0 && T >= 0 && T < Number.POSITIVE_INFINITY && recency >= 0 && recency <= T)) {
      throw invalidRow(i, row);
    }
    let ti = tOf.get(T);
    if (ti === undefined) {
      ti = tOf.size;
      tOf.set(T, ti);
    }
    let ri = recencyOf.get(recency);
    if (ri === undefined) {
      ri = recencyOf.size;
      recencyOf.set(recency, ri);
    }
    let byTimes = byFrequency[x];
    if (byTimes === undefined) {
      byTimes = new Map();
      byFrequency[x] = byTimes;
    }
    const key = ti * n + ri;
    const existing = byTimes.get(key);
    if (existing !== undefined) {
      weight[existing] = (weight[existing] as number) + 1;
      continue;
    }
    byTimes.set(key, weight.length);
    weight.push(1);
    frequency.push(x);
    let fi = frequencyOf.get(x);
    if (fi === undefined) {
      fi = frequencyOf.size;
      frequencyOf.set(x, fi);
    }
    frequencyIndex.push(fi);
    tIndex.push(ti);
    recencyIndex.push(ri);
  }

  const distinctT = Float64Array.from(tOf.keys());
  let sumFrequency = 0;
  let sumT = 0;
  for (let g = 0; g < weight.length; g++) {
    const w = weight[g] as number;
    sumFrequency += w * (frequency[g] as number);
    sumT += w * (distinctT[tIndex[g] as number] as number);
  }
  return {
    size: weight.length,
    weight: Float64Array.from(weight),
    frequency: Float64Array.from(frequency),
    frequencyIndex: Int32Array.from(frequencyIndex),
    tIndex: Int32Array.from(tIndex),
    recencyIndex: Int32Array.from(recencyIndex),
    distinctFrequency: Float64Array.from(frequencyOf.keys()),
    distinctT,
    distinctRecency: Float64Array.from(recencyOf.keys()),
    totalWeight: n,
    sumFrequency,
    sumT,
  };
}

function invalidRow(i: number, { frequency, T }: PurchaseRow): RangeError {
  if (!Number.isInteger(frequency) || frequency < 0) return new RangeError(`Row ${i}: frequency must be a non-negative integer`);
  if (!(T >= 0) || !Number.isFinite(T)) return new RangeError(`Row ${i}: T must be finite and >= 0`);
  return new RangeError(`Row ${i}: recency must be within [0, T]`);
}
