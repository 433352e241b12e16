import type { Feedback } from '../model';
import type { FactColumns } from './fact-columns';
import { type Metrics, type MoneyByCurrency, type Period, type WindowMetrics, divide, feedbackFigures, windowBounds } from './metrics';
import { NO_SLOT, type OrderColumnsView } from './order-columns';
import { type Instant, parseInstantMs, toEpochMs } from './time';

/** What the columnar metrics read: the engine's order columns, its fact columns, and the ratings of its customers. */
export interface ColumnMetricsInput {
  readonly orders: OrderColumnsView;
  /** Computed from the same orders, on the calendar the metrics are cut on (first and second purchase day). */
  readonly facts: FactColumns;
  /** Ratings of the customers in the book. */
  readonly feedback: Iterable<Feedback>;
  readonly period: Period;
  readonly now: Instant;
}

/**
 * computeMetrics from the columns: one pass over the order slots (window bits per customer instead of sets of
 * ids), one over the customers, one over the ratings. Counts the orders and ratings of customers in the book only
 * (a book has no others; the engine keeps an unknown id's orders until its customer arrives). Equal to
 * computeMetrics of the same book, in the facts' time zone.
 */
export function computeColumnMetrics(input: ColumnMetricsInput): Metrics {
  const bounds = windowBounds(input.period);
  const [, , start, end] = bounds;
  // As computeMetrics cuts them (a rating without a date falls in the current window there too).
  const windowOf = (t: number) => (t < bounds[0] || t >= end ? -1 : t < bounds[1] ? 0 : t < start ? 1 : 2);
  const { orders, facts } = input;
  const currencies = orders.texts.length;
  const paid = orders.codeOf('paid');
  // Per window and currency code: revenue and orders; -1 orders: none seen (no key in the records).
  const revenue = [0, 1, 2].map(() => new Float64Array(currencies));
  const orderCounts = [0, 1, 2].map(() => new Float64Array(currencies).fill(-1));
  const revenueBeforeStart = new Float64Array(currencies).fill(Number.NaN);
  const revenueBeforeEnd = new Float64Array(currencies).fill(Number.NaN);
  // Per customer: bit w set when they bought in window w; per currency too; first paid instant per currency.
  const bought = new Uint8Array(facts.size);
  const boughtIn: (Uint8Array | undefined)[] = [];
  const firstIn: (Float64Array | undefined)[] = [];
  const { owner, status, placedAtMs, currency, totalMinor } = orders;
  const present = facts.present;
  for (let slot = 0; slot < orders.slots; slot++) {
    const c = owner[slot] as number;
    if (c === NO_SLOT || present[c] !== 1 || status[slot] !== paid) continue;
    const t = placedAtMs[slot] as number;
    if (!Number.isFinite(t)) continue;
    const cur = currency[slot] as number;
    const amount = totalMinor[slot] as number;
    const first = (firstIn[cur] ??= new Float64Array(facts.size).fill(Number.POSITIVE_INFINITY));
    if (t < (first[c] as number)) first[c] = t;
    if (t < end) revenueBeforeEnd[cur] = (Number.isNaN(revenueBeforeEnd[cur]!) ? 0 : revenueBeforeEnd[cur]!) + amount;
    if (t < start) revenueBeforeStart[cur] = (Number.isNaN(revenueBeforeStart[cur]!) ? 0 : revenueBeforeStart[cur]!) + amount;
    const w = windowOf(t);
    if (w < 0) continue;
    revenue[w]![cur]! += amount;
    orderCounts[w]![cur] = Math.max(0, orderCounts[w]![cur]!) + 1;
    bought[c]! |= 1 << w;
    (boughtIn[cur] ??= new Uint8Array(facts.size))[c]! |= 1 << w;
  }
  const scores = [0, 1, 2].map(() => ({ csat: [] as number[], nps: [] as number[] }));
  for (const row of input.feedback) {
    const w = windowOf(parseInstantMs(row.receivedAt));
    if (w >= 0) (row.kind === 'csat' ? scores[w]!.csat : scores[w]!.nps).push(row.score);
  }

  const now = toEpochMs(input.now);
  const windowMetrics = (w: 1 | 2, revenueBefore: Float64Array): WindowMetrics => {
    const wStart = bounds[w];
    const wEnd = bounds[w + 1] as number;
    const here = 1 << w;
    const before = 1 << (w - 1);
    let buyers = 0;
    let base = 0;
    let retained = 0;
    let repeaters = 0;
    let newCustomers = 0;
    let activeCustomers = 0;
    for (let c = 0; c < facts.size; c++) {
      if (facts.present[c] !== 1) continue;
      const bits = bought[c] as number;
      if (bits & here) {
        buyers += 1;
        if ((facts.secondDayAt[c] as number) < wEnd) repeaters += 1;
      }
      if (bits & before) {
        base += 1;
        if (bits & here) retained += 1;
      }
      const firstAt = facts.firstOrderAt[c] as number;
      if (firstAt >= wStart && firstAt < wEnd) newCustomers += 1;
      if (facts.archived[c] === 0 && (facts.createdAt[c] as number) < wEnd) activeCustomers += 1;
    }
    const revenueMinor: Record<string, number> = {};
    const ordersByCurrency: Record<string, number> = {};
    const buyersByCurrency: Record<string, number> = {};
    const revenueToDate: Record<string, number> = {};
    const buyersToDate: Record<string, number> = {};
    let orderTotal = 0;
    for (let cur = 0; cur < currencies; cur++) {
      const name = orders.texts[cur] as string;
      const count = orderCounts[w]![cur] as number;
      if (count >= 0) {
        revenueMinor[name] = revenue[w]![cur] as number;
        ordersByCurrency[name] = count;
        orderTotal += count;
        buyersByCurrency[name] = countBits(boughtIn[cur], here, facts.present);
      }
      if (!Number.isNaN(revenueBefore[cur]!)) revenueToDate[name] = revenueBefore[cur] as number;
      const first = firstIn[cur];
      if (first !== undefined) {
        let n = 0;
        for (let c = 0; c < facts.size; c++) if ((first[c] as number) < wEnd) n += 1;
        if (n > 0) buyersToDate[name] = n;
      }
    }
    const retentionRate = base === 0 ? null : retained / base;
    return {
      start: wStart,
      end: wEnd,
      partial: wEnd > now,
      revenueMinor,
      orders: orderTotal,
      ordersByCurrency,
      buyingCustomers: buyers,
      buyingCustomersByCurrency: buyersByCurrency,
      revenuePerCustomerMinor: divide(revenueMinor, buyersByCurrency),
      averageTicketMinor: divide(revenueMinor, ordersByCurrency),
      repurchaseRate: buyers === 0 ? null : repeaters / buyers,
      newCustomers,
      retentionBase: base,
      retained,
      retentionRate,
      churnRate: retentionRate === null ? null : 1 - retentionRate,
      ...feedbackFigures(scores[w]!),
      historicalValuePerCustomerMinor: divide(revenueToDate, buyersToDate) as MoneyByCurrency,
      activeCustomers,
    };
  };
  return { previous: windowMetrics(1, revenueBeforeStart), current: windowMetrics(2, revenueBeforeEnd) };
}

function countBits(bits: Uint8Array | undefined, bit: number, present: Uint8Array): number {
  let n = 0;
  if (bits !== undefined) for (let c = 0; c < bits.length; c++) if (present[c] === 1 && ((bits[c] as number) & bit) !== 0) n += 1;
  return n;
}
