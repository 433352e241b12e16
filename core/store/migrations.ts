import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { groupByCustomer, latestPaidOrderAt, type Order } from '../model';
import { sortKeysOf } from './customer-rows';
import type { BookSchema } from './schema';

// Migration steps see the database as it was at their version, not as BookSchema describes it now.
type AnyDatabase = IDBPDatabase<unknown>;
type AnyTransaction = IDBPTransaction<unknown, ArrayLike<StoreNames<unknown>>, 'versionchange'>;

/**
 * One step per schema version: `steps[n - 1]` takes a database from version n - 1 to n. Steps run inside the
 * versionchange transaction, so they may only await IndexedDB requests (anything else lets it auto-commit).
 * Never edit a released step: add a new one and bump SCHEMA_VERSION (a test checks they agree).
 */
export const MIGRATION_STEPS: ReadonlyArray<(db: AnyDatabase, tx: AnyTransaction) => Promise<void>> = [
  // 1: the first book.
  async (db) => {
    const customers = db.createObjectStore('customers', { keyPath: 'id' });
    customers.createIndex('identityKeys', 'identityKeys', { multiEntry: true });
    customers.createIndex('tagIds', 'tagIds', { multiEntry: true });
    const orders = db.createObjectStore('orders', { keyPath: 'id' });
    orders.createIndex('customerId', 'customerId');
    orders.createIndex('placedAt', 'placedAt');
    db.createObjectStore('notes', { keyPath: 'id' }).createIndex('customerId', 'customerId');
    db.createObjectStore('tags', { keyPath: 'id' }).createIndex('name', 'name');
    const feedback = db.createObjectStore('feedback', { keyPath: 'id' });
    feedback.createIndex('customerId', 'customerId');
    feedback.createIndex('externalId', 'externalId');
    const followUps = db.createObjectStore('followUps', { keyPath: 'id' });
    followUps.createIndex('customerId', 'customerId');
    followUps.createIndex('due', 'due');
    db.createObjectStore('meta');
  },
  // 2: customers carry their last purchase date (indexed, for "who has not bought lately") and their merges;
  // archived customers are indexed so active counts need no scan (null archivedAt is not a key: not indexed).
  async (_db, tx) => {
    const lastOrderAt = new Map<string, string | null>();
    const byCustomer = groupByCustomer((await tx.objectStore('orders').getAll()) as Order[]);
    for (const [customerId, orders] of byCustomer) lastOrderAt.set(customerId, latestPaidOrderAt(orders));
    const customers = tx.objectStore('customers');
    customers.createIndex('lastOrderAt', 'lastOrderAt');
    customers.createIndex('archivedAt', 'archivedAt');
    let cursor = await customers.openCursor();
    while (cursor) {
      const row = cursor.value as Record<string, unknown>;
      await cursor.update({ ...row, lastOrderAt: lastOrderAt.get(row.id as string) ?? null, merges: row.merges ?? [] });
      cursor = await cursor.continue();
    }
  },
  // 3: saved custom segments (rules over customer facts), kept in the book so they travel with backups.
  async (db) => {
    db.createObjectStore('segments', { keyPath: 'id' });
  },
  // 4: feedback may carry an unsigned contact claim; its lookup keys are indexed so a customer's profile finds
  // the claims that name them (and erasing them erases those too). Older feedback claims nothing.
  async (_db, tx) => {
    const feedback = tx.objectStore('feedback');
    feedback.createIndex('claimKeys', 'claimKeys', { multiEntry: true });
    let cursor = await feedback.openCursor();
    while (cursor) {
      await cursor.update({ ...(cursor.value as object), claim: null, claimKeys: [] });
      cursor = await cursor.continue();
    }
  },
  // 5: the book page reads customers a page at a time, in name, last purchase or creation order, from indexes:
  // each row gets its folded name (and, while it has bought nothing, the same name under `neverBoughtName`, since
  // the lastOrderAt index skips rows without one). Only index keys: backups are the same as at version 4.
  async (_db, tx) => {
    const customers = tx.objectStore('customers');
    customers.createIndex('sortName', 'sortName');
    customers.createIndex('neverBoughtName', 'neverBoughtName');
    customers.createIndex('createdAt', 'createdAt');
    let cursor = await customers.openCursor();
    while (cursor) {
      const row = cursor.value as { displayName: string; lastOrderAt: string | null };
      await cursor.update({ ...row, ...sortKeysOf(row) });
      cursor = await cursor.continue();
    }
  },
  // 6: the seller's own quick replies (one store, ordered by `position`), and tags get a place in the seller's
  // list too (the sidebar's keys 1–9 follow it): existing tags take the name order they were shown in.
  async (db, tx) => {
    db.createObjectStore('quickReplies', { keyPath: 'id' });
    const tags = tx.objectStore('tags');
    const rows = (await tags.getAll()) as { name: string }[];
    rows.sort((a, b) => a.name.localeCompare(b.name));
    for (const [position, row] of rows.entries()) await tags.put({ ...row, position });
  },
];

export type { BookSchema };
