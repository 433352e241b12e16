import { findDuplicateGroups, identityKeys, normalizeIdentityValue, type DuplicateGroup } from '../identity';
import { customerSchema, parseRecord, ValidationError, type Customer, type IdentityKind } from '../model';
import { isoNow, writeAtomically, type StoreContext, type WriteTransaction } from './context';
import { countCustomers, customerPage, type CustomerCountQuery, type CustomerPage, type CustomerPageQuery } from './customer-pages';
import { buildCustomer, dedupeIdentities, fromRow, toIdentity, toRow, type IdentityInput, type NewCustomer } from './customer-rows';

/** What the seller can edit on a profile directly. */
export type CustomerPatch = Partial<Pick<Customer, 'displayName' | 'funnelStage' | 'customFields' | 'consent'>>;

/** Customers: create, find by any identity, edit, tag, archive. Merge and erase live in book.ts (they span stores). */
export class CustomerRepository {
  constructor(private readonly context: StoreContext) {}

  /** Creates one customer; identities are normalized (a bad one is rejected naming `identities[i].value`). */
  async create(input: NewCustomer): Promise<Customer> {
    const [customer] = await this.createMany([input]);
    return customer as Customer;
  }

  /**
   * Creates many customers in one transaction: all are validated first, so one bad record writes none.
   * `onProgress` is told how many are written, for long imports.
   */
  async createMany(inputs: readonly NewCustomer[], onProgress?: (written: number) => void): Promise<Customer[]> {
    const now = isoNow(this.context);
    const customers = inputs.map((input, line) => {
      try {
        return buildCustomer(input, now, this.context.defaultCountry);
      } catch (error) {
        throw error instanceof ValidationError && inputs.length > 1 ? error.within(`[${line}]`, `Customer ${line + 1}`) : error;
      }
    });
    return writeAtomically(this.context, ['customers'], async (tx) => {
      const store = tx.objectStore('customers');
      const writes: Promise<unknown>[] = [];
      customers.forEach((customer, index) => {
        writes.push(store.add(toRow(customer)));
        if (onProgress && (index + 1) % 1000 === 0) onProgress(index + 1);
      });
      await Promise.all(writes);
      onProgress?.(customers.length);
      return { result: customers, customerIds: customers.map((c) => c.id) };
    });
  }

  async get(id: string): Promise<Customer | undefined> {
    const row = await this.context.db.get('customers', id);
    return row && fromRow(row);
  }

  /** Every customer, archived ones only when asked. */
  async list(options: { includeArchived?: boolean } = {}): Promise<Customer[]> {
    const rows = await this.context.db.getAll('customers');
    return rows.filter((row) => options.includeArchived || row.archivedAt === null).map(fromRow);
  }

  /**
   * A page of customers in name, last purchase or creation order, read from an index (see customer-pages.ts):
   * pass the page's `next` as `after` for the one that follows.
   */
  page(query: CustomerPageQuery): Promise<CustomerPage> {
    return customerPage(this.context, query);
  }

  /** How many customers match, archived and tagged ones included or not, from index counts. */
  countBy(query: CustomerCountQuery = {}): Promise<number> {
    return countCustomers(this.context, query);
  }

  /** How many customers the book has; archived ones are left out unless asked for. */
  count(options: { includeArchived?: boolean } = {}): Promise<number> {
    return countCustomers(this.context, options);
  }

  /** Customers reachable by this identity, typed any way (`11 98765-4321` finds `+5511987654321`). */
  async findByIdentity(kind: IdentityKind, value: string): Promise<Customer[]> {
    const normalized = normalizeIdentityValue(kind, value, { defaultCountry: this.context.defaultCountry });
    const tx = this.context.db.transaction('customers');
    const index = tx.objectStore('customers').index('identityKeys');
    const found = new Map<string, Customer>();
    for (const key of identityKeys(kind, normalized)) {
      for (const row of await index.getAll(key)) found.set(row.id, fromRow(row));
    }
    return [...found.values()];
  }

  /** Customers carrying a tag. */
  async listByTag(tagId: string): Promise<Customer[]> {
    return (await this.context.db.getAllFromIndex('customers', 'tagIds', tagId)).map(fromRow);
  }

  /** Groups of customers sharing an identity, to offer a merge. */
  async findDuplicates(): Promise<DuplicateGroup[]> {
    return findDuplicateGroups(await this.list({ includeArchived: true }));
  }

  async update(id: string, patch: CustomerPatch): Promise<Customer> {
    return this.change(id, (customer) => ({ ...customer, ...patch }));
  }

  /** Adds a way of reaching the customer (e.g. the WhatsApp number of the open chat). */
  /**
   * Adds a way of reaching the customer (e.g. the WhatsApp number of the open chat). Refuses, with an
   * IdentityTakenError, one that another customer already has: two customers reachable the same way are one
   * person to merge, not two to keep.
   */
  async addIdentity(id: string, input: IdentityInput): Promise<Customer> {
    const identity = toIdentity(input, isoNow(this.context), this.context.defaultCountry);
    return this.change(id, (customer) => ({ ...customer, identities: dedupeIdentities([...customer.identities, identity]) }), async (tx) => {
      for (const key of identityKeys(identity.kind, identity.value)) {
        const owner = (await tx.objectStore('customers').index('identityKeys').getAll(key)).find((row) => row.id !== id);
        if (owner) throw new IdentityTakenError(identity.kind, { id: owner.id, displayName: owner.displayName });
      }
    });
  }

  async removeIdentity(id: string, kind: IdentityKind, value: string): Promise<Customer> {
    return this.change(id, (customer) => ({
      ...customer,
      identities: customer.identities.filter((i) => !(i.kind === kind && i.value === value)),
    }));
  }

  /** Adds the tag when the customer lacks it, removes it otherwise (the sidebar's one-click chip). */
  async toggleTag(id: string, tagId: string): Promise<Customer> {
    return this.change(id, (customer) => ({
      ...customer,
      tagIds: customer.tagIds.includes(tagId) ? customer.tagIds.filter((t) => t !== tagId) : [...customer.tagIds, tagId],
    }));
  }

  /** Archives or restores many customers at once; archived customers keep everything but leave active counts. */
  async setArchived(ids: readonly string[], archived: boolean): Promise<number> {
    const now = isoNow(this.context);
    return writeAtomically(this.context, ['customers'], async (tx) => {
      let changed = 0;
      for (const id of ids) {
        const row = await tx.objectStore('customers').get(id);
        if (!row) throw new Error(`No customer with id ${id}`);
        if ((row.archivedAt !== null) === archived) continue;
        await tx.objectStore('customers').put({ ...row, archivedAt: archived ? now : null, updatedAt: now });
        changed++;
      }
      return { result: changed, customerIds: [...ids] };
    });
  }

  private async change(id: string, edit: (customer: Customer) => Customer, check?: (tx: WriteTransaction<'customers'[]>) => Promise<void>): Promise<Customer> {
    const now = isoNow(this.context);
    return writeAtomically(this.context, ['customers'], async (tx) => {
      await check?.(tx);
      const row = await tx.objectStore('customers').get(id);
      if (!row) throw new Error(`No customer with id ${id}`);
      const customer = parseRecord(customerSchema, { ...edit(fromRow(row)), id, updatedAt: now }, 'The customer');
      await tx.objectStore('customers').put(toRow(customer));
      return { result: customer, customerIds: [id] };
    });
  }
}

/** An identity another customer already has: names the field (`value`) and the owner, for the seller to merge. */
export class IdentityTakenError extends ValidationError {
  constructor(
    readonly kind: IdentityKind,
    readonly owner: { id: string; displayName: string },
  ) {
    super([{ field: 'value', message: `already belongs to ${owner.displayName}` }], `The ${kind} identity`);
  }
}
