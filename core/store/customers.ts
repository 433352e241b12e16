import { findDuplicateGroups, identityKeys, normalizeIdentityValue, type DuplicateGroup } from '../identity';
import { customerSchema, parseRecord, ValidationError, type Customer, type IdentityKind } from '../model';
import { validateFunnelStage } from '../segments/funnel';
import { isoNow, writeAtomically, type StoreContext, type WriteTransaction } from './context';
import { countCustomers, customerPage, type CustomerCountQuery, type CustomerPage, type CustomerPageQuery } from './customer-pages';
import { buildCustomer, dedupeIdentities, fromRow, toIdentity, toRow, type IdentityInput, type NewCustomer } from './customer-rows';

/** What the seller can edit on a profile directly. */
export type CustomerPatch = Partial<Pick<Customer, 'displayName' | 'funnelStage' | 'customFields' | 'consent'>>;

/** One change the book page applies to many selected customers at once (see updateMany). */
export type BulkChange =
  | { kind: 'addTag'; tagId: string }
  | { kind: 'removeTag'; tagId: string }
  /** The seller's funnel stage (the lifecycle stage is derived from orders and cannot be set). */
  | { kind: 'funnelStage'; stage: string | null }
  | { kind: 'archive'; archived: boolean };

/** How often updateMany reports progress, in customers. */
const PROGRESS_EVERY = 500;

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

  /**
   * Applies one change to every customer in `ids`, in one transaction: an unknown customer or tag aborts it and
   * nothing is written. Customers the change would leave as they are (the tag already there, already archived) are
   * not rewritten. Resolves to how many customers changed; `onProgress` is told how many were gone through.
   */
  async updateMany(ids: readonly string[], change: BulkChange, onProgress?: (done: number) => void): Promise<number> {
    const now = isoNow(this.context);
    const unique = [...new Set(ids)];
    return writeAtomically(this.context, ['customers', 'tags'], async (tx) => {
      if ((change.kind === 'addTag' || change.kind === 'removeTag') && !(await tx.objectStore('tags').get(change.tagId))) {
        throw new ValidationError([{ field: 'tagId', message: `no tag with id ${change.tagId}` }], 'The change');
      }
      if (change.kind === 'funnelStage') {
        const check = validateFunnelStage(change.stage);
        if (!check.ok) throw new ValidationError([{ field: 'funnelStage', message: check.message }], 'The change');
      }
      const customers = tx.objectStore('customers');
      let changed = 0;
      for (const [done, id] of unique.entries()) {
        const row = await customers.get(id);
        if (!row) throw new ValidationError([{ field: `ids[${done}]`, message: `no customer with id ${id}` }], 'The change');
        const next = applyBulkChange(row, change, now);
        if (next !== row) {
          await customers.put({ ...next, updatedAt: now });
          changed++;
        }
        if (onProgress && (done + 1) % PROGRESS_EVERY === 0) onProgress(done + 1);
      }
      onProgress?.(unique.length);
      return { result: changed, customerIds: unique };
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

/** The row after a bulk change; the same row when the change leaves it as it is. */
function applyBulkChange<R extends Pick<Customer, 'tagIds' | 'funnelStage' | 'archivedAt'>>(row: R, change: BulkChange, now: string): R {
  switch (change.kind) {
    case 'addTag':
      return row.tagIds.includes(change.tagId) ? row : { ...row, tagIds: [...row.tagIds, change.tagId] };
    case 'removeTag':
      return row.tagIds.includes(change.tagId) ? { ...row, tagIds: row.tagIds.filter((id) => id !== change.tagId) } : row;
    case 'funnelStage':
      return row.funnelStage === change.stage ? row : { ...row, funnelStage: change.stage };
    case 'archive':
      return (row.archivedAt !== null) === change.archived ? row : { ...row, archivedAt: change.archived ? now : null };
  }
}
