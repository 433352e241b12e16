import type { Customer, Feedback, Order } from '../../model';
import { NO_CONSENT } from '../../model';
import type { SegmentationOptions } from '../book-context';
import { type CustomerFacts, computeBookFacts } from '../facts';
import { DAY_MS } from '../time';

/** Fixed "today" for tests: 2026-06-01T12:00:00Z. */
export const NOW = Date.parse('2026-06-01T12:00:00Z');

/** ISO instant `days` days before NOW (same time of day). */
export function daysAgo(days: number, from = NOW): string {
  return new Date(from - days * DAY_MS).toISOString();
}

export function customer(id: string, overrides: Partial<Customer> = {}): Customer {
  return {
    id,
    displayName: `Cliente ${id}`,
    identities: [],
    tagIds: [],
    funnelStage: null,
    customFields: {},
    consent: NO_CONSENT,
    notesCount: 0,
    lastOrderAt: null,
    createdAt: daysAgo(400),
    updatedAt: daysAgo(400),
    archivedAt: null,
    merges: [],
    ...overrides,
  };
}

let orderSeq = 0;

export function order(customerId: string, placedAt: string, overrides: Partial<Order> = {}): Order {
  orderSeq += 1;
  return {
    id: `o${orderSeq}`,
    customerId,
    placedAt,
    totalMinor: 10_000,
    currency: 'BRL',
    items: [{ name: 'Bolo de pote', category: 'doces', quantity: 1, unitPriceMinor: 10_000 }],
    channel: 'whatsapp',
    source: 'manual',
    externalRef: null,
    status: 'paid',
    ...overrides,
  };
}

let feedbackSeq = 0;

export function csat(customerId: string, score: number, receivedAt: string): Feedback {
  feedbackSeq += 1;
  return { ...feedbackBase(customerId, receivedAt), id: `f${feedbackSeq}`, kind: 'csat', score };
}

export function nps(customerId: string, score: number, receivedAt: string): Feedback {
  feedbackSeq += 1;
  return { ...feedbackBase(customerId, receivedAt), id: `f${feedbackSeq}`, kind: 'nps', score };
}

function feedbackBase(customerId: string, receivedAt: string) {
  return { customerId, comment: null, receivedAt, source: 'manual' as const, verified: false, externalId: null, claim: null };
}

/** Facts of a small book judged at NOW in BRL, on the UTC calendar unless `options` names a zone. */
export function factsOf(
  customers: readonly Customer[],
  orders: readonly Order[] = [],
  feedback: readonly Feedback[] = [],
  options: Partial<SegmentationOptions> = {},
  now = NOW,
): CustomerFacts[] {
  return computeBookFacts({ customers, orders, feedback }, { mainCurrency: 'BRL', timeZone: 'UTC', ...options }, now).facts;
}
