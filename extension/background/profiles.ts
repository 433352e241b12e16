import { DEFAULT_FUNNEL_STAGES, funnelStageLabel, identityKeys, type Book, type Customer, type Feedback, type Order } from '../../core';
import type { CurrencyTotal, CustomerInsight, CustomerProfile } from '../messaging/protocol';
import { readPixKey } from './pix-key';

/** Judges one customer's activity, RFM and lifecycle (against cut points it holds or reads from the book). */
export interface InsightProvider {
  insightFor(customer: Customer, orders: Order[], feedback: Feedback[], locale: string): CustomerInsight | null | Promise<CustomerInsight | null>;
}

/** Totals per currency over paid orders; refunds and cancellations are not sales. */
export function currencyTotals(orders: readonly Pick<Order, 'status' | 'currency' | 'totalMinor'>[]): CurrencyTotal[] {
  const totals = new Map<string, CurrencyTotal>();
  for (const order of orders) {
    if (order.status !== 'paid') continue;
    const total = totals.get(order.currency) ?? { currency: order.currency, totalMinor: 0, averageTicketMinor: 0, orders: 0 };
    total.totalMinor += order.totalMinor;
    total.orders += 1;
    totals.set(order.currency, total);
  }
  return [...totals.values()]
    .map((total) => ({ ...total, averageTicketMinor: Math.round(total.totalMinor / total.orders) }))
    .sort((a, b) => b.totalMinor - a.totalMinor);
}

/** One customer's whole sidebar: read in parallel, one round trip for the content script. */
export async function buildProfile(book: Book, insights: InsightProvider, customerId: string, locale: string): Promise<CustomerProfile> {
  const [customer, tags, orders, notes, followUps, feedback, quickReplies, pixKey] = await Promise.all([
    book.customers.get(customerId),
    book.tags.list(),
    book.orders.listByCustomer(customerId),
    book.notes.listByCustomer(customerId),
    book.followUps.listByCustomer(customerId),
    book.feedback.listByCustomer(customerId),
    book.quickReplies.list(),
    readPixKey(book),
  ]);
  if (!customer) throw new Error(`No customer with id ${customerId}`);
  const pendingClaims = await book.feedback.pendingClaimsFor(customer.identities.flatMap((identity) => identityKeys(identity.kind, identity.value)));
  return {
    customer,
    tags,
    funnelStages: DEFAULT_FUNNEL_STAGES.map((id) => ({ id, label: funnelStageLabel(id, locale) })),
    recentOrders: orders.slice(0, 5),
    orderCount: orders.filter((order) => order.status === 'paid').length,
    totals: currencyTotals(orders),
    insight: await insights.insightFor(customer, orders, feedback, locale),
    notes,
    followUps,
    latestFeedback: feedback[0] ?? null,
    pendingClaims,
    quickReplies,
    pixKey,
  };
}
