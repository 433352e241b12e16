import type { Feedback, Order } from '../model';
import { type BookContext, type CutPointFigures, type SegmentationOptions, bookContextOf, resolveOptions, sameJudgement } from './book-context';
import { type CustomerBase, type CustomerForBase, computeCustomerBase } from './customer-base';
import { computeColumnMetrics } from './column-metrics';
import { countSegment, filterSegment } from './evaluate';
import { compileColumnRule, countColumns, matchingColumns } from './evaluate-columns';
import { type FactColumns, computeFactColumns } from './fact-columns';
import { type BookSnapshot, type CustomerFacts, deriveFacts } from './facts';
import type { FiledOrder } from './filed-order';
import type { Metrics, Period } from './metrics';
import { type MonthlyCohort, type MonthlyRevenue, monthlyCohorts, monthlyFigures, monthlyRevenue } from './monthly-figures';
import { OrderColumns, type OrderColumnsView } from './order-columns';
import type { SegmentRule } from './rules';
import { type Calendar, calendarOf } from '../locale/calendar';
import { type Instant, daysSince, toEpochMs } from './time';
import { grown } from './grown';
import { NO_DAY } from './purchase-rhythm';

/** A book as the engine reads it: whole records, or what the book table keeps of its customers. */
export interface EngineSnapshot extends Omit<BookSnapshot, 'customers'> {
  readonly customers: readonly CustomerForBase[];
}

export interface EngineOptions extends SegmentationOptions {
  /** The engine's "now"; change it with setNow (logic never reads the clock). */
  readonly now: Instant;
}

/**
 * Keeps every customer's facts up to date as records change.
 *
 * Staleness contract:
 *  - An upsert/remove recomputes THAT customer's facts at once, in O(their orders + feedback). Their own figures
 *    (orders, spend, purchase days, own interval, ratings, tags…) are exact immediately.
 *  - Book-wide cut points — RFM quintiles, the store's typical interval (used for one-time buyers), the high-value
 *    spend line — are NOT recomputed then; they are marked stale and the changed customer is judged against the
 *    cut points of the last refresh.
 *  - Reads that compare customers — allFacts(), eachFacts(), count(), bookContext() — refresh stale cut points
 *    first, so they always see one consistent set. facts(id) does not refresh (it stays O(their records)); call
 *    refreshCutPoints() to force.
 *  - A refresh costs O(n log n) for the cut points, from columns (no customer's records are read).
 *
 * Memory: the engine keeps no facts. The service worker holds it for as long as the book is open, and its collector
 * marks every object it holds while the seller scrolls a page that shares the machine's two cores; facts were a
 * dozen objects and boxed numbers per customer. It keeps the orders as columns (order-columns.ts) and what the cut
 * points read as columns by customer (CutPointInputs), and makes a customer's facts when they are asked for: O(their
 * orders + feedback) for one, a full recompute for every customer (eachFacts, allFacts).
 */
export class SegmentationEngine {
  private readonly options: SegmentationOptions;
  private readonly calendar: Calendar;
  private today: number;
  private nowMs: number;
  private readonly customers = new Map<string, CustomerForBase>();
  // Every order, filed under its customer as columns (what the engine and its callers read of each, FiledOrder, made
  // when asked): an order is found by id in a map, and a customer's in a chain of O(their orders), as promised.
  private readonly orders = new OrderColumns();
  private readonly feedback = new Map<string, Feedback[]>();
  private readonly feedbackOwner = new Map<string, string>();
  private readonly inputs = new CutPointInputs((id) => this.orders.numberOf(id));
  private context: BookContext;
  private stale = false;
  /** Every customer's facts as columns, made when first asked for after a change (factColumns). */
  private columns: FactColumns | null = null;

  constructor(snapshot: EngineSnapshot, options: EngineOptions) {
    const { now, ...rest } = options;
    // Resolved once so the zone is checked (and canonical) before any day is cut with it.
    this.options = { ...rest, timeZone: resolveOptions(rest).timeZone };
    this.calendar = calendarOf(this.options.timeZone);
    this.nowMs = toEpochMs(now);
    this.today = this.calendar.day(this.nowMs);
    for (const c of snapshot.customers) {
      this.customers.set(c.id, c);
      this.orders.numberOf(c.id);
    }
    for (const o of snapshot.orders) this.fileOrder(o);
    for (const f of snapshot.feedback) this.fileFeedback(f);
    this.context = bookContextOf(emptyFigures(), this.options);
    this.recomputeAll();
  }

  /**
   * Recomputes every customer's aggregates, the cut points and the fact columns, from the order columns in a few
   * passes (fact-columns.ts): no customer's base or facts object is made. O(orders + n log n).
   */
  recomputeAll(): void {
    const columns = computeFactColumns(this.columnsInput(), this.options);
    this.inputs.setAll(columns);
    this.context = columns.context;
    this.columns = columns;
    this.stale = false;
  }

  /**
   * Every customer's facts as columns by customer number (`ids[number]` is the id), judged against fresh cut
   * points; made when first asked for after a change (an upsert, a removal, a new day) and kept until the next.
   * Shared: read, never write.
   */
  factColumns(): FactColumns {
    this.refreshCutPoints();
    if (this.columns === null || this.columns.context !== this.context) {
      this.columns = computeFactColumns(this.columnsInput(), this.options, this.context);
    }
    return this.columns;
  }

  /**
   * Moves "now". Facts depend only on the seller's day, so a move within the same day costs nothing; a new day
   * re-ages the recency of every customer (kept as their last purchase day: no order is read) and recomputes the cut
   * points. O(n log n).
   */
  setNow(now: Instant): void {
    this.nowMs = toEpochMs(now);
    if (this.calendar.day(this.nowMs) === this.today) return;
    this.today = this.calendar.day(this.nowMs);
    this.context = this.inputs.context(this.today, this.options);
    this.stale = false;
    this.columns = null;
  }

  /** Adds or replaces a customer (tags, stage, archive…) and recomputes their facts. */
  upsertCustomer(customer: CustomerForBase): void {
    this.customers.set(customer.id, customer);
    this.orders.numberOf(customer.id);
    this.recomputeCustomer(customer.id);
  }

  /** Forgets a customer's facts; their orders and feedback stay indexed in case the id comes back (undo). */
  removeCustomer(customerId: string): void {
    if (!this.customers.delete(customerId)) return;
    this.inputs.delete(customerId);
    this.stale = true;
    this.columns = null;
  }

  /** Adds or replaces an order; an order moved to another customer (a merge) updates both. */
  upsertOrder(order: Order): void {
    const previousOwner = this.fileOrder(order);
    if (previousOwner !== null && previousOwner !== order.customerId) this.recomputeCustomer(previousOwner);
    this.recomputeCustomer(order.customerId);
  }

  /** Deletes an order by id and recomputes its customer; unknown ids are ignored. */
  removeOrder(orderId: string): void {
    const owner = this.orders.remove(orderId);
    if (owner !== null) this.recomputeCustomer(owner);
  }

  /** Adds or replaces a rating and recomputes its customer. */
  upsertFeedback(row: Feedback): void {
    const previousOwner = this.fileFeedback(row);
    if (previousOwner !== null && previousOwner !== row.customerId) this.recomputeCustomer(previousOwner);
    this.recomputeCustomer(row.customerId);
  }

  /** Deletes a rating by id and recomputes its customer; unknown ids are ignored. */
  removeFeedback(feedbackId: string): void {
    const owner = this.feedbackOwner.get(feedbackId);
    if (owner === undefined) return;
    this.feedbackOwner.delete(feedbackId);
    const rows = this.feedback.get(owner);
    if (rows !== undefined) removeFeedbackRow(rows, feedbackId);
    this.recomputeCustomer(owner);
  }

  /** Recomputes stale cut points now; returns true when they moved (customers are judged differently). */
  refreshCutPoints(): boolean {
    if (!this.stale) return false;
    const next = this.inputs.context(this.today, this.options);
    this.stale = false;
    if (sameJudgement(next, this.context)) return false;
    this.context = next;
    return true;
  }

  /** True when an update happened since the cut points were last computed. */
  get cutPointsStale(): boolean {
    return this.stale;
  }

  /** One customer's facts as of the last update (see the staleness contract), made now; undefined for unknown ids. */
  facts(customerId: string): CustomerFacts | undefined {
    const customer = this.customers.get(customerId);
    return customer === undefined ? undefined : deriveFacts(this.baseOf(customer), this.context);
  }

  /**
   * Every customer's facts with fresh cut points, one at a time, made for the visit and not kept (a full recompute:
   * O(orders + feedback)). What the book table rebuilds its rows from.
   */
  eachFacts(visit: (facts: CustomerFacts) => void): void {
    this.refreshCutPoints();
    for (const customer of this.customers.values()) visit(deriveFacts(this.baseOf(customer), this.context));
  }

  /** Every customer's facts, with fresh cut points, made for this call (see eachFacts). */
  allFacts(): CustomerFacts[] {
    const all: CustomerFacts[] = [];
    this.eachFacts((facts) => all.push(facts));
    return all;
  }

  /**
   * Customers matching a rule (validated with parseSegmentRule), with fresh cut points: read from the fact columns,
   * or, for a rule on what they do not hold (channels, products, categories, origin, money in another currency),
   * from every customer's facts.
   */
  count(rule: SegmentRule): number {
    const columns = this.factColumns();
    const predicate = compileColumnRule(rule, columns);
    return predicate === null ? countSegment(rule, this.allFacts()) : countColumns(predicate, columns);
  }

  /**
   * The ids of the customers matching a rule (archived ones too, as count): the same members count counts, read
   * the same way (the fact columns, or every customer's facts for a rule on what they do not hold).
   */
  matchingIds(rule: SegmentRule): string[] {
    const columns = this.factColumns();
    const predicate = compileColumnRule(rule, columns);
    return predicate === null ? filterSegment(rule, this.allFacts()).map((facts) => facts.customerId) : matchingColumns(predicate, columns);
  }

  /**
   * Store metrics of `period` and the window before it, at the engine's "now" and on its calendar, from the order
   * and fact columns (column-metrics.ts): equal to computeMetrics of the book.
   */
  metrics(period: Period): Metrics {
    const facts = this.factColumns();
    const feedback: Feedback[] = [];
    for (const [id, rows] of this.feedback) if (this.customers.has(id)) for (const row of rows) feedback.push(row);
    return computeColumnMetrics({ orders: this.orders.view(), facts, feedback, period, now: this.nowMs });
  }

  /** Paid revenue per calendar month and currency on the seller's calendar, for the dashboard (monthly-figures.ts). */
  monthlyRevenue(): MonthlyRevenue {
    return monthlyRevenue(this.monthlyInput());
  }

  /** Monthly cohorts by first paid order and the share of each who bought in each later month (monthly-figures.ts). */
  monthlyCohorts(): MonthlyCohort[] {
    return monthlyCohorts(this.monthlyInput());
  }

  /** monthlyRevenue and monthlyCohorts together, the orders cut into months once. */
  monthlyFigures(): { revenue: MonthlyRevenue; cohorts: MonthlyCohort[] } {
    return monthlyFigures(this.monthlyInput());
  }

  /** The cut points every customer is judged against (refreshed if stale). */
  bookContext(): BookContext {
    this.refreshCutPoints();
    return this.context;
  }

  /** Every order as columns, numbered by customer as the fact columns are; shared, never written, valid until the next change. */
  orderColumns(): OrderColumnsView {
    return this.orders.view();
  }

  /** A customer's orders as filed (any status; what the engine keeps of them), made for this call. Empty for unknown ids. */
  ordersOf(customerId: string): FiledOrder[] {
    return this.orders.ordersOf(customerId);
  }

  /** A customer's feedback as filed; shared, do not modify. Empty for unknown ids. */
  feedbackOf(customerId: string): readonly Feedback[] {
    return this.feedback.get(customerId) ?? [];
  }

  /** The engine's current "now", epoch ms. */
  get now(): number {
    return this.nowMs;
  }

  private baseOf(customer: CustomerForBase): CustomerBase {
    return computeCustomerBase(customer, this.orders.ordersOf(customer.id), this.feedback.get(customer.id) ?? [], this.nowMs, this.options.timeZone);
  }

  private recomputeCustomer(customerId: string): void {
    const customer = this.customers.get(customerId);
    // Records of a customer we do not know yet are kept and used when the customer arrives.
    if (customer === undefined) return;
    this.inputs.set(this.baseOf(customer), this.options.mainCurrency);
    this.stale = true;
    this.columns = null;
  }

  private monthlyInput() {
    return { orders: this.orders.view(), facts: this.factColumns(), timeZone: this.options.timeZone, now: this.nowMs };
  }

  /** The engine's customers and their ratings by customer number, and today: what the fact columns read. */
  private columnsInput() {
    const orders = this.orders.view();
    const customers = new Array<CustomerForBase | undefined>(orders.customers);
    const feedback = new Array<readonly Feedback[] | undefined>(orders.customers);
    for (const customer of this.customers.values()) {
      const number = this.orders.numberOf(customer.id);
      customers[number] = customer;
      feedback[number] = this.feedback.get(customer.id);
    }
    return { orders, customers, feedback, today: this.today };
  }

  /** Files an order under its customer (replacing one with the same id); returns the previous owner, if any. */
  private fileOrder(order: Order): string | null {
    // The customer's own copy of their id, when known (each order read from the book has its own).
    return this.orders.file(order, this.customers.get(order.customerId)?.id ?? order.customerId);
  }

  private fileFeedback(row: Feedback): string | null {
    const previous = this.feedbackOwner.get(row.id) ?? null;
    if (previous !== null && previous !== row.customerId) {
      const old = this.feedback.get(previous);
      if (old !== undefined) removeFeedbackRow(old, row.id);
    }
    let rows = this.feedback.get(row.customerId);
    if (rows === undefined) this.feedback.set(row.customerId, (rows = []));
    const at = previous === row.customerId ? rows.findIndex((f) => f.id === row.id) : -1;
    if (at >= 0) rows[at] = row;
    else rows.push(row);
    this.feedbackOwner.set(row.id, row.customerId);
    return previous;
  }
}

function removeFeedbackRow(rows: Feedback[], id: string): void {
  const at = rows.findIndex((f) => f.id === id);
  if (at >= 0) rows.splice(at, 1);
}

function emptyFigures(): CutPointFigures {
  return { intervals: [], recencyDays: [], frequency: [], monetaryMinor: [], spenders: [] };
}

/**
 * What the book-wide cut points read of each customer (computeBookContext's inputs), as columns by a number per
 * customer id: whether archived, their last purchase day (recency follows the day without reading orders), their
 * purchase days, own interval and main-currency spend.
 */
class CutPointInputs {
  /** Numbers above this were never set. */
  private size = 0;
  private present = new Uint8Array(0);
  private archived = new Uint8Array(0);
  private lastDay = new Int32Array(0);
  private purchaseDays = new Int32Array(0);
  /** NaN: fewer than two purchase days. */
  private ownInterval = new Float64Array(0);
  private mainSpend = new Float64Array(0);

  /** `numberOf`: the customer's number (the order columns' numbering, shared with the fact columns). */
  constructor(private readonly numberOf: (customerId: string) => number) {}

  set(base: CustomerBase, mainCurrency: string): void {
    const number = this.numberOf(base.customerId);
    this.reach(number + 1);
    const days = base.purchaseDayNumbers;
    this.present[number] = 1;
    this.archived[number] = base.archived ? 1 : 0;
    this.lastDay[number] = days.length === 0 ? NO_DAY : (days[days.length - 1] as number);
    this.purchaseDays[number] = base.purchaseDays;
    this.ownInterval[number] = base.ownIntervalDays ?? Number.NaN;
    this.mainSpend[number] = base.totalSpentMinor[mainCurrency] ?? 0;
  }

  /** Every customer at once, from the fact columns (customers not in them are forgotten). */
  setAll(columns: FactColumns): void {
    this.reach(columns.size);
    this.present.fill(0);
    this.present.set(columns.present);
    this.archived.set(columns.archived);
    this.lastDay.set(columns.lastDay);
    this.purchaseDays.set(columns.purchaseDays);
    this.ownInterval.set(columns.ownInterval);
    this.mainSpend.set(columns.mainSpend);
  }

  /** Forgets a customer (their number is kept for their id, should it come back). */
  delete(customerId: string): void {
    const number = this.numberOf(customerId);
    if (number < this.size) this.present[number] = 0;
  }

  /** The cut points over the present customers, with recency at `today`; equal to computeBookContext of their bases. */
  context(today: number, options: SegmentationOptions): BookContext {
    const figures = emptyFigures();
    for (let number = 0; number < this.size; number++) {
      if (this.present[number] === 0 || this.archived[number] === 1 || this.lastDay[number] === NO_DAY) continue;
      const interval = this.ownInterval[number] as number;
      if (!Number.isNaN(interval)) figures.intervals.push(interval);
      const spend = this.mainSpend[number] as number;
      figures.recencyDays.push(daysSince(this.lastDay[number] as number, today));
      figures.frequency.push(this.purchaseDays[number] as number);
      figures.monetaryMinor.push(spend);
      if (spend > 0) figures.spenders.push(spend);
    }
    return bookContextOf(figures, options);
  }

  /** Makes room for numbers below `size`. */
  private reach(size: number): void {
    if (size > this.present.length) this.grow(Math.max(64, size, Math.ceil(this.present.length * 1.5)));
    this.size = Math.max(this.size, size);
  }

  private grow(size: number): void {
    this.present = grown(this.present, size);
    this.archived = grown(this.archived, size);
    this.lastDay = grown(this.lastDay, size);
    this.purchaseDays = grown(this.purchaseDays, size);
    this.ownInterval = grown(this.ownInterval, size);
    this.mainSpend = grown(this.mainSpend, size);
  }
}
