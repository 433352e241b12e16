import { CustomerSearchIndex, type Book } from '../../core';
import type { SearchHit } from '../messaging/protocol';

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
  private generation = 0;

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

  /** Re-reads the changed customers into the index (or drops them when they are gone). */
  async update(customerIds: string[]): Promise<void> {
    if (!this.index) return;
    for (const id of customerIds) {
      const customer = await this.book.customers.get(id);
      if (customer) this.index.upsert(customer, this.tagNames);
      else this.index.remove(id);
    }
  }

  /** Forgets the index (a restore, or renamed tags: every document carries its tags' names); rebuilt when asked. */
  reset(): void {
    this.index = null;
    this.building = null;
    this.generation += 1;
  }

  private ready(): Promise<CustomerSearchIndex> {
    if (this.index) return Promise.resolve(this.index);
    if (this.building) return this.building;
    const generation = this.generation;
    const building = Promise.all([this.book.customers.list({ includeArchived: true }), this.book.tags.list()]).then(([customers, tags]) => {
      const index = new CustomerSearchIndex();
      const tagNames = new Map(tags.map((tag) => [tag.id, tag.name]));
      index.addAll(customers, tagNames);
      // A reset while this was reading: the caller still gets an answer, but the next one reads the book again.
      if (generation === this.generation) {
        this.index = index;
        this.tagNames = tagNames;
        this.building = null;
      }
      return index;
    });
    this.building = building;
    return building;
  }
}
