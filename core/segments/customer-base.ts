import type { Customer, Feedback, IdentityKind, Order } from '../model';
import { typicalIntervalDays } from './activity';
import type { OrderChannel } from './classes';
import type { ItemForBase } from './filed-order';
import type { LatestFeedback } from './lifecycle';
import { calendarOf } from '../locale/calendar';
import { type Instant, daysSince, parseInstantMs, toEpochMs } from './time';

export type CustomFieldValue = Customer['customFields'][string];

/** What a customer's figures read of their record: a whole Customer, or what the book table keeps of it. */
export interface CustomerForBase {
  readonly id: string;
  readonly displayName: string;
  readonly archivedAt: string | null;
  readonly tagIds: readonly string[];
  readonly identities: readonly { readonly kind: IdentityKind }[];
  readonly funnelStage: string | null;
  readonly customFields: Customer['customFields'];
  readonly createdAt: string;
}

/**
 * Everything about one customer that depends only on their own records and `now` — not on the rest of the book.
 * The engine makes one when a customer's facts are asked for and keeps none (engine.ts); ageCustomerBase gives the
 * same customer on another day without reading their orders again.
 */
export interface CustomerBase {
  readonly customerId: string;
  readonly displayName: string;
  readonly archived: boolean;
  readonly tagIds: readonly string[];
  /** Distinct kinds of the customer's identities (whatsapp, instagram, email…). */
  readonly identityKinds: readonly IdentityKind[];
  readonly funnelStage: string | null;
  readonly customFields: Readonly<Record<string, CustomFieldValue>>;
  /** Epoch ms. */
  readonly createdAt: number;
  readonly daysSinceCreated: number;
  /** The seller's IANA time zone: the day numbers below are dates of its calendar. */
  readonly timeZone: string;
  /** Day number of the `now` these figures were computed at. */
  readonly today: number;
  /** Paid orders (same-day orders counted separately here, unlike purchaseDays). */
  readonly orderCount: number;
  /** Distinct days with a paid order. */
  readonly purchaseDays: number;
  /** Those days, ascending (day numbers). */
  readonly purchaseDayNumbers: readonly number[];
  /** Paid totals per ISO currency, minor units; never added across currencies. */
  readonly totalSpentMinor: Readonly<Record<string, number>>;
  /** Paid total ÷ paid orders, per currency, rounded to a whole minor unit. */
  readonly averageTicketMinor: Readonly<Record<string, number>>;
  /** Epoch ms of the first and last paid order. */
  readonly firstOrderAt: number | null;
  readonly lastOrderAt: number | null;
  /** Whole days since the last purchase day (0 for today or a day after it); null without purchases. */
  readonly daysSinceLastOrder: number | null;
  /** The customer's own median gap between purchase days; null with fewer than two. */
  readonly ownIntervalDays: number | null;
  /** Distinct item names and categories of paid orders, as spelled, sorted. */
  readonly productNames: readonly string[];
  readonly categories: readonly string[];
  /** Distinct channels of paid orders, sorted. */
  readonly channels: readonly OrderChannel[];
  /** Channel of the earliest order of any status: how the customer first arrived. */
  readonly originChannel: OrderChannel | null;
  readonly latestCsat: number | null;
  readonly latestNps: number | null;
  readonly latestFeedback: LatestFeedback | null;
}

/**
 * What a customer's figures read of an order: a whole Order, or the engine's FiledOrder, which carries placedAt
 * already parsed (parsing is a third of a full recompute) and only the items' names and categories.
 */
export type OrderForBase = Pick<Order, 'id' | 'customerId' | 'status' | 'currency' | 'totalMinor' | 'channel'> & {
  readonly items: readonly ItemForBase[];
} & ({ readonly placedAt: string } | { readonly placedAtMs: number });

/**
 * Book-independent aggregates of one customer. Orders and feedback of other customers are ignored, so callers may
 * pass a superset; only `paid` orders count as purchases, spend, products or channels. Days are cut in `timeZone`,
 * the seller's (a validated IANA name).
 */
export function computeCustomerBase(customer: CustomerForBase, orders: readonly OrderForBase[], feedback: Iterable<Feedback>, now: Instant, timeZone: string): CustomerBase {
  const calendar = calendarOf(timeZone);
  const today = calendar.day(toEpochMs(now));
  const totals: Record<string, number> = {};
  const counts: Record<string, number> = {};
  // Small distinct lists instead of Sets: a customer has a handful of each, and a recompute builds 100k of them.
  const days: number[] = [];
  const products: string[] = [];
  const categories: string[] = [];
  const channels: OrderChannel[] = [];
  let orderCount = 0;
  let firstOrderAt: number | null = null;
  let lastOrderAt: number | null = null;
  let originAt = Number.POSITIVE_INFINITY;
  let originChannel: OrderChannel | null = null;
  let originId = '';

  for (const order of orders) {
    if (order.customerId !== customer.id) continue;
    const at = 'placedAtMs' in order ? order.placedAtMs : parseInstantMs(order.placedAt);
    if (!Number.isFinite(at)) continue;
    // Ties on the instant go to the smaller id so the origin does not depend on the order of the input.
    if (at < originAt || (at === originAt && order.id < originId)) {
      originAt = at;
      originChannel = order.channel;
      originId = order.id;
    }
    if (order.status !== 'paid') continue;
    orderCount += 1;
    totals[order.currency] = (totals[order.currency] ?? 0) + order.totalMinor;
    counts[order.currency] = (counts[order.currency] ?? 0) + 1;
    days.push(calendar.day(at));
    addDistinct(channels, order.channel);
    if (firstOrderAt === null || at < firstOrderAt) firstOrderAt = at;
    if (lastOrderAt === null || at > lastOrderAt) lastOrderAt = at;
    for (const item of order.items) {
      addDistinct(products, item.name);
      if (item.category !== null && item.category !== '') addDistinct(categories, item.category);
    }
  }

  // Without purchases both are the one shared empty record; with one paid order per currency the average is the
  // total, and the facts carry one record for both (a table row keeps the totals for as long as the book is open).
  let oneOrderEach = true;
  for (const currency in counts) if (counts[currency] !== 1) oneOrderEach = false;
  let averageTicketMinor: Readonly<Record<string, number>> = orderCount === 0 ? NO_MONEY : totals;
  if (!oneOrderEach) {
    const averages: Record<string, number> = {};
    for (const currency in totals) averages[currency] = Math.round((totals[currency] as number) / (counts[currency] as number));
    averageTicketMinor = averages;
  }
  const purchaseDayNumbers = sortedDistinct(days);
  const lastDay = purchaseDayNumbers[purchaseDayNumbers.length - 1];
  const createdAt = parseInstantMs(customer.createdAt);
  const ratings = latestRatings(customer.id, feedback);

  // One literal with every field, no spreads: objects built this way keep a fast fixed shape, which matters when
  // a recompute builds 100k of them.
  return {
    customerId: customer.id,
    displayName: customer.displayName,
    archived: customer.archivedAt !== null,
    tagIds: customer.tagIds,
    identityKinds: identityKindsOf(customer),
    funnelStage: customer.funnelStage,
    customFields: customer.customFields,
    createdAt,
    daysSinceCreated: daysSince(calendar.day(createdAt), today),
    timeZone,
    today,
    orderCount,
    purchaseDays: purchaseDayNumbers.length,
    purchaseDayNumbers,
    totalSpentMinor: orderCount === 0 ? NO_MONEY : totals,
    averageTicketMinor,
    firstOrderAt,
    lastOrderAt,
    daysSinceLastOrder: lastDay === undefined ? null : daysSince(lastDay, today),
    ownIntervalDays: typicalIntervalDays(purchaseDayNumbers),
    // Sorted so the facts do not depend on the order the records arrived in.
    // Lists of their own, not shared copies: the engine keeps no base (facts are made when read), and looking a
    // list up among the shared ones was a fifth of a full recompute.
    productNames: products.sort(),
    categories: categories.sort(),
    channels: channels.sort(),
    originChannel,
    latestCsat: ratings.latestCsat,
    latestNps: ratings.latestNps,
    latestFeedback: ratings.latestFeedback,
  };
}

/**
 * The same customer seen on another day, without reading their orders again: only `today`, daysSinceCreated and
 * daysSinceLastOrder depend on `now`. Equal to computeCustomerBase with the new `now`.
 */
export function ageCustomerBase(base: CustomerBase, now: Instant): CustomerBase {
  const calendar = calendarOf(base.timeZone);
  const today = calendar.day(toEpochMs(now));
  const lastDay = base.purchaseDayNumbers[base.purchaseDayNumbers.length - 1];
  // Every field listed (no spread), like computeCustomerBase, to keep the fast fixed object shape.
  return {
    customerId: base.customerId,
    displayName: base.displayName,
    archived: base.archived,
    tagIds: base.tagIds,
    identityKinds: base.identityKinds,
    funnelStage: base.funnelStage,
    customFields: base.customFields,
    createdAt: base.createdAt,
    daysSinceCreated: daysSince(calendar.day(base.createdAt), today),
    timeZone: base.timeZone,
    today,
    orderCount: base.orderCount,
    purchaseDays: base.purchaseDays,
    purchaseDayNumbers: base.purchaseDayNumbers,
    totalSpentMinor: base.totalSpentMinor,
    averageTicketMinor: base.averageTicketMinor,
    firstOrderAt: base.firstOrderAt,
    lastOrderAt: base.lastOrderAt,
    daysSinceLastOrder: lastDay === undefined ? null : daysSince(lastDay, today),
    ownIntervalDays: base.ownIntervalDays,
    productNames: base.productNames,
    categories: base.categories,
    channels: base.channels,
    originChannel: base.originChannel,
    latestCsat: base.latestCsat,
    latestNps: base.latestNps,
    latestFeedback: base.latestFeedback,
  };
}

const NO_MONEY: Readonly<Record<string, number>> = Object.freeze({});

function addDistinct<T>(list: T[], value: T): void {
  if (!list.includes(value)) list.push(value);
}

/** Sorts ascending and drops repeats, in place (same-day orders are one purchase day). */
function sortedDistinct(values: number[]): number[] {
  values.sort((a, b) => a - b);
  let n = 0;
  for (let i = 0; i < values.length; i++) if (i === 0 || values[i] !== values[n - 1]) values[n++] = values[i] as number;
  values.length = n;
  return values;
}

function identityKindsOf(customer: CustomerForBase): IdentityKind[] {
  const kinds: IdentityKind[] = [];
  for (const identity of customer.identities) addDistinct(kinds, identity.kind);
  return kinds;
}

function latestRatings(customerId: string, feedback: Iterable<Feedback>) {
  let csat: LatestFeedback | null = null;
  let nps: LatestFeedback | null = null;
  let csatId = '';
  let npsId = '';
  for (const row of feedback) {
    if (row.customerId !== customerId) continue;
    const receivedAt = parseInstantMs(row.receivedAt);
    if (!Number.isFinite(receivedAt)) continue;
    // Same instant: the larger id wins, so the answer does not depend on input order.
    if (row.kind === 'csat') {
      if (csat === null || receivedAt > csat.receivedAt || (receivedAt === csat.receivedAt && row.id > csatId)) {
        csat = { kind: 'csat', score: row.score, receivedAt };
        csatId = row.id;
      }
    } else if (nps === null || receivedAt > nps.receivedAt || (receivedAt === nps.receivedAt && row.id > npsId)) {
      nps = { kind: 'nps', score: row.score, receivedAt };
      npsId = row.id;
    }
  }
  // Latest of either kind; on the same instant the nps (the broader question) is taken.
  const latestFeedback = csat === null ? nps : nps === null ? csat : nps.receivedAt >= csat.receivedAt ? nps : csat;
  return { latestCsat: csat?.score ?? null, latestNps: nps?.score ?? null, latestFeedback };
}
