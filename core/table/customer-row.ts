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
  return plainRow(new KeptRow(customer, facts, mainCurrency, predictedMinor));
}

/**
 * A customer's row as the table keeps it: their held record, their facts and their predicted value, each field
 * read from them when asked. The table keeps a row per customer for as long as the book is open, and reads a few
 * fields of each to filter, sort and count; a plain row carried a list and two amounts of money of its own and a
 * date as text, about 400k objects and strings at 100k customers for the service worker's collector to mark while
 * the seller scrolls. What leaves the table is a plain row (`plainRow`), made for the window asked.
 */
export class KeptRow implements CustomerRow {
  constructor(
    private readonly customer: HeldCustomer,
    private readonly facts: CustomerFacts,
    private readonly mainCurrency: string,
    private readonly predictedMinor: number | null,
  ) {}

  get id(): string {
    return this.customer.id;
  }

  get name(): string {
    return this.customer.displayName;
  }

  /** Shared with the record, never copied: a row is read, not changed. */
  get contacts(): CustomerRow['contacts'] {
    return this.customer.identities;
  }

  get tagIds(): readonly string[] {
    return this.customer.tagIds;
  }

  get activity(): ActivityStatus {
    return this.facts.activity.status;
  }

  get segment(): RfmSegmentId | null {
    return this.facts.rfm?.segment ?? null;
  }

  get stage(): LifecycleStage {
    return this.facts.lifecycle.stage;
  }

  get funnelStage(): string | null {
    return this.customer.funnelStage;
  }

  get lastPurchaseAt(): string | null {
    return this.facts.lastOrderAt === null ? null : new Date(this.facts.lastOrderAt).toISOString();
  }

  get totalSpent(): Money[] {
    const main = this.mainCurrency;
    return Object.entries(this.facts.totalSpentMinor)
      .map(([currency, minor]) => ({ currency, minor }))
      .sort((a, b) => (a.currency === main ? -1 : b.currency === main ? 1 : a.currency < b.currency ? -1 : 1));
  }

  get orders(): number {
    return this.facts.orderCount;
  }

  get predictedValue(): Money | null {
    return this.predictedMinor === null ? null : { minor: this.predictedMinor, currency: this.mainCurrency };
  }

  get archived(): boolean {
    return this.customer.archivedAt !== null;
  }
}

/** A row as a plain object with every field (what is sent to a page: a kept row's fields are not its own). */
export function plainRow(row: CustomerRow): CustomerRow {
  return {
    id: row.id,
    name: row.name,
    contacts: row.contacts,
    tagIds: row.tagIds,
    activity: row.activity,
    segment: row.segment,
    stage: row.stage,
    funnelStage: row.funnelStage,
    lastPurchaseAt: row.lastPurchaseAt,
    totalSpent: row.totalSpent,
    orders: row.orders,
    predictedValue: row.predictedValue,
    archived: row.archived,
  };
}
