import MiniSearch from 'minisearch';
import type { Book, Customer } from '../../core';
import type { SearchHit } from '../messaging/protocol';

interface SearchDocument {
  id: string;
  displayName: string;
  identities: string;
}

const toDocument = (customer: Customer): SearchDocument => ({
  id: customer.id,
  displayName: customer.displayName,
  // Both spellings: the seller types "11 98765" as often as "ana.loja".
  identities: customer.identities.flatMap((identity) => [identity.value, identity.raw, identity.value.replace(/^\+55/, '')]).join(' '),
});

/**
 * "Link to an existing customer": a full-text index of names and identities (MiniSearch), built on first use and
 * kept current from the book's change feed. Archived customers stay findable: linking revives a relationship.
 */
export class CustomerSearch {
  private index: MiniSearch<SearchDocument> | null = null;
  private building: Promise<MiniSearch<SearchDocument>> | null = null;

  constructor(private readonly book: Book) {}

  async search(query: string, limit: number): Promise<SearchHit[]> {
    const text = query.trim();
    if (!text) return [];
    const index = await this.ready();
    return index
      .search(text, { prefix: true, fuzzy: (term) => (term.length > 3 ? 0.2 : false), combineWith: 'AND', boost: { displayName: 2 } })
      .slice(0, limit)
      .map((result) => ({ id: String(result.id), displayName: String(result.displayName), identities: String(result.identities).split(' ').slice(0, 6) }));
  }

  /** Re-reads the changed customers into the index (or drops them when they are gone). */
  async update(customerIds: string[]): Promise<void> {
    if (!this.index) return;
    for (const id of customerIds) {
      const customer = await this.book.customers.get(id);
      if (this.index.has(id)) this.index.discard(id);
      if (customer) this.index.add(toDocument(customer));
    }
  }

  reset(): void {
    this.index = null;
  }

  private ready(): Promise<MiniSearch<SearchDocument>> {
    if (this.index) return Promise.resolve(this.index);
    this.building ??= this.book.customers.list({ includeArchived: true }).then((customers) => {
      const index = new MiniSearch<SearchDocument>({ fields: ['displayName', 'identities'], storeFields: ['displayName', 'identities'] });
      index.addAll(customers.map(toDocument));
      this.index = index;
      this.building = null;
      return index;
    });
    return this.building;
  }
}
