import type { IDBPCursorWithValue, IDBPTransaction } from 'idb';
import type { Customer } from '../model';
import type { StoreContext } from './context';
import { fromRow } from './customer-rows';
import type { BookSchema, CustomerRow } from './schema';

export type CustomerOrder = 'name' | 'lastOrderAt' | 'createdAt';
export type SortDirection = 'asc' | 'desc';

/** The customer indexes a page walks. */
export type CustomerSortIndex = 'sortName' | 'lastOrderAt' | 'neverBoughtName' | 'createdAt';

/**
 * Where a page ended: the index it was walking, the last row's key in it and its id. Rows sharing a key come in
 * id order (reversed when descending), so the next page starts exactly after that row: no duplicate, no gap.
 */
export type CustomerCursor = readonly [index: CustomerSortIndex, key: string, id: string];

export interface CustomerPageQuery {
  orderBy: CustomerOrder;
  direction: SortDirection;
  /** The `next` of the page before; none for the first page. */
  after?: CustomerCursor | null;
  limit: number;
  includeArchived?: boolean;
  tagId?: string;
}

export interface CustomerPage {
  customers: Customer[];
  /** Pass as `after` for the following page; null once the index is exhausted. */
  next: CustomerCursor | null;
}

export interface CustomerCountQuery {
  includeArchived?: boolean;
  tagId?: string;
  /** Only archived customers (overrides includeArchived). */
  archivedOnly?: boolean;
}

type Phase = { index: CustomerSortIndex; direction: SortDirection };
type ReadTransaction = IDBPTransaction<BookSchema, ['customers'], 'readonly'>;
type RowCursor = IDBPCursorWithValue<BookSchema, ['customers'], 'customers', CustomerSortIndex, 'readonly'>;

/**
 * The indexes walked, in turn, for an order. Customers who never bought have no `lastOrderAt` (so the index skips
 * them): they come last in BOTH directions, by name, since "last purchase" sorts buyers and a seller looking for
 * the oldest or newest buyer is not looking for them.
 */
function phasesOf(orderBy: CustomerOrder, direction: SortDirection): Phase[] {
  if (orderBy === 'name') return [{ index: 'sortName', direction }];
  if (orderBy === 'createdAt') return [{ index: 'createdAt', direction }];
  return [{ index: 'lastOrderAt', direction }, { index: 'neverBoughtName', direction: 'asc' }];
}

/** A tag this small is read whole through the tagIds index and sorted in memory, instead of filtering a walk. */
const SMALL_TAG = 2000;

/**
 * One page of customers in the chosen order, from one readonly transaction, reading rows from the sort index only
 * as far as the page needs (keyset pagination: a page costs the same at row 90,000 as at row 0). Archived
 * customers are skipped unless asked for; a tag filter walks the sort index skipping untagged rows, or, for a tag
 * of at most `smallTag` customers, reads just those rows. With filters a last page may come back empty.
 */
export async function customerPage(context: StoreContext, query: CustomerPageQuery, smallTag = SMALL_TAG): Promise<CustomerPage> {
  const tx = context.db.transaction('customers');
  const phases = phasesOf(query.orderBy, query.direction);
  const after = query.after ?? null;
  let start = after ? phases.findIndex((phase) => phase.index === after[0]) : 0;
  if (start < 0) throw new Error(`after: the cursor walks ${after?.[0]}, which does not sort by ${query.orderBy}`);
  const keep = (row: CustomerRow) => (query.includeArchived || row.archivedAt === null) && (!query.tagId || row.tagIds.includes(query.tagId));
  const limit = Math.max(0, Math.floor(query.limit));

  if (query.tagId && (await tx.store.index('tagIds').count(query.tagId)) <= smallTag) {
    return smallTagPage(await tx.store.index('tagIds').getAll(query.tagId), phases, after, limit, keep);
  }

  const customers: Customer[] = [];
  let last: CustomerCursor | null = null;
  for (; start < phases.length; start++) {
    const phase = phases[start] as Phase;
    let cursor = await openAfter(tx, phase, after && after[0] === phase.index ? after : null);
    while (cursor && customers.length < limit) {
      if (keep(cursor.value)) {
        customers.push(fromRow(cursor.value));
        last = [phase.index, cursor.key as string, cursor.primaryKey];
      }
      cursor = await cursor.continue();
    }
    if (customers.length === limit) {
      const more = cursor !== null || phases.slice(start + 1).length > 0;
      return { customers, next: more && last ? last : null };
    }
  }
  return { customers, next: null };
}

/** A cursor on the phase's index at its first row, or at the first row after `after`. */
async function openAfter(tx: ReadTransaction, phase: Phase, after: CustomerCursor | null): Promise<RowCursor | null> {
  const ascending = phase.direction === 'asc';
  const index = tx.store.index(phase.index);
  if (!after) return index.openCursor(null, ascending ? 'next' : 'prev');
  const [, key, id] = after;
  let cursor = await index.openCursor(ascending ? IDBKeyRange.lowerBound(key) : IDBKeyRange.upperBound(key), ascending ? 'next' : 'prev');
  if (!cursor || cursor.key !== key) return cursor;
  // Among rows sharing the key, jump to the last page's row (continuePrimaryKey refuses a target at or behind the
  // cursor, so only when it lies ahead), then step past it. If that row is gone, we land on the one after it.
  const ahead = ascending ? cursor.primaryKey < id : cursor.primaryKey > id;
  if (ahead) cursor = await cursor.continuePrimaryKey(key, id);
  if (cursor && cursor.key === key && cursor.primaryKey === id) cursor = await cursor.continue();
  return cursor;
}

/** The same page as a walk would give, from a small tag's rows sorted in memory. */
function smallTagPage(rows: CustomerRow[], phases: Phase[], after: CustomerCursor | null, limit: number, keep: (row: CustomerRow) => boolean): CustomerPage {
  const placed: { position: CustomerCursor; phase: number; row: CustomerRow }[] = [];
  for (const row of rows) {
    if (!keep(row)) continue;
    const phase = phases.findIndex(({ index }) => keyIn(row, index) !== undefined);
    if (phase >= 0) placed.push({ position: [(phases[phase] as Phase).index, keyIn(row, (phases[phase] as Phase).index) as string, row.id], phase, row });
  }
  const compare = (a: { position: CustomerCursor; phase: number }, b: { position: CustomerCursor; phase: number }) => {
    if (a.phase !== b.phase) return a.phase - b.phase;
    const sign = (phases[a.phase] as Phase).direction === 'asc' ? 1 : -1;
    return sign * (compareText(a.position[1], b.position[1]) || compareText(a.position[2], b.position[2]));
  };
  placed.sort(compare);
  let from = 0;
  if (after) {
    const afterPhase = phases.findIndex(({ index }) => index === after[0]);
    from = placed.findIndex((entry) => compare(entry, { position: after, phase: afterPhase }) > 0);
    if (from < 0) from = placed.length;
  }
  const page = placed.slice(from, from + limit);
  const more = from + limit < placed.length;
  return { customers: page.map(({ row }) => fromRow(row)), next: more ? (page[page.length - 1]?.position ?? null) : null };
}

/** The row's key in an index, undefined when the index leaves it out (as IndexedDB would). */
function keyIn(row: CustomerRow, index: CustomerSortIndex): string | undefined {
  const key = row[index];
  return typeof key === 'string' ? key : undefined;
}

/** Code-unit order, as IndexedDB compares string keys (not localeCompare). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** How many customers match, from index counts and key lists only (never a row read). */
export async function countCustomers(context: StoreContext, query: CustomerCountQuery = {}): Promise<number> {
  const tx = context.db.transaction('customers');
  if (!query.tagId) {
    const [all, archived] = await Promise.all([tx.store.count(), tx.store.index('archivedAt').count()]);
    return query.archivedOnly ? archived : query.includeArchived ? all : all - archived;
  }
  const tagged = await tx.store.index('tagIds').getAllKeys(query.tagId);
  if (query.includeArchived && !query.archivedOnly) return tagged.length;
  // Archived customers are few: their ids, intersected with the tag's, say how many of the tagged are archived.
  const archived = new Set(await tx.store.index('archivedAt').getAllKeys());
  const archivedTagged = tagged.filter((id) => archived.has(id)).length;
  return query.archivedOnly ? archivedTagged : tagged.length - archivedTagged;
}
