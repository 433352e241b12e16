import { computeRfmCutPoints, scoreHigherIsBetter, scoreLowerIsBetter, type RfmThresholds } from './rfm';

/**
 * Orders as columns (one entry per order), for scoring a whole book at once — the book page's segment view and
 * exports. `customer` is a dense customer index (0…customers−1), `day` the UTC day number of placedAt.
 */
export interface OrderColumns {
  customer: Int32Array;
  day: Int32Array;
  /** Total in minor units. */
  amount: Float64Array;
  /** 1 when the order is in the book's main currency (monetary counts only those). */
  main: Uint8Array;
  /** 1 when paid: refunds and cancellations are not purchases. */
  paid: Uint8Array;
}

/** R, F and M scores by customer index; 0 means not scored (no paid order). */
export interface RfmScoreColumns {
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
}

/**
 * RFM scores for every customer straight from order columns, with the same rules as scoreRfm over customer
 * facts: recency in days since the last purchase day, frequency in distinct purchase days, monetary in
 * main-currency spend, quintiles where ties share the lower score (or the fixed thresholds given).
 * O(orders + days + customers log customers): one counting sort of paid orders by day, so a customer's same-day
 * orders are adjacent in their own sequence and purchase days are counted by day changes.
 */
export function rfmFromOrderColumns(columns: OrderColumns, customers: number, today: number, thresholds: RfmThresholds = {}): RfmScoreColumns {
  const n = columns.day.length;
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (let i = 0; i < n; i++) {
    if (!columns.paid[i]) continue;
    minDay = Math.min(minDay, columns.day[i]!);
    maxDay = Math.max(maxDay, columns.day[i]!);
  }
  const scores = { r: new Uint8Array(customers), f: new Uint8Array(customers), m: new Uint8Array(customers) };
  if (minDay > maxDay) return scores;
  const bucket = new Int32Array(maxDay - minDay + 2);
  for (let i = 0; i < n; i++) if (columns.paid[i]) bucket[columns.day[i]! - minDay + 1]!++;
  for (let d = 1; d < bucket.length; d++) bucket[d]! += bucket[d - 1]!;
  const byDay = new Int32Array(bucket[bucket.length - 1]!);
  for (let i = 0; i < n; i++) if (columns.paid[i]) byDay[bucket[columns.day[i]! - minDay]!++] = i;
  const lastDay = new Int32Array(customers).fill(-2147483648);
  const frequency = new Float64Array(customers);
  const monetary = new Float64Array(customers);
  for (let k = 0; k < byDay.length; k++) {
    const i = byDay[k]!;
    const c = columns.customer[i]!;
    if (lastDay[c] !== columns.day[i]) {
      lastDay[c] = columns.day[i]!;
      frequency[c]!++;
    }
    if (columns.main[i]) monetary[c]! += columns.amount[i]!;
  }
  const buyers: number[] = [];
  for (let c = 0; c < customers; c++) if (frequency[c]! > 0) buyers.push(c);
  const recencyDays = new Float64Array(buyers.length);
  const buyerFrequency = new Float64Array(buyers.length);
  const monetaryMinor = new Float64Array(buyers.length);
  buyers.forEach((c, j) => {
    recencyDays[j] = Math.max(0, today - lastDay[c]!);
    buyerFrequency[j] = frequency[c]!;
    monetaryMinor[j] = monetary[c]!;
  });
  const cuts = computeRfmCutPoints({ recencyDays, frequency: buyerFrequency, monetaryMinor }, thresholds);
  buyers.forEach((c, j) => {
    scores.r[c] = scoreLowerIsBetter(recencyDays[j]!, cuts.recencyDays);
    scores.f[c] = scoreHigherIsBetter(buyerFrequency[j]!, cuts.frequency);
    scores.m[c] = scoreHigherIsBetter(monetaryMinor[j]!, cuts.monetaryMinor);
  });
  return scores;
}
