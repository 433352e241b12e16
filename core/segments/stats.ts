/** Median of numbers already sorted ascending; mean of the two middle values when the count is even. Null when empty. */
export function medianOfSorted(sorted: ArrayLike<number>): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = n >> 1;
  const upper = sorted[mid] as number;
  return n % 2 === 1 ? upper : ((sorted[mid - 1] as number) + upper) / 2;
}

/** Median of any numbers (the input is not modified). Null when empty. */
export function median(values: ArrayLike<number>): number | null {
  return medianOfSorted(Float64Array.from(values).sort());
}

/**
 * Nearest-rank percentile (p in 0..100) of numbers sorted ascending: the smallest value with at least p% of the
 * values at or below it. Always one of the values, never an interpolation, so "spent at least the 80th percentile"
 * is met by real customers. Null when empty.
 */
export function nearestRankPercentileOfSorted(sorted: ArrayLike<number>, p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const rank = Math.min(n, Math.max(1, Math.ceil((p / 100) * n)));
  return sorted[rank - 1] as number;
}
