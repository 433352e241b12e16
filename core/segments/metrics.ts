import type { Customer, Feedback, Order } from '../model';
import { type Calendar, calendarOf } from '../locale/calendar';
import { type Instant, parseInstantMs, toEpochMs } from './time';

/**
 * Store metrics over an explicit period [start, end) and the window just before it (as long, or from `previousStart`).
 *
 * What counts: only `paid` orders (refunded and cancelled are neither revenue, orders nor purchases). Money is
 * ALWAYS per ISO currency (`Record<currency, minor units>`); per-customer money divides by the customers who paid in
 * THAT currency. History is not rewritten by archiving: revenue, orders, buyers, retention and feedback include
 * archived customers; only `activeCustomers` (the active count) leaves them out.
 */
export interface Period {
  readonly start: Instant;
  readonly end: Instant;
  /**
   * Where the window before starts (its end is `start`): calendar periods differ in length, and November's
   * retention is counted against all of October. By default the window before is as long as the period.
   */
  readonly previousStart?: Instant;
}

/**
 * The edges of the three windows the metrics read, oldest first: the one before the previous (only the previous
 * window's retention base), the previous one, the period itself. A RangeError for an empty or inverted period.
 */
export function windowBounds(period: Period): readonly [number, number, number, number] {
  const start = toEpochMs(period.start);
  const end = toEpochMs(period.end);
  if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) throw new RangeError('period must have start < end');
  const before = period.previousStart === undefined ? start - (end - start) : toEpochMs(period.previousStart);
  if (!Number.isFinite(before) || before >= start) throw new RangeError('period.previousStart must be before start');
  return [before - (start - before), before, start, end];
}

export interface MetricsInput {
  readonly customers: readonly Customer[];
  readonly orders: readonly Order[];
  readonly feedback: readonly Feedback[];
  readonly period: Period;
  readonly now: Instant;
  /** The seller's IANA time zone: two orders are on "different days" by their calendar. */
  readonly timeZone: string;
}

export type MoneyByCurrency = Readonly<Record<string, number>>;

export interface WindowMetrics {
  /** Epoch ms, [start, end). */
  readonly start: number;
  readonly end: number;
  /** The window ends after `now`: its figures are still growing. */
  readonly partial: boolean;
  readonly revenueMinor: MoneyByCurrency;
  readonly orders: number;
  readonly ordersByCurrency: MoneyByCurrency;
  /** Distinct customers with a paid order in the window, and per currency. */
  readonly buyingCustomers: number;
  readonly buyingCustomersByCurrency: MoneyByCurrency;
  /** revenue[c] ÷ buyers in c, rounded to a whole minor unit. */
  readonly revenuePerCustomerMinor: MoneyByCurrency;
  /** revenue[c] ÷ orders in c, rounded to a whole minor unit. */
  readonly averageTicketMinor: MoneyByCurrency;
  /**
   * Share (0–1) of the window's buyers who, counting every paid order up to the window's end, have bought on at
   * least two different days: returning customers and first-timers who came back within the window. Null without
   * buyers.
   */
  readonly repurchaseRate: number | null;
  /** Customers whose first paid order ever falls in the window. */
  readonly newCustomers: number;
  /** Buyers of the window before this one; `retained` of them also bought in this one. */
  readonly retentionBase: number;
  readonly retained: number;
  /** retained ÷ retentionBase (0–1); churn = 1 − retention. Null when the window before had no buyers. */
  readonly retentionRate: number | null;
  readonly churnRate: number | null;
  /** CSAT: % (0–100) of the csat scores received in the window that are 4 or 5. */
  readonly csatResponses: number;
  readonly csatPercent: number | null;
  /** NPS: % promoters (9–10) − % detractors (0–6) of the nps scores received in the window, −100…100. */
  readonly npsResponses: number;
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
  readonly nps: number | null;
  /** All paid revenue up to the window's end ÷ customers who ever paid in that currency up to then. */
  readonly historicalValuePerCustomerMinor: MoneyByCurrency;
  /** Customers created before the window's end and not archived (the active count). */
  readonly activeCustomers: number;
}

export interface Metrics {
  readonly current: WindowMetrics;
  readonly previous: WindowMetrics;
}

type Totals = Record<string, number>;

interface WindowScan {
  revenue: Totals;
  ordersByCurrency: Totals;
  orders: number;
  buyers: Set<string>;
  buyersByCurrency: Map<string, Set<string>>;
  csat: number[];
  nps: number[];
}

interface CustomerScan {
  firstAt: number;
  /** Earliest paid order on a different day (the seller's) than firstAt (the start of a second purchase day). */
  secondDayAt: number;
  /** First paid instant in each currency. */
  firstIn: Record<string, number>;
}

const emptyWindow = (): WindowScan => ({ revenue: {}, ordersByCurrency: {}, orders: 0, buyers: new Set(), buyersByCurrency: new Map(), csat: [], nps: [] });

/** Current and previous window metrics in one pass over the orders and feedback. */
export function computeMetrics(input: MetricsInput): Metrics {
  const calendar = calendarOf(input.timeZone);
  // Window 0 exists only to give the previous window its retention base.
  const bounds = windowBounds(input.period);
  const [, , start, end] = bounds;
  const windows = [emptyWindow(), emptyWindow(), emptyWindow()];
  const windowOf = (t: number) => (t < bounds[0]! || t >= end ? -1 : t < bounds[1]! ? 0 : t < start ? 1 : 2);

  // One map lookup per order: everything per customer lives in one record.
  const customers = new Map<string, CustomerScan>();
  const revenueBeforeStart: Totals = {};
  const revenueBeforeEnd: Totals = {};

  for (const order of input.orders) {
    if (order.status !== 'paid') continue;
    const t = parseInstantMs(order.placedAt);
    if (!Number.isFinite(t)) continue;
    const cur = order.currency;
    const scan = trackCustomer(customers, order.customerId, t, calendar);
    const seen = scan.firstIn[cur];
    if (seen === undefined || t < seen) scan.firstIn[cur] = t;
    if (t < end) revenueBeforeEnd[cur] = (revenueBeforeEnd[cur] ?? 0) + order.totalMinor;
    if (t < start) revenueBeforeStart[cur] = (revenueBeforeStart[cur] ?? 0) + order.totalMinor;
    const w = windowOf(t);
    if (w < 0) continue;
    const win = windows[w]!;
    win.revenue[cur] = (win.revenue[cur] ?? 0) + order.totalMinor;
    win.ordersByCurrency[cur] = (win.ordersByCurrency[cur] ?? 0) + 1;
    win.orders += 1;
    win.buyers.add(order.customerId);
    let byCur = win.buyersByCurrency.get(cur);
    if (!byCur) win.buyersByCurrency.set(cur, (byCur = new Set()));
    byCur.add(order.customerId);
  }
  for (const row of input.feedback) {
    const w = windowOf(parseInstantMs(row.receivedAt));
    if (w >= 0) (row.kind === 'csat' ? windows[w]!.csat : windows[w]!.nps).push(row.score);
  }

  const now = toEpochMs(input.now);
  const windowMetrics = (w: 1 | 2, revenueBefore: Totals): WindowMetrics => {
    const scan = windows[w]!;
    const wStart = bounds[w]!;
    const wEnd = bounds[w + 1]!;
    const base = windows[w - 1]!.buyers;
    let retained = 0;
    for (const id of base) if (scan.buyers.has(id)) retained += 1;
    let repeaters = 0;
    for (const id of scan.buyers) if (customers.get(id)!.secondDayAt < wEnd) repeaters += 1;
    let newCustomers = 0;
    for (const c of customers.values()) if (c.firstAt >= wStart && c.firstAt < wEnd) newCustomers += 1;
    const buyersByCurrency: Totals = {};
    for (const [cur, set] of scan.buyersByCurrency) buyersByCurrency[cur] = set.size;
    const retentionRate = base.size === 0 ? null : retained / base.size;
    return {
      start: wStart,
      end: wEnd,
      partial: wEnd > now,
      revenueMinor: scan.revenue,
      orders: scan.orders,
      ordersByCurrency: scan.ordersByCurrency,
      buyingCustomers: scan.buyers.size,
      buyingCustomersByCurrency: buyersByCurrency,
      revenuePerCustomerMinor: divide(scan.revenue, buyersByCurrency),
      averageTicketMinor: divide(scan.revenue, scan.ordersByCurrency),
      repurchaseRate: scan.buyers.size === 0 ? null : repeaters / scan.buyers.size,
      newCustomers,
      retentionBase: base.size,
      retained,
      retentionRate,
      churnRate: retentionRate === null ? null : 1 - retentionRate,
      ...feedbackFigures(scan),
      historicalValuePerCustomerMinor: divide(revenueBefore, buyersBefore(customers, wEnd)),
      activeCustomers: input.customers.filter((c) => c.archivedAt === null && parseInstantMs(c.createdAt) < wEnd).length,
    };
  };
  return { previous: windowMetrics(1, revenueBeforeStart), current: windowMetrics(2, revenueBeforeEnd) };
}

function trackCustomer(customers: Map<string, CustomerScan>, id: string, t: number, calendar: Calendar): CustomerScan {
  const c = customers.get(id);
  if (c === undefined) {
    const fresh = { firstAt: t, secondDayAt: Number.POSITIVE_INFINITY, firstIn: {} };
    customers.set(id, fresh);
    return fresh;
  }
  if (t < c.firstAt) {
    // The old first becomes the second day's start only if it was on another day; otherwise the second is unchanged.
    if (calendar.day(c.firstAt) !== calendar.day(t)) c.secondDayAt = c.firstAt;
    c.firstAt = t;
  } else if (t < c.secondDayAt && calendar.day(t) !== calendar.day(c.firstAt)) {
    c.secondDayAt = t;
  }
  return c;
}

function buyersBefore(customers: Map<string, CustomerScan>, end: number): Totals {
  const out: Totals = {};
  for (const c of customers.values()) {
    for (const cur in c.firstIn) if ((c.firstIn[cur] as number) < end) out[cur] = (out[cur] ?? 0) + 1;
  }
  return out;
}

/** amounts[c] ÷ counts[c], rounded to a whole minor unit, for the currencies with a count. */
export function divide(amounts: Totals, counts: Totals): Totals {
  const out: Totals = {};
  for (const [cur, amount] of Object.entries(amounts)) {
    const n = counts[cur];
    if (n) out[cur] = Math.round(amount / n);
  }
  return out;
}

/** CSAT and NPS of one window's scores. */
export function feedbackFigures(scan: { readonly csat: readonly number[]; readonly nps: readonly number[] }) {
  const satisfied = scan.csat.filter((s) => s >= 4).length;
  const promoters = scan.nps.filter((s) => s >= 9).length;
  const detractors = scan.nps.filter((s) => s <= 6).length;
  const n = scan.nps.length;
  return {
    csatResponses: scan.csat.length,
    csatPercent: scan.csat.length === 0 ? null : (100 * satisfied) / scan.csat.length,
    npsResponses: n,
    promoters,
    passives: n - promoters - detractors,
    detractors,
    nps: n === 0 ? null : (100 * (promoters - detractors)) / n,
  };
}
