import { unwrap } from 'idb';
import { identityKeys, type CountryCode } from '../identity';
import { customerSchema, latestPaidOrderAt, orderSchema, parseRecord, ValidationError, type Customer, type Identity, type IdentityKind, type Order, type OrderSource } from '../model';
import { abortError } from './abort';
import { wholeTransaction } from './whole-transaction';
import { storeContextOf, type Book } from './book';
import type { StoreContext } from './context';
import { customerRecord, dedupeIdentities, fromRow, sortNameOf, toIdentity, toRow } from './customer-rows';
import { OrderDigests } from './order-digests';
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
  /**
   * How the import learns what it matches against. `whole-book` (the default, for files): every customer's keys and
   * names and this source's orders are read first, then the batches only write. `indexed` (a few rows: the order a
   * seller saves from a store's page): each batch reads only the keys, names and orders it names, through the
   * indexes. One order the whole-book way reads every customer, in a transaction that holds customers and orders
   * (0.4–1.3 s at 20k customers in fake-indexeddb, growing with the book); indexed, 3–6 ms.
   */
  lookup?: 'whole-book' | 'indexed';
  /** What the book records as the orders' origin: `import` (a file, the default) or `store-page` (saved from the store's order page). */
  orderSource?: Extract<OrderSource, 'import' | 'store-page'>;
  /**
   * Any problem (a contact that is not one, a value the model refuses, one handed in by the source) rejects the
   * import with a ValidationError naming it, and nothing is written: one order a seller saves is saved whole or not
   * at all. Off by default: a file's bad row is reported and the others imported.
   */
  allOrNothing?: boolean;
  /**
   * Problems kept for the result (all by default); the rest are only counted. A file with a bad cell on every row
   * is the wrong file, and a million problems would hold more memory than the import itself.
   */
  keepProblems?: number;
}

export interface ImportResult {
  counts: ImportCounts;
  /** The rows that were not imported as they are (the first `keepProblems`), in file order of the batches. */
  problems: ImportProblem[];
  /** Every problem, kept or not. */
  problemCount: number;
}

/** Beyond this many customers, open views reload whole instead of re-reading each one. */
const MANY_CUSTOMERS = 1_000;
const CONTACT_KINDS = [
  ['email', 'email'],
  ['phone', 'phone'],
  ['cpf', 'cpf'],
] as const satisfies readonly (readonly [keyof ImportContact, IdentityKind])[];

/**
 * A customer the import is writing, all written at the end: the book's are read then and updated, new ones are
 * made whole then from what the import keeps of them (a hundred thousand whole records were most of its heap).
 */
interface Touched {
  id: string;
  /** A customer this import creates: the parts of their record it checked when it met them; null for the book's. */
  created: Created | null;
  /** The latest paid order of the file (or, after a recount, of all their orders). */
  latestPaid: string | null;
  /** An order of theirs stopped being paid, moved or changed: lastOrderAt is counted again from all their orders. */
  recount: boolean;
  changed: boolean;
  /** Contacts the file adds to a customer of the book (merged when their record is read). */
  added: Identity[] | null;
  /** The file's own fields (CNPJ, CEP…); the book's values win. */
  fields: Record<string, string> | null;
}

/** What a new customer's record is made of; the rest is what every new customer starts with (customerRecord). */
type Created = Pick<Customer, 'displayName' | 'identities' | 'createdAt'>;

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
  let result: ImportResult | null = null;
  return wholeTransaction(
    tx,
    signal,
    (fail) =>
      void run.all(source).then((done) => {
        result = done;
      }, fail),
    () => {
      if (!result) throw new Error('The import ended before its last batch');
      if (!dryRun && run.written.size > 0) {
        context.changes.publish(run.written.size > MANY_CUSTOMERS ? { stores: ['customers', 'orders'], customerIds: [], wholeBook: true } : { stores: ['customers', 'orders'], customerIds: [...run.written] });
      }
      return result;
    },
  );
}

class ImportRun {
  /** The customers written, up to one more than MANY_CUSTOMERS (past that, views reload whole). */
  readonly written = new Set<string>();
  private readonly customers: IDBObjectStore;
  private readonly orders: IDBObjectStore;
  private readonly counts: ImportCounts = { newCustomers: 0, matchedCustomers: 0, newOrders: 0, updatedOrders: 0, unchangedOrders: 0, rows: 0 };
  private readonly problems: ProblemLog;
  /** Contacts normalized so far, by kind and the file's spelling (a copy: see `owned`): the identity, or why it is not one. */
  private readonly contacts: Record<ContactKind, Map<string, Identity | ContactProblem>> = { email: new Map(), phone: new Map(), cpf: new Map() };
  /** Lookup key → customer id, for every customer of the book (read first) and every one this import creates. */
  private readonly byKey = new Map<string, string>();
  /** Folded name → the one customer with it, null when several share it (for rows known only by a name). */
  private readonly byName = new Map<string, string | null>();
  private readonly touched = new Map<string, Touched>();
  /** For an indexed lookup: the keys and folded names already asked of the indexes (found or not). */
  private readonly askedKeys = new Set<string>();
  private readonly askedNames = new Set<string>();
  private readonly indexed: boolean;
  /**
   * Orders by id, with a 30-bit digest of what an import compares (a small integer: no number object per order):
   * those this source imported before (read first) as is, and those of this file as -1 - digest, so a file naming
   * an order twice keeps its last row.
   */
  private readonly digests: OrderDigests;
  /** The last write of each batch still in flight: at most two batches wait in IndexedDB while the next is read. */
  private readonly inFlight: Promise<void>[] = [];
  private readonly nowIso: string;
  private readonly defaultCountry: CountryCode;

  constructor(
    context: StoreContext,
    tx: IDBTransaction,
    private readonly options: ImportOptions,
  ) {
    this.customers = tx.objectStore('customers');
    this.orders = tx.objectStore('orders');
    this.digests = new OrderDigests(orderIdPrefix(options.source));
    this.problems = new ProblemLog(options.keepProblems ?? Number.POSITIVE_INFINITY, options.allOrNothing ?? false);
    this.indexed = options.lookup === 'indexed';
    this.nowIso = context.now().toISOString();
    this.defaultCountry = context.defaultCountry;
  }

  /**
   * Reads what matching needs first (every customer's keys and name, the orders this source imported before), so
   * the batches that follow only write: a read between writes of one transaction makes IndexedDB settle every
   * write before it, which took a million-order import from about a minute to six.
   */
  async all(source: ImportBatchSource): Promise<ImportResult> {
    if (!this.indexed) {
      await this.readCustomers();
      await this.readImportedOrders();
    }
    for (let batch = source.next(); batch !== null; batch = source.next()) {
      // One at a time: a spreadsheet hands all its problems in its first batch, too many to spread as arguments.
      for (const problem of batch.problems ?? []) this.problems.push(problem);
      await this.batch(batch);
      this.options.onProgress?.({ rows: this.counts.rows, problems: this.problems.count, done: batch.done ?? 0 });
    }
    await Promise.all(this.inFlight);
    // What matching needed is done with: only the customers to write are kept for the end.
    for (const map of [this.byKey, this.byName, this.digests, this.askedKeys, this.askedNames, ...Object.values(this.contacts)]) map.clear();
    await this.finish();
    // In file order: the source's and this run's problems of one batch arrive apart.
    return { counts: { ...this.counts }, problems: this.problems.kept.sort((a, b) => a.line - b.line), problemCount: this.problems.count };
  }

  /** Every customer's lookup keys and folded name, a page of records at a time (only the keys are kept). */
  private async readCustomers(): Promise<void> {
    let after: string | null = null;
    for (;;) {
      const request = this.customers.getAll(after === null ? null : IDBKeyRange.lowerBound(after, true), PAGE);
      await settled([request]);
      const rows = request.result as CustomerRow[];
      for (const row of rows) {
        for (const key of row.identityKeys) if (!this.byKey.has(key)) this.byKey.set(key, row.id);
        const name = row.sortName;
        this.byName.set(name, this.byName.has(name) ? null : row.id);
      }
      if (rows.length < PAGE) return;
      after = (rows[rows.length - 1] as CustomerRow).id;
    }
  }

  /** The digests of the orders this source imported before: a first import reads none. */
  private async readImportedOrders(): Promise<void> {
    const prefix = orderIdPrefix(this.options.source);
    let after: string | null = null;
    for (;;) {
      const request = this.orders.getAll(IDBKeyRange.bound(after ?? prefix, `${prefix}\uffff`, after !== null), PAGE);
      await settled([request]);
      const rows = request.result as Order[];
      for (const order of rows) this.digests.set(order.id, digestNumber(order));
      if (rows.length < PAGE) return;
      after = (rows[rows.length - 1] as Order).id;
    }
  }

  private async batch(batch: ImportBatch): Promise<void> {
    const orders = batch.orders ?? [];
    const customers = batch.customers ?? [];
    this.counts.rows += orders.length + customers.length;
    if (this.indexed) await this.readNamedCustomers([...customers.map((row) => this.contactOf(row.line, row, false)), ...orders.map((row) => this.contactOf(row.line, row.customer, false))]);
    for (const row of customers) {
      const id = this.customerFor(this.contactOf(row.line, row), row.createdAt ?? null, row.line);
      const touched = id === null ? undefined : this.touched.get(id);
      const fields = customFieldsOf(row);
      if (touched && Object.keys(fields).length > 0) {
        touched.fields = { ...fields, ...(touched.fields ?? {}) };
        touched.changed = true;
      }
    }
    const built: Order[] = [];
    for (const row of orders) {
      const owner = this.customerFor(this.contactOf(row.line, row.customer), row.placedAt, row.line);
      if (owner === null) continue;
      const order = this.orderOf(row, owner);
      if (order) built.push(order);
    }
    // Indexed, the book's copies of the batch's orders are read now; the whole-book way knows their digests already.
    const fetched = this.indexed ? await this.read(built.map((order) => order.id).filter((id) => this.digests.get(id) === undefined)) : null;
    if (fetched) for (const [id, order] of fetched) this.digests.set(id, digestNumber(order));
    // An order the file changed: its book copy is read (rarely) to know whose last purchase to count again.
    const changed = built.filter((order) => {
      const before = this.digests.get(order.id);
      return before !== undefined && before >= 0 && before !== digestNumber(order);
    });
    const previous = fetched ?? (await this.read(changed.map((order) => order.id)));
    let last: IDBRequest | null = null;
    for (const order of built) {
      const request = this.placeOrder(order, previous.get(order.id));
      if (request) last = request;
    }
    // A failed write aborts the transaction, which importIntoBook reports: here it only ends the wait.
    if (last) this.inFlight.push(settled([last]).catch(() => undefined));
    // Two batches in IndexedDB at most: wait for the older one before reading the next part of the file.
    if (this.inFlight.length > 2) await this.inFlight.shift();
  }

  /**
   * For an indexed lookup, what the whole-book read would have known of these rows: the customer each key belongs
   * to (the first by id, as that read keeps), and for rows with nothing but a name, the one customer with it.
   */
  private async readNamedCustomers(contacts: readonly Contact[]): Promise<void> {
    const byKey = this.customers.index('identityKeys');
    const bySortName = this.customers.index('sortName');
    const requests: IDBRequest[] = [];
    for (const contact of contacts) {
      for (const key of contact.keys) {
        if (this.askedKeys.has(key)) continue;
        this.askedKeys.add(key);
        const request = byKey.getKey(key);
        request.onsuccess = () => {
          if (request.result !== undefined && !this.byKey.has(key)) this.byKey.set(key, request.result as string);
        };
        requests.push(request);
      }
      if (contact.keys.length > 0 || contact.name === null) continue;
      const name = sortNameOf(contact.name);
      if (this.askedNames.has(name)) continue;
      this.askedNames.add(name);
      const request = bySortName.getAllKeys(name, 2);
      request.onsuccess = () => {
        const ids = request.result as string[];
        if (ids.length > 0 && !this.byName.has(name)) this.byName.set(name, ids.length === 1 ? (ids[0] as string) : null);
      };
      requests.push(request);
    }
    await settled(requests);
  }

  /** The row's contacts, normalized; a contact that is not one is reported (unless `report` is false) and left out. */
  private contactOf(line: number, contact: ImportContact, report = true): Contact {
    const identities: Identity[] = [];
    for (const [field, kind] of CONTACT_KINDS) {
      const raw = contact[field]?.trim();
      if (!raw) continue;
      // A customer's contact comes back on each of their orders: normalized once per import (phones cost ~30 µs).
      const cache = this.contacts[kind];
      let known = cache.get(raw);
      if (known === undefined) {
        const spelled = owned(raw);
        try {
          known = toIdentity({ kind, value: spelled }, this.nowIso, this.defaultCountry);
        } catch (error) {
          known =
            error instanceof ValidationError
              ? { code: CONTACT_PROBLEMS[kind], value: owned(shown(raw)), message: `"${raw}" is not ${article(kind)}: the row was imported without it` }
              : { code: 'internal', value: owned(shown(raw)), message: String(error) };
        }
        cache.set(spelled, known);
      }
      // The file's header for this contact is the reader's to know; the value says which contact it was.
      if (!('code' in known)) identities.push(known);
      else if (report) this.problems.push({ line, ...known });
    }
    const unique = identities.length > 1 ? dedupeIdentities(identities) : identities;
    const keys = unique.flatMap((identity) => identityKeys(identity.kind, identity.value));
    const name = contact.name?.trim() || null;
    return { name, identities: unique, keys };
  }

  /**
   * The customer a row belongs to: found by the first of its keys the book (or this import) knows, else by its
   * name alone when it has no contact, else a new one. Null (reported) for a row with neither name nor contact.
   */
  private customerFor(contact: Contact, since: string | null, line: number): string | null {
    let id: string | null = null;
    for (const key of contact.keys) {
      id = this.byKey.get(key) ?? null;
      if (id !== null) break;
    }
    if (id === null && contact.keys.length === 0 && contact.name !== null) id = this.byName.get(sortNameOf(contact.name)) ?? null;
    if (id !== null) {
      let touched = this.touched.get(id);
      if (!touched) {
        this.touched.set(id, (touched = { id, created: null, latestPaid: null, recount: false, changed: false, added: null, fields: null }));
        this.counts.matchedCustomers += 1;
      }
      this.addContacts(touched, contact);
      return id;
    }
    const displayName = contact.name === null ? contact.identities[0]?.raw : owned(contact.name);
    if (!displayName) {
      this.problems.push({ line, code: 'no-customer', message: 'The row names no customer: no name, e-mail, phone or CPF' });
      return null;
    }
    let customer: Customer;
    try {
      // The contacts are normalized already: as buildCustomer makes them, added when the customer was.
      const createdAt = since ?? this.nowIso;
      const identities = contact.identities.map((identity) => ({ ...identity, addedAt: createdAt }));
      customer = parseRecord(customerSchema, customerRecord({ displayName, identities, createdAt }, this.nowIso), 'The customer');
    } catch (error) {
      const code = error instanceof ValidationError ? 'invalid-field' : 'internal';
      this.problems.push({ line, code, value: owned(shown(displayName)), message: error instanceof Error ? error.message : String(error) });
      return null;
    }
    this.touched.set(customer.id, { id: customer.id, created: { displayName: customer.displayName, identities: customer.identities, createdAt: customer.createdAt }, latestPaid: null, recount: false, changed: true, added: null, fields: null });
    this.counts.newCustomers += 1;
    for (const key of contact.keys) this.byKey.set(key, customer.id);
    if (contact.keys.length === 0) this.byName.set(sortNameOf(customer.displayName), customer.id);
    return customer.id;
  }

  /** Gives a customer the file's contacts they lack (never one another customer already has). */
  private addContacts(touched: Touched, contact: Contact): void {
    for (const identity of contact.identities) {
      const keys = identityKeys(identity.kind, identity.value);
      if (!keys.every((key) => !this.byKey.has(key))) continue;
      for (const key of keys) this.byKey.set(key, touched.id);
      if (touched.created) touched.created.identities = dedupeIdentities([...touched.created.identities, identity]);
      else (touched.added ??= []).push(identity);
      touched.changed = true;
    }
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
      source: this.options.orderSource ?? 'import',
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

  /** Records by id, read in one round (only the orders an import changes). */
  private async read(ids: readonly string[]): Promise<Map<string, Order>> {
    const found = new Map<string, Order>();
    const requests = ids.map((id) => {
      const request = this.orders.get(id);
      request.onsuccess = () => {
        if (request.result) found.set(id, request.result as Order);
      };
      return request;
    });
    await settled(requests);
    return found;
  }

  /** Counts and writes one order; returns its write (none for an order the book already has as it is). */
  private placeOrder(order: Order, before: Order | undefined): IDBRequest | null {
    const owner = this.touched.get(order.customerId) as Touched;
    const digest = digestNumber(order);
    const known = this.digests.get(order.id);
    this.digests.set(order.id, -1 - digest);
    if (known !== undefined && known < 0) {
      // The file names this order again (a repeated row, or a later state of it): its last row wins.
      if (known === -1 - digest) return null;
      owner.recount = true;
    } else if (known === digest) {
      this.counts.unchangedOrders += 1;
      return null;
    } else if (known !== undefined) {
      this.counts.updatedOrders += 1;
      owner.recount = true;
      if (before && before.customerId !== order.customerId) {
        const old = this.touched.get(before.customerId);
        if (old) {
          old.recount = true;
          old.changed = true;
        } else this.touched.set(before.customerId, { id: before.customerId, created: null, latestPaid: null, recount: true, changed: true, added: null, fields: null });
      }
    } else this.counts.newOrders += 1;
    if (order.status === 'paid' && (owner.latestPaid === null || order.placedAt > owner.latestPaid)) owner.latestPaid = order.placedAt;
    // A customer new to the book is as old as their first order in the file.
    if (owner.created && order.placedAt < owner.created.createdAt) owner.created.createdAt = order.placedAt;
    owner.changed = true;
    return this.options.dryRun ? null : this.orders.put(order);
  }

  /**
   * Writes every customer the import changed: the book's customers read once (after the orders are written), with
   * the file's new contacts and fields, lastOrderAt moved forward or counted again from all their orders.
   */
  private async finish(): Promise<void> {
    const pending = [...this.touched.values()].filter((touched) => touched.changed);
    this.touched.clear();
    for (let start = 0; start < pending.length; start += PAGE) {
      const slice = pending.slice(start, start + PAGE);
      const reads: IDBRequest[] = [];
      const read = new Map<Touched, Customer>();
      const byCustomer = this.orders.index('customerId');
      for (const touched of slice) {
        if (!touched.created) {
          const request = this.customers.get(touched.id);
          request.onsuccess = () => {
            const row = request.result as CustomerRow | undefined;
            if (row) read.set(touched, { ...fromRow(row), identities: dedupeIdentities([...row.identities, ...(touched.added ?? [])]) });
          };
          reads.push(request);
        }
        if (touched.recount) {
          const request = byCustomer.getAll(touched.id);
          request.onsuccess = () => {
            touched.latestPaid = latestPaidOrderAt(request.result as Order[]);
          };
          reads.push(request);
        }
      }
      await settled(reads);
      let last: IDBRequest | null = null;
      for (const touched of slice) {
        const customer = touched.created ? customerRecord({ id: touched.id, ...touched.created }, this.nowIso) : read.get(touched);
        if (!customer) continue;
        const lastOrderAt = touched.recount ? touched.latestPaid : later(customer.lastOrderAt, touched.latestPaid);
        const customFields = touched.fields ? { ...touched.fields, ...customer.customFields } : customer.customFields;
        const updated = { ...customer, lastOrderAt, customFields, updatedAt: touched.created ? customer.updatedAt : this.nowIso };
        if (this.written.size <= MANY_CUSTOMERS) this.written.add(customer.id);
        if (!this.options.dryRun) last = this.customers.put(toRow(updated));
      }
      if (last) await settled([last]);
    }
  }
}

/** A row's contacts, normalized, and their lookup keys. */
interface Contact {
  name: string | null;
  identities: Identity[];
  keys: string[];
}

/**
 * A copy of a cell's text that holds nothing else. A cell is cut from its chunk's text, and V8 keeps a cut of 13
 * characters or more as a view into that text: a name or contact kept for the whole import would keep its chunk.
 */
function owned(text: string): string {
  return ` ${text}`.slice(1);
}

/** The problems of an import: all counted, the first `limit` kept, their cell text copied out of the file's chunk. */
class ProblemLog {
  readonly kept: ImportProblem[] = [];
  count = 0;

  constructor(
    private readonly limit: number,
    private readonly allOrNothing: boolean,
  ) {}

  push(problem: ImportProblem): void {
    if (this.allOrNothing) throw new ValidationError([{ field: problem.column ?? problem.code, message: problem.message }], 'The import');
    this.count += 1;
    if (this.kept.length >= this.limit) return;
    this.kept.push(problem.value === undefined ? problem : { ...problem, value: owned(problem.value) });
  }
}

/** Records read per request when the import reads the book first. */
const PAGE = 5_000;
/** An order's digest as a non-negative 30-bit integer (a small integer in V8, stored without a number object). */
const digestNumber = (order: Order) => fnv1a(digestOf(order)) & 0x3fffffff;

function later(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return Date.parse(b) > Date.parse(a) ? b : a;
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
type ContactKind = (typeof CONTACT_KINDS)[number][1];
const CONTACT_PROBLEMS = { email: 'not-an-email', phone: 'not-a-phone', cpf: 'not-a-cpf' } as const satisfies Record<ContactKind, ImportProblemCode>;

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
