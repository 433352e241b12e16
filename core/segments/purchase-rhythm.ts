import type { Calendar } from '../locale/calendar';
import { NO_SLOT, type OrderColumnsView } from './order-columns';

/** No purchase day (a prospect). */
export const NO_DAY = -2147483648;

/**
 * What a whole-book pass over the order columns gives of each customer's paid orders, by customer number: the
 * figures that read only their own orders (computeCustomerBase's, without the per-order strings).
 */
export interface PurchaseRhythm {
  readonly orderCount: Int32Array;
  readonly purchaseDays: Int32Array;
  /** NO_DAY without purchases. */
  readonly firstDay: Int32Array;
  readonly lastDay: Int32Array;
  /** Days between the last two purchase days; 0 with fewer than two. */
  readonly lastGap: Int32Array;
  /** Epoch ms of the first and last paid order; NaN without. */
  readonly firstOrderAt: Float64Array;
  readonly lastOrderAt: Float64Array;
  /** Epoch ms of the first paid order on the second purchase day; +∞ with fewer than two (metrics' repurchase). */
  readonly secondDayAt: Float64Array;
  /** Median gap between purchase days (typicalIntervalDays); NaN with fewer than two. */
  readonly ownInterval: Float64Array;
  /** Paid total and paid orders in the main currency. */
  readonly mainSpend: Float64Array;
  readonly mainOrders: Int32Array;
}

/**
 * One pass over every order slot (paid, dated, of a counted customer), one counting sort of those slots by
 * customer, then each customer's days sorted in place (a handful each) and walked once. O(orders + customers), plus
 * a sort of each customer's own days. `counted[c]` is 1 for the customers to read; others' orders are skipped.
 */
export function purchaseRhythmOf(orders: OrderColumnsView, counted: Uint8Array, calendar: Calendar, mainCurrency: string): PurchaseRhythm {
  const customers = orders.customers;
  const paid = orders.codeOf('paid');
  const main = orders.codeOf(mainCurrency);
  const rhythm: PurchaseRhythm = {
    orderCount: new Int32Array(customers),
    purchaseDays: new Int32Array(customers),
    firstDay: new Int32Array(customers).fill(NO_DAY),
    lastDay: new Int32Array(customers).fill(NO_DAY),
    lastGap: new Int32Array(customers),
    firstOrderAt: new Float64Array(customers).fill(Number.NaN),
    lastOrderAt: new Float64Array(customers).fill(Number.NaN),
    secondDayAt: new Float64Array(customers).fill(Number.POSITIVE_INFINITY),
    ownInterval: new Float64Array(customers).fill(Number.NaN),
    mainSpend: new Float64Array(customers),
    mainOrders: new Int32Array(customers),
  };
  const { orderCount, firstOrderAt, lastOrderAt, mainSpend, mainOrders } = rhythm;
  // Locals, not the view's properties: the loops below run once per order.
  const { owner, status, placedAtMs, currency, totalMinor } = orders;
  const dayOf = new Int32Array(orders.slots);
  // Where each customer's slots start in `grouped` (a counting sort by customer; slots stay in slot order).
  const start = new Int32Array(customers + 1);
  for (let slot = 0; slot < orders.slots; slot++) {
    const c = owner[slot] as number;
    if (c === NO_SLOT || counted[c] !== 1 || status[slot] !== paid) continue;
    const at = placedAtMs[slot] as number;
    if (!Number.isFinite(at)) continue;
    dayOf[slot] = calendar.day(at);
    orderCount[c]! += 1;
    start[c + 1]! += 1;
    if (currency[slot] === main) {
      mainSpend[c]! += totalMinor[slot] as number;
      mainOrders[c]! += 1;
    }
    if (!(at >= (firstOrderAt[c] as number))) firstOrderAt[c] = at;
    if (!(at <= (lastOrderAt[c] as number))) lastOrderAt[c] = at;
  }
  let longest = 0;
  for (let c = 0; c < customers; c++) {
    longest = Math.max(longest, start[c + 1] as number);
    start[c + 1]! += start[c] as number;
  }
  const grouped = new Int32Array(start[customers] as number);
  const fill = start.slice(0, customers);
  for (let slot = 0; slot < orders.slots; slot++) {
    const c = owner[slot] as number;
    if (c === NO_SLOT || counted[c] !== 1 || status[slot] !== paid || !Number.isFinite(placedAtMs[slot] as number)) continue;
    grouped[fill[c]!++] = slot;
  }
  const days = new Int32Array(longest);
  const gaps = new Int32Array(longest);
  for (let c = 0; c < customers; c++) {
    const from = start[c] as number;
    const to = start[c + 1] as number;
    if (from === to) continue;
    for (let k = from; k < to; k++) days[k - from] = dayOf[grouped[k] as number] as number;
    sortAscending(days, to - from);
    // Distinct days, and the gaps between them written as they are found.
    let distinct = 1;
    let second = NO_DAY;
    for (let k = 1; k < to - from; k++) {
      const day = days[k] as number;
      const before = days[k - 1] as number;
      if (day === before) continue;
      if (distinct === 1) second = day;
      gaps[distinct - 1] = day - before;
      distinct += 1;
    }
    rhythm.purchaseDays[c] = distinct;
    rhythm.firstDay[c] = days[0] as number;
    rhythm.lastDay[c] = days[to - from - 1] as number;
    if (distinct < 2) continue;
    rhythm.lastGap[c] = gaps[distinct - 2] as number;
    rhythm.ownInterval[c] = medianOfFirst(gaps, distinct - 1);
    let secondAt = Number.POSITIVE_INFINITY;
    for (let k = from; k < to; k++) {
      const slot = grouped[k] as number;
      if (dayOf[slot] === second) secondAt = Math.min(secondAt, placedAtMs[slot] as number);
    }
    rhythm.secondDayAt[c] = secondAt;
  }
  return rhythm;
}

/** Sorts the first `n` values ascending in place: insertion for a customer's handful, the engine's sort beyond. */
function sortAscending(values: Int32Array, n: number): void {
  if (n > 32) {
    values.subarray(0, n).sort();
    return;
  }
  for (let i = 1; i < n; i++) {
    const v = values[i] as number;
    let j = i - 1;
    while (j >= 0 && (values[j] as number) > v) {
      values[j + 1] = values[j] as number;
      j--;
    }
    values[j + 1] = v;
  }
}

/** Median of the first `n` values (sorted in place), as medianOfSorted gives it: the mean of the middle two when even. */
function medianOfFirst(values: Int32Array, n: number): number {
  sortAscending(values, n);
  const mid = n >> 1;
  return n % 2 === 1 ? (values[mid] as number) : ((values[mid - 1] as number) + (values[mid] as number)) / 2;
}
