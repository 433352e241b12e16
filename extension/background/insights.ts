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

/** How stale the book-wide cut points may get before an idle refresh (they move slowly; the chat path never waits). */
const REFRESH_AFTER_MS = 30_000;

/**
 * Activity, RFM and lifecycle for the sidebar. Each customer's own figures are computed from their records on
 * every lookup (cheap: their orders only); the book-wide cut points (store interval, RFM quintiles, high value)
 * come from a BookContext built once from every customer in the background and refreshed lazily after writes.
 */
export class InsightService {
  private readonly bases = new Map<string, CustomerBase>();
  private context: BookContext | null = null;
  private loading: Promise<void> | null = null;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private refreshedAt = 0;

  constructor(
    private readonly book: Book,
    private readonly options: SegmentationOptions,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The insight of one customer; judged against the book's cut points once they are loaded. */
  insightFor(customer: Customer, orders: Order[], feedback: Feedback[], locale: string): CustomerInsight {
    const base = computeCustomerBase(customer, orders, feedback, this.now());
    this.bases.set(customer.id, base);
    this.scheduleRefresh();
    const context = this.context ?? computeBookContext([base], this.options);
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

  /** Forgets a customer (erased or merged away) so the cut points stop counting them. */
  forget(customerId: string): void {
    this.bases.delete(customerId);
    this.scheduleRefresh();
  }

  /** Reads the whole book once to build the cut points. Called lazily; safe to call again (one load at a time). */
  load(): Promise<void> {
    this.loading ??= (async () => {
      const contents = await this.book.exportAll();
      const orders = groupByCustomer(contents.orders);
      const feedback = groupByCustomer(contents.feedback);
      const now = this.now();
      for (const customer of contents.customers) {
        this.bases.set(customer.id, computeCustomerBase(customer, orders.get(customer.id) ?? [], feedback.get(customer.id) ?? [], now));
      }
      this.refresh();
    })().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  /** After a restore or anything book-wide: start over. */
  reset(): void {
    this.bases.clear();
    this.context = null;
    void this.load();
  }

  private refresh(): void {
    this.context = computeBookContext(this.bases.values(), this.options);
    this.refreshedAt = Date.now();
  }

  private scheduleRefresh(): void {
    if (!this.context) {
      void this.load();
      return;
    }
    if (this.refreshTimer) return;
    const wait = Math.max(0, REFRESH_AFTER_MS - (Date.now() - this.refreshedAt));
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      this.refresh();
    }, wait);
  }
}
