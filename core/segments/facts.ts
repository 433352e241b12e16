import { groupByCustomer, type Customer, type Feedback, type Order } from '../model';
import { type ActivityResult, computeActivity } from './activity';
import { type BookContext, type SegmentationOptions, computeBookContext } from './book-context';
import { type CustomerClasses, classifyCustomer } from './classes';
import { type CustomerBase, computeCustomerBase } from './customer-base';
import { type LifecycleResult, deriveLifecycle } from './lifecycle';
import { type RfmResult, scoreRfm } from './rfm';
import { calendarOf } from '../locale/calendar';
import { type Instant } from './time';

/**
 * One derived row per customer: what segment rules, clean-up and the UI read. Money fields are per currency.
 * Book-wide parts (activity for one-time buyers, RFM scores, high value) are judged against a BookContext.
 */
export interface CustomerFacts extends CustomerBase {
  /** Interval the activity status used: their own, else the store's typical one, else the fallback. */
  readonly typicalIntervalDays: number | null;
  readonly activity: ActivityResult;
  /** Null for customers without a paid purchase (they are not scored). */
  readonly rfm: RfmResult | null;
  readonly lifecycle: LifecycleResult;
  readonly classes: CustomerClasses;
}

/**
 * Adds the book-dependent parts to a customer's base, judging them against `context` (normally computed from bases
 * of the same day; an older one acts like stale cut points). O(purchase days of the customer).
 */
export function deriveFacts(base: CustomerBase, context: BookContext): CustomerFacts {
  const activity = computeActivity(
    { purchaseDays: base.purchaseDayNumbers, today: base.today, calendar: calendarOf(base.timeZone), storeIntervalDays: context.storeIntervalDays, ownIntervalDays: base.ownIntervalDays },
    context.activityConfig,
  );
  const daysSinceLastOrder = base.daysSinceLastOrder;
  const spend = base.totalSpentMinor[context.mainCurrency] ?? 0;
  const rfm =
    daysSinceLastOrder === null
      ? null
      : scoreRfm({ recencyDays: daysSinceLastOrder, frequency: base.purchaseDays, monetaryMinor: spend }, context.rfmCutPoints);
  const lifecycle = deriveLifecycle(
    {
      activity,
      purchaseDays: base.purchaseDayNumbers,
      ownIntervalDays: base.ownIntervalDays,
      latestFeedback: base.latestFeedback,
      lastOrderAt: base.lastOrderAt,
      monetaryScore: rfm?.monetary ?? null,
      spendInMainCurrencyMinor: spend,
      highValueSpendMinor: context.highValueSpendMinor,
    },
    context.lifecycleConfig,
  );
  const classes = classifyCustomer({ purchaseDays: base.purchaseDays, originChannel: base.originChannel, identityKinds: base.identityKinds });
  // Every field listed instead of `...base`: in profiles, spreading the 30-field base was most of a recompute.
  return {
    customerId: base.customerId,
    displayName: base.displayName,
    archived: base.archived,
    tagIds: base.tagIds,
    identityKinds: base.identityKinds,
    funnelStage: base.funnelStage,
    customFields: base.customFields,
    createdAt: base.createdAt,
    daysSinceCreated: base.daysSinceCreated,
    timeZone: base.timeZone,
    today: base.today,
    orderCount: base.orderCount,
    purchaseDays: base.purchaseDays,
    purchaseDayNumbers: base.purchaseDayNumbers,
    totalSpentMinor: base.totalSpentMinor,
    averageTicketMinor: base.averageTicketMinor,
    firstOrderAt: base.firstOrderAt,
    lastOrderAt: base.lastOrderAt,
    daysSinceLastOrder,
    ownIntervalDays: base.ownIntervalDays,
    productNames: base.productNames,
    categories: base.categories,
    channels: base.channels,
    originChannel: base.originChannel,
    latestCsat: base.latestCsat,
    latestNps: base.latestNps,
    latestFeedback: base.latestFeedback,
    typicalIntervalDays: activity.reason.intervalDays,
    activity,
    rfm,
    lifecycle,
    classes,
  };
}

/**
 * Facts of one customer at `now` from their own records, against a book context computed beforehand (usually from
 * bases of the same `now`; an older context acts like stale cut points).
 */
export function computeCustomerFacts(
  customer: Customer,
  orders: readonly Order[],
  feedback: Iterable<Feedback>,
  context: BookContext,
  now: Instant,
): CustomerFacts {
  return deriveFacts(computeCustomerBase(customer, orders, feedback, now, context.timeZone), context);
}

export interface BookSnapshot {
  readonly customers: readonly Customer[];
  readonly orders: readonly Order[];
  readonly feedback: readonly Feedback[];
}


/** Facts for every customer of a book, in the order of `customers`, with the context they were judged against. */
export function computeBookFacts(
  book: BookSnapshot,
  options: SegmentationOptions,
  now: Instant,
): { facts: CustomerFacts[]; context: BookContext } {
  const orders = groupByCustomer(book.orders);
  const feedback = groupByCustomer(book.feedback);
  const bases = book.customers.map((c) => computeCustomerBase(c, orders.get(c.id) ?? [], feedback.get(c.id) ?? [], now, options.timeZone));
  const context = computeBookContext(bases, options);
  return { facts: bases.map((base) => deriveFacts(base, context)), context };
}
