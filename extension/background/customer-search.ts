import { CustomerSearchIndex, type Book, type SearchableCustomer, type SearchMatches, type SlotSpace, type Tag } from '../../core';
import type { SearchHit } from '../messaging/protocol';

/** Customers indexed between two yields of the worker (a few tens of ms each). */
const INDEX_SLICE = 5_000;

/**
 * The background's one search index (core/table/search-index.ts: names, any phone spelling, emails, handles,
 * CPF and other custom fields, tag names), built on first use and kept current from the book's change feed.
 * "Link to an existing customer" reads it best first; the customer table reads the matching ids. Archived
 * customers stay findable: linking revives a relationship.
 */
export class CustomerSearch {
  private index: CustomerSearchIndex | null = null;
  private tagNames = new Map<string, string>();
  private building: Promise<CustomerSearchIndex> | null = null;
  /** Customers changed while the index was being built from an earlier read of the book. */
  private readonly changedWhileBuilding = new Set<string>();
  private generation = 0;
  /** A build from the table's copy of the customers is on its way (expectBuild): changes until then are read after it. */
  private expecting = false;

  constructor(private readonly book: Book) {}

  async search(query: string, limit: number): Promise<SearchHit[]> {
    if (!query.trim()) return [];
    return (await this.ready()).search(query, limit);
  }

  /** Every customer the query matches; null for a blank query (the table then filters nothing). */
  async matchingIds(query: string): Promise<Set<string> | null> {
    if (!query.trim()) return null;
    return (await this.ready()).matchingIds(query);
  }

  /** The same, as a bitmap over the index's slots (what the customer table reads); null for a blank query. */
  async matches(query: string): Promise<SearchMatches | null> {
    if (!query.trim()) return null;
    return (await this.ready()).matchingSlots(query);
  }

  /**
   * Builds the index ahead of the first search (the table's page calls it once the table is up): the seller's
   * first keystroke then answers at once instead of waiting seconds for 100k customers to be indexed.
   */
  async warm(): Promise<void> {
    await this.ready().then(
      () => undefined,
      () => undefined,
    );
  }

  /**
   * Re-reads the changed customers into the index (or drops them when they are gone), with the tags' names as
   * they are now. While the index is being built, the changed ids wait and are read once it is done. Never
   * rejects: a failed read forgets the index instead.
   */
  async update(customerIds: string[]): Promise<void> {
    if (!this.index) {
      if (this.building || this.expecting) for (const id of customerIds) this.changedWhileBuilding.add(id);
      return;
    }
    const index = this.index;
    const generation = this.generation;
    try {
      const tags = await this.book.tags.list();
      const tagNames = new Map(tags.map((tag) => [tag.id, tag.name]));
      const customers = await Promise.all(customerIds.map((id) => this.book.customers.get(id)));
      if (generation !== this.generation) return;
      this.tagNames = tagNames;
      customerIds.forEach((id, at) => {
        const customer = customers[at];
        if (customer) index.upsert(customer, tagNames);
        else index.remove(id);
      });
    } catch {
      // The book could not be read (closed, or the browser refused): the index may have missed this change, so it
      // is forgotten and built again on the next search rather than answering from a stale copy.
      if (generation === this.generation) this.reset();
    }
  }

  /** Forgets the index (a restore, or renamed tags: every document carries its tags' names); rebuilt when asked. */
  reset(): void {
    this.index = null;
    this.expecting = false;
    this.changedWhileBuilding.clear();
    this.building = null;
    this.generation += 1;
  }

  /**
   * Says a build from another copy of the customers is coming (buildFrom, queued behind the table's changes):
   * from now on the customers the change feed names are read again once it is done, not dropped.
   */
  expectBuild(): void {
    if (!this.index) this.expecting = true;
  }

  /**
   * Builds the index from customers already in memory (the customer table's, read from the same book and kept
   * current by the same feed) instead of reading all of them again: at 100k customers that read was seconds of
   * the worker and a second copy of the book for the collector to sweep. Answers the index already there, if any.
   */
  async buildFrom(customers: readonly SearchableCustomer[], tags: readonly Tag[]): Promise<SlotSpace> {
    return (await this.ready(async () => [customers, tags])).space;
  }

  private ready(
    read: () => Promise<readonly [readonly SearchableCustomer[], readonly Tag[]]> = () => Promise.all([this.book.customers.list({ includeArchived: true }), this.book.tags.list()]),
  ): Promise<CustomerSearchIndex> {
    if (this.index) return Promise.resolve(this.index);
    if (this.building) return this.building;
    const generation = this.generation;
    const building = read().then(async ([customers, tags]) => {
      const index = new CustomerSearchIndex();
      const tagNames = new Map(tags.map((tag) => [tag.id, tag.name]));
      // In slices, yielding between them: table windows asked meanwhile are answered, not queued behind the build.
      for (let start = 0; start < customers.length; start += INDEX_SLICE) {
        index.addAll(customers.slice(start, start + INDEX_SLICE), tagNames);
        if (start + INDEX_SLICE < customers.length) await new Promise((resolve) => setTimeout(resolve, 0));
      }
      await new Promise((resolve) => setTimeout(resolve, 0));
      index.seal();
      // A reset while this was reading: the caller still gets an answer, but the next one reads the book again.
      if (generation === this.generation) {
        this.expecting = false;
        this.index = index;
        this.tagNames = tagNames;
        this.building = null;
        const changed = [...this.changedWhileBuilding];
        this.changedWhileBuilding.clear();
        if (changed.length > 0) await this.update(changed);
      }
      return index;
    });
    this.building = building;
    return building;
  }
}
