import { CsvWriter, type Book, type CsvDialect, type CsvField, type Order, type TableQuery, type Tag } from '../../../../../core';
import type { BookTools } from '../../app/book-context';
import { customerFields, customerHeader, orderFields, orderHeader, type OrderCustomer } from './export-columns';
import { readListRows, throwIfAborted, type Ask } from './read-list';

/** What the dialog offers: the customers of the list on screen, the selected ones, or the orders of the list. */
export const EXPORT_CHOICES = ['customers', 'selection', 'orders'] as const;
export type ExportChoice = (typeof EXPORT_CHOICES)[number];

export interface ExportRequest {
  what: ExportChoice;
  dialect: CsvDialect;
  /** The table's current query (filters, search, sort). */
  query: TableQuery;
  selected: ReadonlySet<string>;
}

/** Where an export reads from: the book this page opened, and the background's table. */
export interface ExportSource {
  book: Book;
  ask: Ask;
}

export type ExportTools = Pick<BookTools, 't' | 'locale' | 'timeZone'> & { tags: ReadonlyMap<string, Tag> };

/** The file as parts (a Blob is made of them, never one string of a whole book) and how many rows it has. */
export interface ExportedCsv {
  parts: string[];
  rows: number;
}

export interface ExportRun {
  signal?: AbortSignal;
  /** How far the export is, from 0 to 1. */
  onProgress?: (fraction: number) => void;
}

/** Up to this many customers are read one by one; more, in one pass over the customers store. */
const READ_ONE_BY_ONE = 2000;
const PART_CHARS = 1 << 16;
/**
 * Rows written between two yields to the page: a line costs about a microsecond, so a million orders written in one
 * go held the page (and its progress bar and cancel button) still for seconds.
 */
const ROWS_PER_SLICE = 5000;
const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Writes `rows` in slices, yielding between them, telling how far it is (0 to 1) and stopping when aborted. */
async function writeInSlices<T>(rows: readonly T[], write: (row: T) => void, signal: AbortSignal | undefined, onProgress: (fraction: number) => void): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_SLICE) {
    if (start > 0) await yieldToPage();
    throwIfAborted(signal);
    const end = Math.min(rows.length, start + ROWS_PER_SLICE);
    for (let i = start; i < end; i++) write(rows[i] as T);
    onProgress(end / rows.length);
  }
}

/** Collects lines into parts of about 64 KB. */
class Parts {
  readonly parts: string[] = [];
  rows = -1;
  private pending: string;
  constructor(private readonly writer: CsvWriter) {
    this.pending = writer.start;
  }
  add(fields: readonly CsvField[]): void {
    this.pending += this.writer.line(fields);
    this.rows++;
    if (this.pending.length >= PART_CHARS) this.flush();
  }
  done(): ExportedCsv {
    this.flush();
    return { parts: this.parts, rows: this.rows };
  }
  private flush(): void {
    if (this.pending !== '') this.parts.push(this.pending);
    this.pending = '';
  }
}

export function exportCsv(source: ExportSource, request: ExportRequest, tools: ExportTools, run: ExportRun = {}): Promise<ExportedCsv> {
  return request.what === 'orders' ? exportOrders(source, request, tools, run) : exportCustomers(source, request, tools, run);
}

/**
 * One line per customer: the list's (every match of the current query, in its order) or the selection's (in the
 * current sort, archived ones too, whatever the filters, so a selection made under other filters is whole). Facts
 * come from the table's rows; when each customer joined, from the book.
 */
async function exportCustomers(source: ExportSource, request: ExportRequest, tools: ExportTools, { signal, onProgress }: ExportRun): Promise<ExportedCsv> {
  const selection = request.what === 'selection';
  const query: TableQuery = selection ? { filters: { tagMode: 'any', archived: 'include' }, sort: request.query.sort, search: '' } : request.query;
  const rows = await readListRows(source.ask, query, {
    signal,
    keep: selection ? (row) => request.selected.has(row.id) : undefined,
    wanted: selection ? request.selected.size : undefined,
    onProgress: (done, total) => onProgress?.(total === 0 ? 0.5 : (done / total) * 0.5),
  });
  const createdAt = await joinedAt(source.book, new Set(rows.map((row) => row.id)), signal, (fraction) => onProgress?.(0.5 + fraction * 0.3));
  throwIfAborted(signal);
  const out = new Parts(new CsvWriter(request.dialect, tools.timeZone));
  out.add(customerHeader(tools));
  await writeInSlices(rows, (row) => out.add(customerFields({ row, createdAt: createdAt.get(row.id) ?? null }, tools, tools.tags)), signal, (fraction) => onProgress?.(0.8 + fraction * 0.2));
  onProgress?.(1);
  return out.done();
}

/** When each of these customers joined the book: one by one for a few, else in one pass over the customers store. */
async function joinedAt(book: Book, ids: ReadonlySet<string>, signal: AbortSignal | undefined, onProgress: (fraction: number) => void): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (ids.size <= READ_ONE_BY_ONE) {
    for (const customer of await Promise.all([...ids].map((id) => book.customers.get(id)))) if (customer) found.set(customer.id, customer.createdAt);
    return found;
  }
  let total = 0;
  let read = 0;
  await book.exportStream(
    (_store, customers) => {
      for (const customer of customers) if ('createdAt' in customer && ids.has(customer.id)) found.set(customer.id, customer.createdAt);
      read += customers.length;
      onProgress(total === 0 ? 1 : read / total);
    },
    { stores: ['customers'], signal, onCounts: (counts) => (total = counts.customers) },
  );
  return found;
}

/**
 * One line per order of every customer the current query matches (the orders of a segment), customer by customer
 * in the list's order, each customer's oldest first. The list's ids come from the table; customers and orders from
 * the book, in one readonly transaction over those two stores.
 */
async function exportOrders(source: ExportSource, request: ExportRequest, tools: ExportTools, { signal, onProgress }: ExportRun): Promise<ExportedCsv> {
  throwIfAborted(signal);
  const { ids } = await source.ask({ type: 'table/ids', ...request.query });
  const wanted = new Set(ids);
  const customers = new Map<string, OrderCustomer>();
  const orders = new Map<string, Order[]>();
  let total = 0;
  let read = 0;
  onProgress?.(0.05);
  await source.book.exportStream(
    (store, records) => {
      if (store === 'customers') {
        for (const customer of records as readonly { id: string; displayName: string; identities: OrderCustomer['contacts'] }[])
          if (wanted.has(customer.id)) customers.set(customer.id, { name: customer.displayName, contacts: customer.identities });
      } else {
        for (const order of records as readonly Order[]) {
          if (!wanted.has(order.customerId)) continue;
          const list = orders.get(order.customerId);
          if (list) list.push(order);
          else orders.set(order.customerId, [order]);
        }
      }
      read += records.length;
      onProgress?.(0.05 + (total === 0 ? 0 : (read / total) * 0.65));
    },
    { stores: ['customers', 'orders'], signal, onCounts: (counts) => (total = counts.customers + counts.orders) },
  );
  throwIfAborted(signal);
  const inOrder: Order[] = [];
  for (const id of ids) {
    const list = orders.get(id);
    if (!list) continue;
    list.sort((a, b) => (a.placedAt < b.placedAt ? -1 : a.placedAt > b.placedAt ? 1 : 0));
    for (const order of list) inOrder.push(order);
  }
  const out = new Parts(new CsvWriter(request.dialect, tools.timeZone));
  out.add(orderHeader(tools));
  await writeInSlices(inOrder, (order) => out.add(orderFields(order, customers.get(order.customerId), tools, request.dialect)), signal, (fraction) => onProgress?.(0.7 + fraction * 0.3));
  onProgress?.(1);
  return out.done();
}
