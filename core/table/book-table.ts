import type { Customer, Feedback, Order, Tag } from '../model';
import { calendarOf, type Calendar } from '../locale/calendar';
import {
  SegmentationEngine,
  typicalIntervalDays,
  type CustomerFacts,
  type FiledOrder,
  type BookContext,
  type BookSnapshot,
  type EngineOptions,
  type Instant,
  type Metrics,
  type MonthlyCohort,
  type MonthlyRevenue,
  type Period,
  type SegmentRule,
} from '../segments';
import { KeptRow, type CustomerRow, type RowPrediction } from './customer-row';
import { heldCustomer, type HeldCustomer } from './held-customer';
import { CustomerTable, type TableFacets } from './customer-table';
import { MIN_BUYERS, PREDICTION_DAYS, fitPredictionModel, predictCustomer, type CustomerPrediction, type PredictionModel } from './predicted-values';
import type { TableFilters, TableQuery } from './query';
import type { SearchMatches } from './search-matches';
import type { TodayCustomer } from '../today/today-list';
import { engineGoalInputs } from '../goals/engine-inputs';
import type { GoalInputs } from '../goals/progress';

/** `pending`: the models are being fitted and rows carry no predicted value yet; `unavailable`: too little data. */
export type PredictionState = 'pending' | 'ready' | 'unavailable';

export interface BookTableOptions extends EngineOptions {
  /** BCP 47 tag names and tags are collated in. */
  readonly locale?: string;
}

/** A customer's records as the book holds them now; `customer: null` when they are gone (erased, merged away). */
export interface CustomerRecords {
  readonly id: string;
  readonly customer: Customer | null;
  readonly orders: readonly Order[];
  readonly feedback: readonly Feedback[];
}

export interface TableWindow {
  total: number;
  rows: CustomerRow[];
  version: number;
  predictions: PredictionState;
}

/**
 * The whole book's customer table: the segmentation engine's facts (activity, RFM, lifecycle, spend) and the
 * predicted values, as rows of a CustomerTable, kept current one customer at a time. Predictions are filled
 * afterwards by `predictSteps`, so the first answer never waits on a model fit.
 */
/** What the customer detail shows of a prediction (BookTable.customerPrediction). */
export interface CustomerPredictionDetail {
  readonly state: PredictionState;
  /** The main currency: the only one predicted. */
  readonly currency: string;
  /** The horizon, PREDICTION_DAYS. */
  readonly days: number;
  /** How many buyers a book needs before it is predicted at all. */
  readonly minBuyers: number;
  readonly fittedAtMs: number | null;
  readonly buyers: number | null;
  readonly prediction: CustomerPrediction | null;
}

export class BookTable {
  readonly table: CustomerTable;
  private readonly engine: SegmentationEngine;
  /** What it keeps of each record (held-customer.ts); the engine holds the same objects. */
  private readonly customers = new Map<string, HeldCustomer>();
  /** Customers predicted so far while predictSteps runs (rows get them at its end); null otherwise. */
  private predicting: Map<string, CustomerPrediction | null> | null = null;
  private readonly mainCurrency: string;
  /** The seller's calendar: a new day in their zone re-derives every row. */
  private readonly calendar: Calendar;
  private model: PredictionModel | null = null;
  /** Each customer's own interval as the Hoje list last read it (NO_INTERVAL: none); dropped when their orders change. */
  private readonly intervals = new Map<string, number>();
  private tags: readonly Tag[];
  private state: PredictionState = 'pending';

  constructor(snapshot: BookSnapshot & { readonly tags: readonly Tag[] }, options: BookTableOptions) {
    this.mainCurrency = options.mainCurrency;
    this.calendar = calendarOf(options.timeZone);
    const held = snapshot.customers.map(heldCustomer);
    this.engine = new SegmentationEngine({ customers: held, orders: snapshot.orders, feedback: snapshot.feedback }, options);
    this.table = new CustomerTable({ mainCurrency: options.mainCurrency, ...(options.locale ? { locale: options.locale } : {}) });
    for (const customer of held) this.customers.set(customer.id, customer);
    this.tags = snapshot.tags;
    this.table.setTags(snapshot.tags);
    this.rebuildRows(new Map());
  }

  get predictions(): PredictionState {
    return this.state;
  }

  /** The model the rows were last predicted by (null before a fit, or when the book is too small for one). */
  get predictionModel(): PredictionModel | null {
    return this.model;
  }

  /**
   * One customer's prediction with what the detail explains it by: the state of the model, when it was fitted and
   * on how many buyers. `prediction` is null when there is no model yet (or the book is too small), or the customer
   * has no paid purchase in the main currency. Undefined for a customer the table does not hold.
   */
  customerPrediction(id: string): CustomerPredictionDetail | undefined {
    if (!this.customers.has(id)) return undefined;
    const model = this.model;
    return {
      state: this.state,
      currency: this.mainCurrency,
      days: PREDICTION_DAYS,
      minBuyers: MIN_BUYERS,
      fittedAtMs: model?.fittedAtMs ?? null,
      buyers: model?.buyers ?? null,
      prediction: model === null ? null : predictCustomer(model, this.engine.ordersOf(id), this.engine.now),
    };
  }

  /**
   * What the whole book (archived customers left out) is expected to spend over the next PREDICTION_DAYS, in the main
   * currency: the sum of the rows' predicted values. Null until a model is fitted, or when the book is too small for one.
   */
  predictedBook(): { currency: string; minor: number; customers: number; fittedAtMs: number } | null {
    if (this.model === null || this.state !== 'ready') return null;
    let minor = 0;
    let customers = 0;
    for (const row of this.table.keptRows()) {
      if (row.archived || row.predictedValue === null) continue;
      minor += row.predictedValue.minor;
      customers += 1;
    }
    return { currency: this.mainCurrency, minor, customers, fittedAtMs: this.model.fittedAtMs };
  }

  /** The engine's store metrics of `period` and the window before it (the dashboard's cards). */
  metrics(period: Period): Metrics {
    return this.engine.metrics(period);
  }

  /** Paid revenue per month of the seller and currency, and monthly cohorts (the dashboard's charts). */
  monthlyFigures(): { revenue: MonthlyRevenue; cohorts: MonthlyCohort[] } {
    return this.engine.monthlyFigures();
  }

  /**
   * Fits the prediction models, then predicts `chunk` customers per step: the caller yields between steps (the
   * background answers queries meanwhile). Rows get their values in one replacement at the end. A refit (orders
   * changed) keeps the rows' current values and state until then.
   */
  *predictSteps(chunk = 2_000): Generator<void, PredictionState> {
    if (this.model === null) this.state = 'pending';
    const nowMs = this.engine.now;
    const ids = [...this.customers.keys()];
    const model = fitPredictionModel(
      ids.map((id) => this.engine.ordersOf(id)),
      this.mainCurrency,
      nowMs,
      this.calendar.timeZone,
    );
    const values = new Map<string, CustomerPrediction | null>();
    if (model === null) {
      this.model = null;
      this.state = 'unavailable';
      this.placePredictions(values);
      return this.state;
    }
    this.model = model;
    this.predicting = values;
    for (let start = 0; start < ids.length; start += chunk) {
      yield;
      // A customer changed meanwhile was predicted then (apply) and is not predicted again from older orders.
      for (const id of ids.slice(start, start + chunk)) if (!values.has(id)) values.set(id, predictCustomer(model, this.engine.ordersOf(id), nowMs));
    }
    this.predicting = null;
    this.state = 'ready';
    this.placePredictions(values);
    return this.state;
  }

  /**
   * Brings customers up to date from their records as read from the book: their own figures are exact at once and
   * their rows re-placed, judged against the cut points of the last refresh (the engine's staleness contract;
   * recomputing the quintiles of 100k customers on every keystroke-sized write would cost more than the write).
   * Call refreshCutPoints once writes settle.
   */
  update(changes: readonly CustomerRecords[]): void {
    const predicted = new Map<string, CustomerPrediction | null>();
    for (const change of changes) predicted.set(change.id, this.apply(change));
    const rows: CustomerRow[] = [];
    const gone: string[] = [];
    for (const { id } of changes) {
      const row = this.rowOf(id, predicted.get(id) ?? null);
      if (row) rows.push(row);
      else gone.push(id);
    }
    this.table.remove(gone);
    this.table.upsert(rows);
  }

  /** True when cut points are stale (an update happened since the last refresh). */
  get cutPointsStale(): boolean {
    return this.engine.cutPointsStale;
  }

  /**
   * Recomputes stale book-wide cut points (RFM quintiles, the store's interval, the high-value line); when they
   * moved, every row is re-derived and true is returned. O(n log n), plus O(n) when they moved.
   */
  refreshCutPoints(): boolean {
    if (!this.engine.refreshCutPoints()) return false;
    this.rebuildRows(this.keptPredictions());
    return true;
  }

  /** The cut points the rows are judged against, refreshed first if writes made them stale (rows re-derived). */
  bookContext(): BookContext {
    this.refreshCutPoints();
    return this.engine.bookContext();
  }

  setTags(tags: readonly Tag[]): void {
    this.tags = tags;
    this.table.setTags(tags);
  }

  /** The book's tags as the table last heard of them. */
  get tagList(): readonly Tag[] {
    return this.tags;
  }

  /** Every customer as the table holds them (archived ones too), current with the changes it applied. */
  customerList(): HeldCustomer[] {
    return [...this.customers.values()];
  }

  /** Moves "now"; on a new day every row is re-derived and true says the predictions should be run again. */
  setNow(now: Instant): boolean {
    const before = this.calendar.day(this.engine.now);
    this.engine.setNow(now);
    if (this.calendar.day(this.engine.now) === before) return false;
    this.rebuildRows(this.keptPredictions());
    return true;
  }

  /**
   * The customers the Hoje list (core/today) may call late or new prospects, from the rows and the engine it
   * already holds: not archived, and either with a paid order and their own interval (two purchase days or more;
   * derived only for customers with two paid orders who are not lost, and kept until their orders change) or with
   * no paid order and brought by the store. So a list costs a pass over the rows, not a recompute of every
   * customer's facts (about a second at 100k).
   */
  *todayCandidates(): Generator<TodayCustomer> {
    for (const row of this.table.keptRows()) {
      if (!(row instanceof KeptRow) || row.archived) continue;
      const customer = this.customers.get(row.id);
      if (customer === undefined) continue;
      const lastPurchaseDay = row.lastPurchaseMs === null ? null : this.calendar.day(row.lastPurchaseMs);
      const ownIntervalDays = row.orders >= 2 && row.activity !== 'lost' ? this.ownInterval(row.id) : null;
      const fromStore = lastPurchaseDay === null && this.cameFromStore(row.id, customer);
      if (ownIntervalDays === null && !fromStore) continue;
      yield { id: row.id, archived: false, createdAt: Date.parse(customer.createdAt), lastPurchaseDay, ownIntervalDays, activity: row.activity, predictedMinor: row.predictedMinor, fromStore };
    }
  }

  /** Whether a customer is in the table and not archived (what a follow-up or rating needs to be listed). */
  isListed(id: string): boolean {
    const row = this.table.row(id);
    return row !== undefined && !row.archived;
  }

  /** One customer's row and orders as the table holds them (any status); undefined for unknown ids. */
  customerOf(id: string): { row: CustomerRow; customer: HeldCustomer; orders: readonly FiledOrder[] } | undefined {
    const row = this.table.row(id);
    const customer = this.customers.get(id);
    return row === undefined || customer === undefined ? undefined : { row, customer, orders: this.engine.ordersOf(id) };
  }

  /**
   * Every customer's facts, made for this call with fresh cut points (the engine's eachFacts: a full recompute, about
   * a second at 100k customers; for screens that need every fact, such as Limpeza, not for every keystroke).
   */
  eachFacts(visit: (facts: CustomerFacts) => void): void {
    this.engine.eachFacts(visit);
  }

  /** What a goal's progress reads (core/goals): the engine's metrics and its orders for recovered customers. */
  goalInputs(): GoalInputs {
    return engineGoalInputs(this.engine);
  }

  /** Every rating the engine holds, each customer's in turn (shared: do not modify). */
  *allFeedback(): Generator<Feedback> {
    for (const id of this.customers.keys()) yield* this.engine.feedbackOf(id);
  }

  /**
   * `members`: the customers of the saved segment `query.filters.segment` names (matchingIds of its rule), required
   * with that filter; the other filters, the search and the sort apply to them as to every row.
   */
  query(query: TableQuery, window: { offset: number; limit: number }, matches: SearchMatches | null = null, members: ReadonlySet<string> | null = null): TableWindow {
    if (query.filters.segment === undefined) return { ...this.table.query(query, window, matches), version: this.table.version, predictions: this.state };
    const ids = this.ids(query, matches, members);
    const rows = ids.slice(window.offset, window.offset + window.limit).map((id) => this.table.row(id) as CustomerRow);
    return { total: ids.length, rows, version: this.table.version, predictions: this.state };
  }

  ids(query: TableQuery, matches: SearchMatches | null = null, members: ReadonlySet<string> | null = null): readonly string[] {
    const { segment, ...filters } = query.filters;
    if (segment === undefined) return this.table.ids(query, matches);
    if (members === null) throw new Error('A saved segment filter needs its members (matchingIds of its rule)');
    return this.table.ids({ ...query, filters }, matches).filter((id) => members.has(id));
  }

  /**
   * The customers a rule matches now (archived ones too), judged as the rows are: stale cut points are refreshed
   * first (rows re-derived if they moved), so a segment's members and the rows the table shows agree.
   */
  matchingIds(rule: SegmentRule): string[] {
    this.refreshCutPoints();
    return this.engine.matchingIds(rule);
  }

  facets(filters: Pick<TableFilters, 'archived'>, matches: SearchMatches | null = null): TableFacets {
    return this.table.facets(filters, matches);
  }

  /** Their own typical days between purchase days (activity.ts), kept until their orders change; null for fewer than two days. */
  private ownInterval(id: string): number | null {
    let interval = this.intervals.get(id);
    if (interval === undefined) {
      const days = new Set<number>();
      for (const order of this.engine.ordersOf(id)) if (order.status === 'paid') days.add(this.calendar.day(order.placedAtMs));
      interval = typicalIntervalDays([...days].sort((a, b) => a - b)) ?? NO_INTERVAL;
      this.intervals.set(id, interval);
    }
    return interval === NO_INTERVAL ? null : interval;
  }

  private cameFromStore(id: string, customer: HeldCustomer): boolean {
    return (
      customer.identities.some((contact) => contact.kind === 'storefront') ||
      this.engine.feedbackOf(id).some((row) => row.source === 'storefront') ||
      this.engine.ordersOf(id).some((order) => order.channel === 'store')
    );
  }

  private apply({ id, customer, orders, feedback }: CustomerRecords): CustomerPrediction | null {
    this.intervals.delete(id);
    if (customer === null) {
      this.customers.delete(id);
      this.predicting?.delete(id);
      this.engine.removeCustomer(id);
    } else {
      const held = heldCustomer(customer);
      this.customers.set(id, held);
      this.engine.upsertCustomer(held);
    }
    // Only records still filed under this customer are dropped: a merged-away customer's orders may already
    // have been filed under the survivor.
    const orderIds = new Set(orders.map((order) => order.id));
    for (const order of this.engine.ordersOf(id)) if (!orderIds.has(order.id)) this.engine.removeOrder(order.id);
    for (const order of orders) this.engine.upsertOrder(order);
    const feedbackIds = new Set(feedback.map((row) => row.id));
    for (const row of [...this.engine.feedbackOf(id)]) if (!feedbackIds.has(row.id)) this.engine.removeFeedback(row.id);
    for (const row of feedback) this.engine.upsertFeedback(row);
    if (customer === null || this.model === null) return null;
    const prediction = predictCustomer(this.model, this.engine.ordersOf(id), this.engine.now);
    this.predicting?.set(id, prediction);
    return prediction;
  }

  private rowOf(id: string, predicted: RowPrediction | null): CustomerRow | null {
    const customer = this.customers.get(id);
    const facts = this.engine.facts(id);
    if (customer === undefined || facts === undefined) return null;
    return new KeptRow(customer, facts, this.mainCurrency, predicted);
  }

  /** The prediction each row holds now (a rebuild keeps them: the orders behind them did not change). */
  private keptPredictions(): Map<string, RowPrediction | null> {
    const values = new Map<string, RowPrediction | null>();
    for (const row of this.table.keptRows()) if (row instanceof KeptRow) values.set(row.id, row.prediction);
    return values;
  }

  /**
   * Every row derived again from the engine's facts (made one customer at a time and not kept: the engine keeps
   * none), with the predicted values given.
   */
  private rebuildRows(predicted: ReadonlyMap<string, RowPrediction | null>): void {
    const rows: CustomerRow[] = [];
    this.engine.eachFacts((facts) => {
      const customer = this.customers.get(facts.customerId);
      if (customer !== undefined) rows.push(new KeptRow(customer, facts, this.mainCurrency, predicted.get(facts.customerId) ?? null));
    });
    this.table.replaceAll(rows);
  }

  /** The rows with new predicted values (every other field as it was); with stale cut points, a rebuild. */
  private placePredictions(predicted: ReadonlyMap<string, RowPrediction | null>): void {
    if (this.engine.refreshCutPoints()) {
      this.rebuildRows(predicted);
      return;
    }
    const rows: CustomerRow[] = [];
    for (const row of this.table.keptRows()) rows.push(row instanceof KeptRow ? row.withPredicted(predicted.get(row.id) ?? null) : row);
    this.table.replaceAll(rows);
  }
}

const NO_INTERVAL = -1;
