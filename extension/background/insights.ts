import {
  activityStatusLabel,
  computeBookContext,
  computeCustomerBase,
  groupByCustomer,
  deriveFacts,
  describeActivity,
  lifecycleStageLabel,
  rfmSegmentLabel,
  type Book,
  type BookContext,
  type Customer,
  type CustomerBase,
  type Feedback,
  type Order,
  type SegmentationOptions,
} from '../../core';
import type { CustomerInsight } from '../messaging/protocol';
import type { InsightProvider } from './profiles';

/** Where the background keeps the book-wide cut points for the sidebar frames (the book's `meta` store). */
export const INSIGHT_CONTEXT_KEY = 'insights.context';

/** The cut points as stored, with when they were computed. */
export interface StoredBookContext {
  computedAt: string;
  context: BookContext;
}

/** Quiet time after the last write before the cut points are recomputed (writes come in bursts). */
const RECOMPUTE_AFTER_MS = 2_000;
/** Activity and recency move with the calendar: cut points older than this are recomputed when the worker starts. */
const MAX_AGE_MS = 6 * 60 * 60 * 1000;

/** One customer's activity, RFM and lifecycle against the book's cut points, in the seller's language. */
export function describeInsight(base: CustomerBase, context: BookContext, locale: string): CustomerInsight {
  const facts = deriveFacts(base, context);
  return {
    activity: { status: facts.activity.status, label: activityStatusLabel(facts.activity.status, locale), reason: describeActivity(facts.activity, locale) },
    rfm: facts.rfm
      ? { segment: facts.rfm.segment, label: rfmSegmentLabel(facts.rfm.segment, locale), scores: `R${facts.rfm.recency} F${facts.rfm.frequency} M${facts.rfm.monetary}` }
      : null,
    lifecycle: { stage: facts.lifecycle.stage, label: lifecycleStageLabel(facts.lifecycle.stage, locale), worthRecovering: facts.lifecycle.worthRecovering },
    nextPurchaseExpectedAt: facts.activity.nextPurchaseExpectedAt === null ? null : new Date(facts.activity.nextPurchaseExpectedAt).toISOString(),
    typicalIntervalDays: facts.typicalIntervalDays,
  };
}

/**
 * The sidebar frames' insights: each customer's own figures come from their records on every lookup (cheap: their
 * orders only), judged against the cut points the background stored in the book. A frame never loads the whole
 * book, so a chat switch never waits for whole-book work, wherever the service worker is.
 */
export class StoredInsights implements InsightProvider {
  private stored: Promise<StoredBookContext | undefined> | null = null;

  constructor(
    private readonly book: Book,
    private readonly options: SegmentationOptions,
    private readonly now: () => Date = () => new Date(),
  ) {
    // Read once, and again only when the background stores new ones: no extra IndexedDB round trip per switch.
    book.onChange((change) => {
      if (change.stores.includes('meta') || change.wholeBook) this.stored = null;
    });
  }

  async insightFor(customer: Customer, orders: Order[], feedback: Feedback[], locale: string): Promise<CustomerInsight> {
    const base = computeCustomerBase(customer, orders, feedback, this.now(), this.options.timeZone);
    this.stored ??= this.book.meta.get<StoredBookContext>(INSIGHT_CONTEXT_KEY);
    const stored = await this.stored;
    // Before the background has computed the book's cut points, the customer is judged on their own.
    return describeInsight(base, stored?.context ?? computeBookContext([base], this.options), locale);
  }
}

/**
 * The background's side: every customer's base in memory, the book-wide cut points (store interval, RFM
 * quintiles, high value) recomputed shortly after writes and stored for the frames. It also answers insights
 * itself, for extension pages that ask the background.
 */
export class InsightService implements InsightProvider {
  private bases: Map<string, CustomerBase> | null = null;
  private context: BookContext | null = null;
  private loading: Promise<Map<string, CustomerBase>> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly stale = new Set<string>();

  /**
   * `source`, when given, is the book's one segmentation engine (the background's customer table, see
   * BookTableService.bookContext): the cut points come from it, and this service keeps no copy of the book.
   * Without it (tests, tools), the service reads the book itself.
   */
  constructor(
    private readonly book: Book,
    private options: SegmentationOptions,
    private readonly now: () => Date = () => new Date(),
    private readonly source?: () => Promise<BookContext>,
  ) {}

  /** The seller chose another time zone: every day number moves, so every base is recomputed. */
  setTimeZone(timeZone: string): void {
    if (timeZone === this.options.timeZone) return;
    this.options = { ...this.options, timeZone };
    this.context = null;
    this.changed([], true);
  }

  /** Judged against the cut points in memory, else the stored ones: a worker that just woke never loads the book to answer. */
  async insightFor(customer: Customer, orders: Order[], feedback: Feedback[], locale: string): Promise<CustomerInsight> {
    const base = computeCustomerBase(customer, orders, feedback, this.now(), this.options.timeZone);
    this.context ??= (await this.book.meta.get<StoredBookContext>(INSIGHT_CONTEXT_KEY))?.context ?? null;
    return describeInsight(base, this.context ?? computeBookContext([base], this.options), locale);
  }

  /** When the worker starts: recompute unless the stored cut points are recent. */
  async ensureFresh(): Promise<void> {
    const stored = await this.book.meta.get<StoredBookContext>(INSIGHT_CONTEXT_KEY);
    if (stored && this.now().getTime() - Date.parse(stored.computedAt) < MAX_AGE_MS) {
      this.context ??= stored.context;
      return;
    }
    await this.recompute();
  }

  /** Some customers' records changed (or, with none named, the whole book): recompute soon. */
  changed(customerIds: readonly string[], wholeBook = false): void {
    if (wholeBook) {
      this.bases = null;
      this.stale.clear();
    } else for (const id of customerIds) this.stale.add(id);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.recompute(), RECOMPUTE_AFTER_MS);
  }

  /** Brings the bases up to date, recomputes the cut points and stores them for the frames. */
  async recompute(): Promise<BookContext> {
    clearTimeout(this.timer);
    if (this.source) {
      this.stale.clear();
      return this.store(await this.source());
    }
    const bases = await this.loadBases();
    const now = this.now();
    for (const id of [...this.stale]) {
      this.stale.delete(id);
      const [customer, orders, feedback] = await Promise.all([this.book.customers.get(id), this.book.orders.listByCustomer(id), this.book.feedback.listByCustomer(id)]);
      if (customer) bases.set(id, computeCustomerBase(customer, orders, feedback, now, this.options.timeZone));
      else bases.delete(id);
    }
    return this.store(computeBookContext(bases.values(), this.options));
  }

  /** Keeps the cut points for this worker's answers and stores them for the frames. */
  private async store(context: BookContext): Promise<BookContext> {
    this.context = context;
    await this.book.meta.set(INSIGHT_CONTEXT_KEY, { computedAt: this.now().toISOString(), context } satisfies StoredBookContext);
    return context;
  }

  private loadBases(): Promise<Map<string, CustomerBase>> {
    if (this.bases) return Promise.resolve(this.bases);
    this.loading ??= (async () => {
      const contents = await this.book.exportAll();
      const orders = groupByCustomer(contents.orders);
      const feedback = groupByCustomer(contents.feedback);
      const now = this.now();
      const bases = new Map<string, CustomerBase>();
      for (const customer of contents.customers) {
        bases.set(customer.id, computeCustomerBase(customer, orders.get(customer.id) ?? [], feedback.get(customer.id) ?? [], now, this.options.timeZone));
      }
      this.stale.clear();
      this.bases = bases;
      return bases;
    })().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }
}
