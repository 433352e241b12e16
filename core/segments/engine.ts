import type { Feedback, Order } from '../model';
import { type BookContext, type SegmentationOptions, computeBookContext, resolveOptions, sameJudgement } from './book-context';
import { type CustomerBase, type CustomerForBase, ageCustomerBase, computeCustomerBase } from './customer-base';
import { countSegment } from './evaluate';
import { type BookSnapshot, type CustomerFacts, deriveFacts } from './facts';
import type { FiledOrder } from './filed-order';
import { OrderColumns } from './order-columns';
import type { SegmentRule } from './rules';
import { type Calendar, calendarOf } from '../locale/calendar';
import { type Instant, toEpochMs } from './time';

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
 *  - Reads that compare customers — allFacts(), count(), bookContext() — refresh stale cut points first, so they
 *    always see one consistent set. facts(id) does not refresh (it stays O(1)); call refreshCutPoints() to force.
 *  - A refresh costs O(n log n) for the cut points and, only if they changed, O(n) to re-judge every customer from
 *    the cached aggregates (orders are not re-read).
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
  // A customer's facts are also their base (CustomerFacts extends CustomerBase): the engine keeps one object per
  // customer, not a base and facts beside it (100k fewer objects for the worker's collector to mark).
  private readonly factsById = new Map<string, CustomerFacts>();
  private context: BookContext;
  private stale = false;
  private allCache: CustomerFacts[] | null = null;

  constructor(snapshot: EngineSnapshot, options: EngineOptions) {
    const { now, ...rest } = options;
    // Resolved once so the zone is checked (and canonical) before any day is cut with it.
    this.options = { ...rest, timeZone: resolveOptions(rest).timeZone };
    this.calendar = calendarOf(this.options.timeZone);
    this.nowMs = toEpochMs(now);
    this.today = this.calendar.day(this.nowMs);
    for (const c of snapshot.customers) this.customers.set(c.id, c);
    for (const o of snapshot.orders) this.fileOrder(o);
    for (const f of snapshot.feedback) this.fileFeedback(f);
    this.context = computeBookContext([], this.options);
    this.recomputeAll();
  }

  /** Recomputes every customer's aggregates, the cut points and all facts. O(orders + n log n). */
  recomputeAll(): void {
    const bases: CustomerBase[] = [];
    for (const c of this.customers.values()) bases.push(this.baseOf(c));
    this.rejudge(bases, computeBookContext(bases, this.options));
  }

  /**
   * Moves "now". Facts depend only on the seller's day, so a move within the same day costs nothing; a new day re-ages
   * the cached aggregates (no order is read), recomputes the cut points and re-judges everyone. O(n log n).
   */
  setNow(now: Instant): void {
    this.nowMs = toEpochMs(now);
    if (this.calendar.day(this.nowMs) === this.today) return;
    this.today = this.calendar.day(this.nowMs);
    const bases: CustomerBase[] = [];
    for (const facts of this.factsById.values()) bases.push(ageCustomerBase(facts, this.nowMs));
    this.rejudge(bases, computeBookContext(bases, this.options));
  }

  /** Adds or replaces a customer (tags, stage, archive…) and recomputes their facts. */
  upsertCustomer(customer: CustomerForBase): void {
    this.customers.set(customer.id, customer);
    this.recomputeCustomer(customer.id);
  }

  /** Forgets a customer's facts; their orders and feedback stay indexed in case the id comes back (undo). */
  removeCustomer(customerId: string): void {
    if (!this.customers.delete(customerId)) return;
    this.factsById.delete(customerId);
    this.markStale();
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

  /** Recomputes stale cut points now; returns true when customers had to be re-judged. */
  refreshCutPoints(): boolean {
    if (!this.stale) return false;
    const bases = Array.from(this.factsById.values());
    const next = computeBookContext(bases, this.options);
    this.stale = false;
    if (sameJudgement(next, this.context)) return false;
    this.rejudge(bases, next);
    return true;
  }

  /** True when an update happened since the cut points were last computed. */
  get cutPointsStale(): boolean {
    return this.stale;
  }

  /** One customer's facts as of the last update (see the staleness contract); undefined for unknown ids. */
  facts(customerId: string): CustomerFacts | undefined {
    return this.factsById.get(customerId);
  }

  /** Every customer's facts, with fresh cut points; the array is shared until the next change, do not modify. */
  allFacts(): readonly CustomerFacts[] {
    this.refreshCutPoints();
    if (this.allCache === null) this.allCache = Array.from(this.factsById.values());
    return this.allCache;
  }

  /** Customers matching a rule (validated with parseSegmentRule), with fresh cut points. */
  count(rule: SegmentRule): number {
    return countSegment(rule, this.allFacts());
  }

  /** The cut points every customer is judged against (refreshed if stale). */
  bookContext(): BookContext {
    this.refreshCutPoints();
    return this.context;
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
    this.factsById.set(customerId, deriveFacts(this.baseOf(customer), this.context));
    this.markStale();
  }

  /** Judges every customer's base against `context`, which becomes the engine's (the cut points are then fresh). */
  private rejudge(bases: readonly CustomerBase[], context: BookContext): void {
    this.context = context;
    this.factsById.clear();
    for (const base of bases) this.factsById.set(base.customerId, deriveFacts(base, context));
    this.stale = false;
    this.allCache = null;
  }

  private markStale(): void {
    this.stale = true;
    this.allCache = null;
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
