import {
  BookTable,
  tableQuerySchema,
  type Book,
  type BookContext,
  type BookChange,
  type Customer,
  type Feedback,
  type Order,
  type PredictionState,
  type SegmentationOptions,
  type Tag,
  type TableFacets,
  type TableFilters,
  type TableQuery,
  type TableWindow,
} from '../../core';
import type { CustomerSearch } from './customer-search';

export interface BookTableServiceOptions extends SegmentationOptions {
  /** BCP 47 tag the table collates names and tags in. */
  locale: string;
  now?: () => Date;
  /** Told when the table changed under open pages (a write, predictions ready), so they query again. */
  onUpdated?: (update: { version: number; predictions: PredictionState }) => void;
  /** Lets other events run between prediction steps (a macrotask by default). */
  pause?: () => Promise<void>;
  /** Quiet time after the last write before the cut points are recomputed (2 s, like the insight cut points). */
  refreshAfterMs?: number;
}

const REFRESH_AFTER_MS = 2_000;
/** What the Clientes screen opens on: every customer not archived, by name. */
const DEFAULT_QUERY = tableQuerySchema.parse({});
const DEFAULT_SORT = DEFAULT_QUERY.sort;

/**
 * The background's one customer table per book (core/table/book-table.ts): built on the first table request from
 * one paged read of the book, kept current from the change feed (named customers are re-read; a whole-book change
 * drops it, to be rebuilt on the next request), with predicted values filled in after the first answer.
 */
export class BookTableService {
  private table: Promise<BookTable> | null = null;
  /** Changes are applied one at a time, in order, after the build they follow. */
  private queue: Promise<unknown> = Promise.resolve();
  private generation = 0;
  private predicting: Promise<PredictionState> | null = null;
  /** The prediction run that may go on; a newer run (a new day) or a drop stops the older one. */
  private run = { current: false };
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly now: () => Date;
  private readonly pause: () => Promise<void>;

  constructor(
    private readonly book: Book,
    private readonly search: CustomerSearch,
    private options: BookTableServiceOptions,
  ) {
    this.now = options.now ?? (() => new Date());
    this.pause = options.pause ?? (() => new Promise((resolve) => setTimeout(resolve, 0)));
  }

  async query(query: TableQuery, window: { offset: number; limit: number }): Promise<TableWindow> {
    const [table, matches] = await Promise.all([this.ready(), this.search.matches(query.search)]);
    return table.query(query, window, matches);
  }

  async ids(query: TableQuery): Promise<{ ids: string[]; version: number }> {
    const [table, matches] = await Promise.all([this.ready(), this.search.matches(query.search)]);
    return { ids: [...table.ids(query, matches)], version: table.table.version };
  }

  async facets(search: string, archived: TableFilters['archived']): Promise<TableFacets & { version: number }> {
    const [table, matches] = await Promise.all([this.ready(), this.search.matches(search)]);
    return { ...table.facets({ archived }, matches), version: table.table.version };
  }

  /**
   * How many customers are not archived, from the table in memory when it is built (its list for the Clientes
   * screen is kept and patched on change); null when it is not, for the caller to count the book. Counting the
   * book's index at 100k customers holds a read on `customers` for ~0.1 s, and every note waited for the counts
   * the previous one set off.
   */
  async customerCount(): Promise<number | null> {
    if (this.table === null) return null;
    try {
      return (await this.ready()).ids(DEFAULT_QUERY).length;
    } catch {
      return null;
    }
  }

  /**
   * The cut points every customer is judged against (RFM quintiles, the store's interval), from this one engine of
   * the book: the table is built if need be, and stale cut points are refreshed (the pages hear if rows moved).
   */
  async bookContext(): Promise<BookContext> {
    const table = await this.ready();
    if (table.refreshCutPoints()) this.options.onUpdated?.({ version: table.table.version, predictions: table.predictions });
    return table.bookContext();
  }

  /**
   * Runs `read` on the table, built if need be and current with every change heard (the Hoje list reads it), with
   * the seller's time zone its days are cut in.
   */
  /** The seller's IANA time zone the table cuts days in. */
  get timeZone(): string {
    return this.options.timeZone;
  }

  /** The currency the table sorts money and predicts values in. */
  get mainCurrency(): string {
    return this.options.mainCurrency;
  }

  async read<T>(read: (table: BookTable, timeZone: string) => T): Promise<T> {
    return read(await this.ready(), this.options.timeZone);
  }

  /**
   * The table's version and prediction state, once it is built; null before. A page's table port that connects
   * after the predictions were announced hears them from this (a small book fits in milliseconds, often before the
   * page that asked for its first rows has its port open, and that page kept saying "calculando").
   */
  async state(): Promise<{ version: number; predictions: PredictionState } | null> {
    const table = this.table;
    if (table === null) return null;
    const built = await table.catch(() => null);
    return built ? { version: built.table.version, predictions: built.predictions } : null;
  }

  /** A committed write: the named customers are re-read, renamed tags re-sorted; a whole-book change drops the table. */
  changed(change: Pick<BookChange, 'stores' | 'customerIds' | 'wholeBook'>): void {
    if (change.wholeBook) {
      this.drop();
      // Open pages show rows of the book that was replaced: they ask again, which builds the new table.
      this.options.onUpdated?.({ version: 0, predictions: 'pending' });
      return;
    }
    const table = this.table;
    if (table === null || change.stores.every((store) => store === 'meta')) return;
    const generation = this.generation;
    this.queue = this.queue
      .then(async () => {
        const built = await table;
        if (generation !== this.generation) return;
        const [records, tags] = await Promise.all([
          Promise.all(change.customerIds.map((id) => this.recordsOf(id))),
          change.stores.includes('tags') ? this.book.tags.list() : null,
        ]);
        if (generation !== this.generation) return;
        if (tags) built.setTags(tags);
        built.update(records);
        this.options.onUpdated?.({ version: built.table.version, predictions: built.predictions });
        this.refreshSoon(built, generation);
      })
      .catch((error: unknown) => {
        console.warn('Clientela: the customer table could not follow a change; it will be read again', error);
        this.drop();
      });
  }

  /**
   * Book-wide cut points follow a burst of writes once it is over: each write re-places only its customers'
   * rows, judged against the previous quintiles, and the pages hear again if the refresh moved anyone.
   */
  private refreshSoon(table: BookTable, generation: number): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      if (generation !== this.generation) return;
      if (table.refreshCutPoints()) this.options.onUpdated?.({ version: table.table.version, predictions: table.predictions });
    }, this.options.refreshAfterMs ?? REFRESH_AFTER_MS);
  }

  /** Forgets the table (the book was replaced); the next request builds it again. */
  drop(): void {
    this.generation += 1;
    this.table = null;
    this.predicting = null;
    this.run.current = false;
    clearTimeout(this.refreshTimer);
  }

  /**
   * The seller chose another time zone: days (activity, recency, predictions) are cut differently, so the table is
   * built again on the next request, and open pages are told to ask.
   */
  setTimeZone(timeZone: string): void {
    if (timeZone === this.options.timeZone) return;
    this.options = { ...this.options, timeZone };
    if (this.table === null) return;
    this.drop();
    this.options.onUpdated?.({ version: 0, predictions: 'pending' });
  }

  /** The current prediction run, if any (tests wait on it). */
  predictions(): Promise<PredictionState> | null {
    return this.predicting;
  }

  private async ready(): Promise<BookTable> {
    if (this.table === null) {
      const generation = this.generation;
      const building = this.build();
      this.table = building;
      building.then(
        (table) => {
          if (generation !== this.generation) return;
          this.predict(table, generation);
          // The search index is built next, in slices, from the table's own copy of the customers (taken behind
          // the changes queued so far; later ones are read again after it), so the first keystroke does not wait
          // for it; then what a search in the default order reads is laid out, so that keystroke does not pay for
          // it either.
          this.search.expectBuild();
          this.queue = this.queue.then(() => {
            if (generation !== this.generation) return;
            void this.search.buildFrom(table.customerList(), table.tagList).then(
              (space) => {
                if (generation === this.generation) table.table.prepareSearch(DEFAULT_SORT, space);
              },
              () => undefined,
            );
          });
        },
        () => {
          if (generation === this.generation) this.table = null;
        },
      );
    }
    const table = await this.table;
    await this.queue;
    // The day moved since the last answer: activity and recency re-derived, values predicted again.
    if (table.setNow(this.now())) this.predict(table, this.generation);
    return table;
  }

  private async build(): Promise<BookTable> {
    const customers: Customer[] = [];
    const orders: Order[] = [];
    const feedback: Feedback[] = [];
    const tags: Tag[] = [];
    // One paged read in one transaction: a consistent book without holding two copies of it.
    await this.book.exportStream((store, records) => {
      if (store === 'customers') customers.push(...(records as readonly Customer[]));
      else if (store === 'orders') orders.push(...(records as readonly Order[]));
      else if (store === 'feedback') feedback.push(...(records as readonly Feedback[]));
      else if (store === 'tags') tags.push(...(records as readonly Tag[]));
    });
    const { locale, mainCurrency, timeZone, activity, lifecycle, rfmThresholds } = this.options;
    return new BookTable(
      { customers, orders, feedback, tags },
      { mainCurrency, timeZone, now: this.now(), locale, ...(activity ? { activity } : {}), ...(lifecycle ? { lifecycle } : {}), ...(rfmThresholds ? { rfmThresholds } : {}) },
    );
  }

  private predict(table: BookTable, generation: number): void {
    const steps = table.predictSteps();
    const run = { current: true };
    this.run.current = false;
    this.run = run;
    this.predicting = (async () => {
      for (;;) {
        const step = steps.next();
        if (step.done) {
          if (generation === this.generation) this.options.onUpdated?.({ version: table.table.version, predictions: step.value });
          return step.value;
        }
        await this.pause();
        // Dropped, or a newer run started (a new day): this one stops.
        if (generation !== this.generation || !run.current) return table.predictions;
      }
    })();
  }

  private async recordsOf(id: string) {
    const [customer, orders, feedback] = await Promise.all([this.book.customers.get(id), this.book.orders.listByCustomer(id), this.book.feedback.listByCustomer(id)]);
    return { id, customer: customer ?? null, orders, feedback };
  }
}
