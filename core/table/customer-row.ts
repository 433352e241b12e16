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
  /** What the next 90 days' purchases are expected to be worth, in the main currency; null when not (yet) predicted. */
  predictedValue: Money | null;
  /** The chance, 0 to 1, that they still buy at all (BG/NBD's probability alive); null when not (yet) predicted. */
  probabilityAlive: number | null;
  archived: boolean;
  /**
   * The customer's cell in the RFM recency × frequency grid, as recency score × 10 + frequency score (53: R 5, F 3);
   * null for customers without a paid purchase (not scored).
   */
  rfmCell: number | null;
}

/** What a row shows of a customer's prediction (predicted-values.ts): its value in minor units of the main currency. */
export interface RowPrediction {
  readonly valueMinor: number;
  readonly probabilityAlive: number;
}

/** The table row of a customer from their facts (and their prediction, in minor units of `mainCurrency`). */
export function customerRow(customer: HeldCustomer, facts: CustomerFacts, mainCurrency: string, prediction: RowPrediction | null): CustomerRow {
  return plainRow(new KeptRow(customer, facts, mainCurrency, prediction));
}

/**
 * A customer's row as the table keeps it. The table keeps a row per customer for as long as the book is open; a
 * plain row carried a list and two amounts of money of its own and a date as text, about 400k objects and strings
 * at 100k customers for the service worker's collector to mark while the seller scrolls. This one holds what
 * filters, counts and sorts read as its own fields (shared strings and lists, numbers), and makes the date, the
 * totals and the predicted value when they are read, from the customer's facts: a plain row is made for each
 * window sent (`plainRow`), and sorts read the numbers behind them (`lastPurchaseMs`, `mainSpentMinor`,
 * `predictedMinor`).
 */
export class KeptRow implements CustomerRow {
  readonly id: string;
  readonly name: string;
  /** Shared with the record, never copied: a row is read, not changed. */
  readonly contacts: CustomerRow['contacts'];
  readonly tagIds: readonly string[];
  readonly activity: ActivityStatus;
  readonly segment: RfmSegmentId | null;
  readonly stage: LifecycleStage;
  readonly funnelStage: string | null;
  readonly orders: number;
  readonly archived: boolean;
  readonly rfmCell: number | null;
  readonly lastPurchaseMs: number | null;
  /** Paid total in the main currency; null without any purchase (0 when all were in other currencies). */
  readonly mainSpentMinor: number | null;
  readonly predictedMinor: number | null;
  /** The probability alive in thousandths (a small integer, as the row is kept: no boxed fraction per customer). */
  readonly aliveMilli: number | null;
  private readonly spent: Readonly<Record<string, number>>;
  private readonly mainCurrency: string;

  constructor(customer: HeldCustomer, facts: CustomerFacts, mainCurrency: string, prediction: RowPrediction | null);
  /** The same row with another prediction. */
  constructor(row: KeptRow, prediction: RowPrediction | null);
  constructor(from: HeldCustomer | KeptRow, factsOrPrediction: CustomerFacts | RowPrediction | null, mainCurrency?: string, prediction?: RowPrediction | null) {
    // One constructor for both, every field assigned in the same order: every kept row has the same shape, and the
    // sorts' fast paths see one.
    const row = from instanceof KeptRow ? from : null;
    const customer = row === null ? (from as HeldCustomer) : null;
    const facts = row === null ? (factsOrPrediction as CustomerFacts) : null;
    const predicted = row === null ? (prediction ?? null) : (factsOrPrediction as RowPrediction | null);
    this.id = row?.id ?? (customer as HeldCustomer).id;
    this.name = row?.name ?? (customer as HeldCustomer).displayName;
    this.contacts = row?.contacts ?? (customer as HeldCustomer).identities;
    this.tagIds = row?.tagIds ?? (customer as HeldCustomer).tagIds;
    this.activity = row?.activity ?? (facts as CustomerFacts).activity.status;
    this.segment = row === null ? ((facts as CustomerFacts).rfm?.segment ?? null) : row.segment;
    this.stage = row?.stage ?? (facts as CustomerFacts).lifecycle.stage;
    this.funnelStage = row === null ? (customer as HeldCustomer).funnelStage : row.funnelStage;
    this.orders = row?.orders ?? (facts as CustomerFacts).orderCount;
    this.archived = row?.archived ?? (customer as HeldCustomer).archivedAt !== null;
    const rfm = row === null ? (facts as CustomerFacts).rfm : null;
    this.rfmCell = row === null ? (rfm === null ? null : rfm.recency * 10 + rfm.frequency) : row.rfmCell;
    this.lastPurchaseMs = row === null ? (facts as CustomerFacts).lastOrderAt : row.lastPurchaseMs;
    this.mainSpentMinor = row === null ? ((facts as CustomerFacts).orderCount === 0 ? null : ((facts as CustomerFacts).totalSpentMinor[mainCurrency as string] ?? 0)) : row.mainSpentMinor;
    this.predictedMinor = predicted === null ? null : Math.round(predicted.valueMinor);
    this.aliveMilli = predicted === null ? null : Math.round(predicted.probabilityAlive * 1000);
    this.spent = row?.spent ?? (facts as CustomerFacts).totalSpentMinor;
    this.mainCurrency = row?.mainCurrency ?? (mainCurrency as string);
  }

  /** This row with another prediction (what the end of a prediction run changes). */
  withPredicted(prediction: RowPrediction | null): KeptRow {
    return new KeptRow(this, prediction);
  }

  /** The prediction the row shows (null when not predicted). */
  get prediction(): RowPrediction | null {
    return this.predictedMinor === null || this.aliveMilli === null ? null : { valueMinor: this.predictedMinor, probabilityAlive: this.aliveMilli / 1000 };
  }

  get lastPurchaseAt(): string | null {
    return this.lastPurchaseMs === null ? null : new Date(this.lastPurchaseMs).toISOString();
  }

  get totalSpent(): Money[] {
    const main = this.mainCurrency;
    return Object.entries(this.spent)
      .map(([currency, minor]) => ({ currency, minor }))
      .sort((a, b) => (a.currency === main ? -1 : b.currency === main ? 1 : a.currency < b.currency ? -1 : 1));
  }

  get predictedValue(): Money | null {
    return this.predictedMinor === null ? null : { minor: this.predictedMinor, currency: this.mainCurrency };
  }

  get probabilityAlive(): number | null {
    return this.aliveMilli === null ? null : this.aliveMilli / 1000;
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
    probabilityAlive: row.probabilityAlive,
    archived: row.archived,
    rfmCell: row.rfmCell,
  };
}
