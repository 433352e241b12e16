import type { IdentityKind } from '../model';
import type { HeldCustomer } from './held-customer';
import type { ActivityStatus, CustomerFacts, LifecycleStage, RfmSegmentId } from '../segments';

/** Money as stored: integer minor units and an ISO 4217 currency (never summed across currencies). */
export interface Money {
  minor: number;
  currency: string;
}

/**
 * One line of the customer table, display-ready but untranslated: enums are enum values (the page labels them),
 * money is minor units with its currency, instants are ISO strings.
 */
export interface CustomerRow {
  id: string;
  name: string;
  /** The customer's own identities (shared with their record, never copied: a row is read, not changed). */
  contacts: readonly { readonly kind: IdentityKind; readonly value: string; readonly raw: string }[];
  tagIds: readonly string[];
  activity: ActivityStatus;
  /** Null for customers without a paid purchase (they are not RFM-scored). */
  segment: RfmSegmentId | null;
  stage: LifecycleStage;
  /** The seller's own funnel stage, shown beside the lifecycle one. */
  funnelStage: string | null;
  lastPurchaseAt: string | null;
  /** Paid totals, the book's main currency first, then the others by code; empty without purchases. */
  totalSpent: Money[];
  orders: number;
  /** Discounted value of the next 12 months' purchases, in the main currency; null when not (yet) predicted. */
  predictedValue: Money | null;
  archived: boolean;
}

/** The table row of a customer from their facts (and their predicted value, in minor units of `mainCurrency`). */
export function customerRow(customer: HeldCustomer, facts: CustomerFacts, mainCurrency: string, predictedMinor: number | null): CustomerRow {
  const totalSpent = Object.entries(facts.totalSpentMinor)
    .map(([currency, minor]) => ({ currency, minor }))
    .sort((a, b) => (a.currency === mainCurrency ? -1 : b.currency === mainCurrency ? 1 : a.currency < b.currency ? -1 : 1));
  return {
    id: customer.id,
    name: customer.displayName,
    // Shared with the record: 100k rows each with copies were about 200k arrays and 150k objects more for the
    // service worker's collector to walk (its major collections slow a scrolling page; see term-index.ts).
    contacts: customer.identities,
    tagIds: customer.tagIds,
    activity: facts.activity.status,
    segment: facts.rfm?.segment ?? null,
    stage: facts.lifecycle.stage,
    funnelStage: customer.funnelStage,
    lastPurchaseAt: facts.lastOrderAt === null ? null : new Date(facts.lastOrderAt).toISOString(),
    totalSpent,
    orders: facts.orderCount,
    predictedValue: predictedMinor === null ? null : { minor: predictedMinor, currency: mainCurrency },
    archived: customer.archivedAt !== null,
  };
}
