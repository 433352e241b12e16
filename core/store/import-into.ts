import { unwrap } from 'idb';
import { identityKeys, type CountryCode } from '../identity';
import { latestPaidOrderAt, orderSchema, parseRecord, ValidationError, type Customer, type Identity, type IdentityKind, type Order } from '../model';
import { abortError } from './abort';
import { storeContextOf, type Book } from './book';
import type { StoreContext } from './context';
import { buildCustomer, dedupeIdentities, fromRow, sortNameOf, toIdentity, toRow } from './customer-rows';
import type { CustomerRow } from './schema';
import { shown } from '../io/import/cells';
import type { ImportedBuyer, ImportedCustomer, ImportedOrder, ImportError, ImportProblemCode } from '../io/import/types';

/** How a file names its customer (the readers' ImportedBuyer): any part may be missing. */
export type ImportContact = ImportedBuyer;
export type ImportOrderInput = ImportedOrder;
export type ImportCustomerInput = ImportedCustomer;
export type ImportProblem = ImportError;

/** A piece of the file as read: rows and the problems of the rows that could not be read. */
export interface ImportBatch {
  orders?: readonly ImportOrderInput[];
  customers?: readonly ImportCustomerInput[];
  problems?: readonly ImportProblem[];
  /** How far through the file this batch ends (bytes, or whatever `total` of the progress counts). */
  done?: number;
}

/**
 * The file, batch by batch, synchronously: it is called inside IndexedDB callbacks, where awaiting anything else
 * would let the transaction commit half an import. `next()` returns null at the end.
 */
export interface ImportBatchSource {
  next(): ImportBatch | null;
}

export interface ImportCounts {
  newCustomers: number;
  /** Customers of the book the file named (by any contact, or by name alone when that is all it has). */
  matchedCustomers: number;
  newOrders: number;
  /** Orders imported before whose status, total, date or customer the file changed. */
  updatedOrders: number;
  /** Orders imported before and the same in the file: left alone. */
  unchangedOrders: number;
  /** Rows read from the file (orders and customers, problems not counted). */
  rows: number;
}

export interface ImportProgress {
  rows: number;
  problems: number;
  done: number;
}

export interface ImportOptions {
  /** The store or tool the file came from ('shopify', 'mercadolivre'…): orders are told apart by it and their id. */
  source: string;
  /** Reads and matches everything and writes nothing: the counts an import would give. */
  dryRun?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportResult {
  counts: ImportCounts;
  /** Every row that was not imported as it is, in file order of the batches. */
  problems: ImportProblem[];
}

/** Beyond this many customers, open views reload whole instead of re-reading each one. */
const MANY_CUSTOMERS = 1_000;
const CONTACT_KINDS = [
  ['email', 'email'],
  ['phone', 'phone'],
  ['cpf', 'cpf'],
] as const satisfies readonly (readonly [keyof ImportContact, IdentityKind])[];

/** A customer the import is writing: the record as it will be put, and what the file changed of it. */
interface Touched {
  customer: Customer;
  isNew: boolean;
  /** The latest paid order of the file, to move lastOrderAt forward without reading their other orders. */
  latestPaid: string | null;
  /** An order of theirs stopped being paid or moved away: lastOrderAt is read again from all their orders. */
  recount: boolean;
  changed: boolean;
}

/**
 * Imports orders and customers in ONE IndexedDB transaction (readonly for a dry run), so a cancelled, failed or
 * crashed import rolls back whole: the book is exactly as it was, and running it again starts from the start.
 *
 * Customers are found by any contact the file gives (e-mail, phone, CPF: the lookup keys customers are indexed by,
 * so a WhatsApp number and a phone are one key), or, for a row with nothing but a name, by that name when exactly
 * one customer of the book has it. A customer found gains the contacts the file knows and the book did not; one
 * not found is created once, and the file's later rows find it. Orders get an id made of `source` and the file's
 * own order id (or, without one, of their customer, time, total and currency), so importing the same file again
 * changes nothing, and a changed status, total, date or customer updates the order.
 *
 * The batch's reads are asked after the writes of the batch before, so IndexedDB writes one batch while the next
 * is parsed and matched. Every problem (unreadable rows from the source, invalid values here) names its line;
 * one bad row never stops the others.
 */
export function importIntoBook(book: Book, source: ImportBatchSource, options: ImportOptions): Promise<ImportResult> {
  const context = storeContextOf(book);
  const { signal, dryRun = false } = options;
  if (signal?.aborted) return Promise.reject(abortError(signal));
  const tx = unwrap(context.db).transaction(['customers', 'orders'], dryRun ? 'readonly' : 'readwrite');
  const run = new ImportRun(context, tx, options);
  return new Promise<ImportResult>((resolve, reject) => {
    let failure: { error: unknown } | null = null;
    let result: ImportResult | null = null;
    const fail = (error: unknown) => {
      if (failure) return;
      failure = { error };
      try {
        tx.abort();
      } catch {
        // Already committing: every write landed, so the error came too late to undo anything.
        failure = null;
      }
    };
    const onAbort = () => fail(abortError(signal));
    signal?.addEventListener('abort', onAbort, { once: true });
    tx.onerror = (event) => fail((event.target as IDBRequest).error);
    tx.oncomplete = () => {
      signal?.removeEventListener('abort', onAbort);
      if (failure) return reject(failure.error);
      if (!result) return reject(new Error('The import ended before its last batch'));
      if (!dryRun && run.written.size > 0) {
        const ids = [...run.written];
        context.changes.publish(ids.length > MANY_CUSTOMERS ? { stores: ['customers', 'orders'], customerIds: [], wholeBook: true } : { stores: ['customers', 'orders'], customerIds: ids });
      }
      resolve(result);
    };
    tx.onabort = () => {
      signal?.removeEventListener('abort', onAbort);
      reject(failure ? failure.error : (tx.error ?? new Error('The import was aborted')));
    };
    run.all(source).then(
      (done) => {
        result = done;
      },
      fail,
    );
  });
}

class ImportRun {
  readonly written = new Set<string>();
  private readonly customers: IDBObjectStore;
  private readonly orders: IDBObjectStore;
  private readonly counts: ImportCounts = { newCustomers: 0, matchedCustomers: 0, newOrders: 0, updatedOrders: 0, unchangedOrders: 0, rows: 0 };
  private readonly problems: ImportProblem[] = [];
  /** Contacts normalized so far, by kind and spelling: the identity, or why it is not one. */
  private readonly contacts = new Map<string, Identity | ContactProblem>();
  /** Lookup key → customer id (null: no customer has it), as found in the book or created by this import. */
  private readonly byKey = new Map<string, string | null>();
  /** Folded name → the one customer with it, null when none or several (only name-only rows ask). */
  private readonly byName = new Map<string, string | null>();
  private readonly touched = new Map<string, Touched>();
  /** Orders of this import by id, with a 32-bit digest of what an import compares: a file naming one twice keeps its last row. */
  private readonly ordersSeen = new Map<string, number>();
  private readonly nowIso: string;
  private readonly defaultCountry: CountryCode;

  constructor(
    context: StoreContext,
    tx: IDBTransaction,
    private readonly options: ImportOptions,
  ) {
    this.customers = tx.objectStore('customers');
    this.orders = tx.objectStore('orders');
    this.nowIso = context.now().toISOString();
    this.defaultCountry = context.defaultCountry;
  }

  async all(source: ImportBatchSource): Promise<ImportResult> {
    await this.knownOrderIds();
    for (let batch = source.next(); batch !== null; batch = source.next()) {
      this.problems.push(...(batch.problems ?? []));
      await this.batch(batch);
      this.options.onProgress?.({ rows: this.counts.rows, problems: this.problems.length, done: batch.done ?? 0 });
    }
    await this.finish();
    // In file order: the source's and this run's problems of one batch arrive apart.
    return { counts: { ...this.counts }, problems: this.problems.sort((a, b) => a.line - b.line) };
  }

  private async batch(batch: ImportBatch): Promise<void> {
    const orders = (batch.orders ?? []).map((row) => ({ row, contact: this.contactOf(row.line, row.customer) }));
    const customers = (batch.customers ?? []).map((row) => ({ row, contact: this.contactOf(row.line, row) }));
    this.counts.rows += orders.length + customers.length;
    await this.lookUp([...orders, ...customers].map(({ contact }) => contact));
    const customerOwners = customers.map(({ row, contact }) => this.customerFor(contact, row.createdAt ?? null, row.line));
    const orderOwners = orders.map(({ row, contact }) => this.customerFor(contact, row.placedAt, row.line));
    await this.readMatched();
    customers.forEach(({ row }, at) => {
      const id = customerOwners[at];
      const touched = id == null ? undefined : this.touched.get(id);
      const fields = customFieldsOf(row);
      if (!touched || Object.keys(fields).length === 0) return;
      // The book's own values win: a seller's edit is newer than any export.
      const merged = { ...fields, ...touched.customer.customFields };
      if (Object.keys(merged).length === Object.keys(touched.customer.customFields).length) return;
      touched.customer = { ...touched.customer, customFields: merged };
      touched.changed = true;
    });
    const built: Order[] = [];
    orders.forEach(({ row }, at) => {
      const owner = orderOwners[at];
      if (owner == null || !this.touched.has(owner)) return;
      const order = this.orderOf(row, owner);
      if (order) built.push(order);
    });
    const before = await this.existing(built);
    for (const order of built) this.placeOrder(order, before.get(order.id));
  }

  /** The row's contacts, normalized; a contact that is not one is reported and left out. */
  private contactOf(line: number, contact: ImportContact): { name: string | null; identities: Identity[]; keys: string[]; line: number } {
    const identities: Identity[] = [];
    for (const [field, kind] of CONTACT_KINDS) {
      const raw = contact[field]?.trim();
      if (!raw) continue;
      // A customer's contact comes back on each of their orders: normalized once per import (phones cost ~30 µs).
      const cacheKey = `${kind}|${raw}`;
      let known = this.contacts.get(cacheKey);
      if (known === undefined) {
        try {
          known = toIdentity({ kind, value: raw }, this.nowIso, this.defaultCountry);
        } catch (error) {
          known =
            error instanceof ValidationError
              ? { code: CONTACT_PROBLEMS[kind], value: shown(raw), message: `"${raw}" is not ${article(kind)}: the row was imported without it` }
              : { code: 'internal', value: shown(raw), message: String(error) };
        }
        this.contacts.set(cacheKey, known);
      }
      // The file's header for this contact is the reader's to know; the value says which contact it was.
      if ('code' in known) this.problems.push({ line, ...known });
      else identities.push(known);
    }
    const unique = dedupeIdentities(identities);
    const keys = unique.flatMap((identity) => identityKeys(identity.kind, identity.value));
    const name = contact.name?.trim() || null;
    return { name, identities: unique, keys, line };
  }

  /** Asks the book for every key and name of the batch not asked before, in one round of requests. */
  private async lookUp(contacts: readonly { name: string | null; keys: string[] }[]): Promise<void> {
    const requests: IDBRequest[] = [];
    const byKey = this.customers.index('identityKeys');
    const byName = this.customers.index('sortName');
    for (const { name, keys } of contacts) {
      for (const key of keys) {
        if (this.byKey.has(key)) continue;
        this.byKey.set(key, null);
        const request = byKey.getKey(key);
        request.onsuccess = () => {
          if (request.result !== undefined && this.byKey.get(key) === null) this.byKey.set(key, request.result as string);
        };
        requests.push(request);
      }
      if (keys.length > 0 || name === null) continue;
      const folded = sortNameOf(name);
      if (this.byName.has(folded)) continue;
      this.byName.set(folded, null);
      const request = byName.getAllKeys(folded, 2);
      request.onsuccess = () => {
        const found = request.result as string[];
        if (found.length === 1 && this.byName.get(folded) === null) this.byName.set(folded, found[0] as string);
      };
      requests.push(request);
    }
    await settled(requests);
  }

  /**
   * The customer a row belongs to: found by the first of its keys the book (or this import) knows, else by its
   * name alone when it has no contact, else a new one. Null (reported) for a row with neither name nor contact.
   */
  private customerFor(contact: { name: string | null; identities: Identity[]; keys: string[]; line: number }, since: string | null, line: number): string | null {
    let id: string | null = null;
    for (const key of contact.keys) {
      id = this.byKey.get(key) ?? null;
      if (id !== null) break;
    }
    if (id === null && contact.keys.length === 0 && contact.name !== null) id = this.byName.get(sortNameOf(contact.name)) ?? null;
    if (id !== null) {
      const touched = this.touched.get(id);
      if (touched) this.addContacts(touched, contact);
      else this.pending.push({ id, contact });
      return id;
    }
    const displayName = contact.name ?? contact.identities[0]?.raw;
    if (!displayName) {
      this.problems.push({ line, code: 'no-customer', message: 'The row names no customer: no name, e-mail, phone or CPF' });
      return null;
    }
    let customer: Customer;
    try {
      customer = buildCustomer(
        { displayName, identities: contact.identities.map(({ kind, raw }) => ({ kind, value: raw })), ...(since ? { createdAt: since } : {}) },
        this.nowIso,
        this.defaultCountry,
      );
    } catch (error) {
      const code = error instanceof ValidationError ? 'invalid-field' : 'internal';
      this.problems.push({ line, code, value: shown(displayName), message: error instanceof Error ? error.message : String(error) });
      return null;
    }
    this.touched.set(customer.id, { customer, isNew: true, latestPaid: null, recount: false, changed: true });
    this.counts.newCustomers += 1;
    for (const key of contact.keys) this.byKey.set(key, customer.id);
    if (contact.keys.length === 0) this.byName.set(sortNameOf(displayName), customer.id);
    return customer.id;
  }

  /** Customers of the book found in this batch, read once so their record can gain contacts and lastOrderAt. */
  private pending: { id: string; contact: { identities: Identity[]; keys: string[] } }[] = [];

  private async readMatched(): Promise<void> {
    const pending = this.pending;
    this.pending = [];
    const requests: IDBRequest[] = [];
    const asked = new Set<string>();
    for (const { id } of pending) {
      if (this.touched.has(id) || asked.has(id)) continue;
      asked.add(id);
      const request = this.customers.get(id);
      request.onsuccess = () => {
        const row = request.result as CustomerRow | undefined;
        if (row && !this.touched.has(id)) {
          this.touched.set(id, { customer: fromRow(row), isNew: false, latestPaid: null, recount: false, changed: false });
          this.counts.matchedCustomers += 1;
        }
      };
      requests.push(request);
    }
    await settled(requests);
    for (const { id, contact } of pending) {
      const touched = this.touched.get(id);
      if (touched) this.addContacts(touched, contact);
    }
  }

  /** Gives a customer of the book the file's contacts they lack (never one another customer already has). */
  private addContacts(touched: Touched, contact: { identities: Identity[]; keys: string[] }): void {
    const id = touched.customer.id;
    const fresh = contact.identities.filter((identity) => identityKeys(identity.kind, identity.value).every((key) => (this.byKey.get(key) ?? id) === id));
    const known = new Set(touched.customer.identities.flatMap((identity) => identityKeys(identity.kind, identity.value)));
    const added = fresh.filter((identity) => !identityKeys(identity.kind, identity.value).every((key) => known.has(key)));
    if (added.length === 0) return;
    touched.customer = { ...touched.customer, identities: dedupeIdentities([...touched.customer.identities, ...added]) };
    touched.changed = true;
    for (const identity of added) for (const key of identityKeys(identity.kind, identity.value)) this.byKey.set(key, id);
  }

  private orderOf(row: ImportOrderInput, customerId: string): Order | null {
    const candidate = {
      id: orderIdOf(this.options.source, row, customerId),
      customerId,
      placedAt: row.placedAt,
      totalMinor: row.total,
      currency: row.currency,
      items: (row.items ?? []).map((item) => ({ name: item.name, category: null, quantity: item.quantity, unitPriceMinor: item.unitPrice })),
      channel: 'store',
      source: 'import',
      externalRef: row.externalId === undefined ? null : `${this.options.source}:${row.externalId}`,
      status: row.status ?? 'paid',
    };
    try {
      return parseRecord(orderSchema, candidate, 'The order');
    } catch (error) {
      // A field of the book's model, not a column of the file: the value the model refused says which.
      if (error instanceof ValidationError) for (const problem of error.problems) this.problems.push({ line: row.line, code: 'invalid-field', ...valueAt(candidate, problem.field), message: `${problem.field} ${problem.message}` });
      else this.problems.push({ line: row.line, code: 'internal', message: String(error) });
      return null;
    }
  }

  /** The book's copies of the batch's orders (imported before), by id. */
  /**
   * The ids of the orders imported before from this source, read once as keys: a first import then asks for no
   * order at all, and a second one only for the orders it names again.
   */
  private async knownOrderIds(): Promise<void> {
    const prefix = orderIdPrefix(this.options.source);
    const request = this.orders.getAllKeys(IDBKeyRange.bound(prefix, `${prefix}\uffff`));
    request.onsuccess = () => {
      this.imported = new Set(request.result as string[]);
    };
    await settled([request]);
  }

  /** Ids of orders this source imported before (see knownOrderIds). */
  private imported = new Set<string>();

  private async existing(orders: readonly Order[]): Promise<Map<string, Order>> {
    const found = new Map<string, Order>();
    const requests: IDBRequest[] = [];
    for (const order of orders) {
      if (!this.imported.has(order.id) || this.ordersSeen.has(order.id) || found.has(order.id)) continue;
      const request = this.orders.get(order.id);
      request.onsuccess = () => {
        if (request.result) found.set(order.id, request.result as Order);
      };
      requests.push(request);
    }
    await settled(requests);
    return found;
  }

  private placeOrder(order: Order, before: Order | undefined): void {
    const owner = this.touched.get(order.customerId) as Touched;
    const digest = fnv1a(digestOf(order));
    const seen = this.ordersSeen.get(order.id);
    this.ordersSeen.set(order.id, digest);
    if (seen !== undefined) {
      // The file names this order again (a repeated row, or a later state of it): its last row wins.
      if (seen === digest) return;
      owner.recount = true;
    } else if (before && digestOf(before) === digestOf(order)) {
      this.counts.unchangedOrders += 1;
      return;
    } else if (before) {
      this.counts.updatedOrders += 1;
      if (before.status === 'paid' && (order.status !== 'paid' || order.placedAt !== before.placedAt)) owner.recount = true;
      if (before.customerId !== order.customerId) {
        const old = this.touched.get(before.customerId);
        if (old) {
          old.recount = true;
          old.changed = true;
        } else this.pendingRecount.add(before.customerId);
      }
    } else this.counts.newOrders += 1;
    if (order.status === 'paid' && (owner.latestPaid === null || Date.parse(order.placedAt) > Date.parse(owner.latestPaid))) owner.latestPaid = order.placedAt;
    // A customer new to the book is as old as their first order in the file.
    if (owner.isNew && Date.parse(order.placedAt) < Date.parse(owner.customer.createdAt)) owner.customer = { ...owner.customer, createdAt: order.placedAt };
    owner.changed = true;
    if (!this.options.dryRun) this.orders.put(order);
  }

  /** Customers of the book an order moved away from, read at the end to recount their last order. */
  private readonly pendingRecount = new Set<string>();

  /** Puts every customer the import changed, with lastOrderAt moved forward or counted again from their orders. */
  private async finish(): Promise<void> {
    const extra: IDBRequest[] = [];
    for (const id of this.pendingRecount) {
      if (this.touched.has(id)) continue;
      const request = this.customers.get(id);
      request.onsuccess = () => {
        const row = request.result as CustomerRow | undefined;
        if (row) this.touched.set(id, { customer: fromRow(row), isNew: false, latestPaid: null, recount: true, changed: true });
      };
      extra.push(request);
    }
    await settled(extra);
    const recounts: IDBRequest[] = [];
    const byCustomer = this.orders.index('customerId');
    for (const touched of this.touched.values()) {
      if (!touched.changed) continue;
      if (!touched.recount) {
        const latest = touched.customer.lastOrderAt;
        if (touched.latestPaid !== null && (latest === null || Date.parse(touched.latestPaid) > Date.parse(latest))) touched.customer = { ...touched.customer, lastOrderAt: touched.latestPaid };
        continue;
      }
      const request = byCustomer.getAll(touched.customer.id);
      request.onsuccess = () => {
        touched.customer = { ...touched.customer, lastOrderAt: latestPaidOrderAt(request.result as Order[]) };
      };
      recounts.push(request);
    }
    await settled(recounts);
    for (const touched of this.touched.values()) {
      if (!touched.changed) continue;
      this.written.add(touched.customer.id);
      if (this.options.dryRun) continue;
      this.customers.put(toRow({ ...touched.customer, updatedAt: touched.isNew ? touched.customer.updatedAt : this.nowIso }));
    }
    // Nothing more is asked: the transaction commits once the last put lands.
  }
}

/** What a customer list knows beyond contacts, kept as the customer's own fields under the names sellers use. */
function customFieldsOf(row: ImportedCustomer): Record<string, string> {
  const fields: Record<string, string> = {};
  const put = (label: string, value: string | undefined) => {
    if (value?.trim()) fields[label] = value.trim().slice(0, 200);
  };
  put('CNPJ', row.cnpj);
  put('CEP', row.postalCode);
  put('Cidade', row.city);
  put('UF', row.state);
  put('País', row.country);
  return fields;
}

/** What an import compares of an order: what the seller would see change. */
function digestOf(order: Order): string {
  return `${order.customerId}|${order.status}|${order.totalMinor}|${order.currency}|${order.placedAt}|${order.items.length}`;
}

/**
 * An imported order's id: the source and the file's own order id, so the same order imported twice is one
 * record. Without one (a generic list), its customer, time, total and currency stand for it.
 */
export function orderIdOf(source: string, row: Pick<ImportOrderInput, 'externalId' | 'placedAt' | 'total' | 'currency'>, customerId: string): string {
  const own = row.externalId?.trim();
  const prefix = orderIdPrefix(source);
  const id = own ? `${prefix}${own}` : `${prefix}${hashOf(`${customerId}|${row.placedAt}|${row.total}|${row.currency}`)}`;
  return id.length <= 100 ? id : `${prefix}${hashOf(own ?? id)}`;
}

/** Every order a source imported has an id that starts with this. */
const orderIdPrefix = (source: string) => `import:${source}:`;

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** A short, stable, non-cryptographic digest (FNV-1a and a second mix): ids, not secrets. */
function hashOf(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
  }
  return `${(a >>> 0).toString(36)}${(b >>> 0).toString(36)}`;
}

type ContactProblem = Pick<ImportError, 'code' | 'value' | 'message'>;
const CONTACT_PROBLEMS = { email: 'not-an-email', phone: 'not-a-phone', cpf: 'not-a-cpf' } as const satisfies Record<(typeof CONTACT_KINDS)[number][1], ImportProblemCode>;

/** `{ value }` of the candidate at a field path (`items[0].name`) when it is text or a number; else nothing. */
function valueAt(record: unknown, path: string): { value?: string } {
  let at = record;
  for (const part of path.match(/[^.[\]]+/g) ?? []) at = at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[part] : undefined;
  return typeof at === 'string' || typeof at === 'number' ? { value: shown(String(at)) } : {};
}

function article(kind: IdentityKind): string {
  return kind === 'email' ? 'an e-mail address' : kind === 'cpf' ? 'a valid CPF' : 'a phone number';
}

/** Resolves when every request succeeded (in order, IndexedDB answers the last one last); rejects on the first error. */
function settled(requests: readonly IDBRequest[]): Promise<void> {
  const last = requests.at(-1);
  if (!last) return Promise.resolve();
  return new Promise((resolve, reject) => {
    for (const request of requests) request.addEventListener('error', () => reject(request.error), { once: true });
    last.addEventListener('success', () => resolve(), { once: true });
  });
}
