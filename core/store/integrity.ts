import { unwrap } from 'idb';
import type { StoreContext } from './context';
import type { RecordCounts } from './records';
import { RECORD_STORES } from './schema';

/** References to records that are not in the book: how many records hold one, and a few of each side's ids. */
export interface DanglingReferences {
  /** Records holding such a reference. */
  count: number;
  /** Ids of up to 5 of those records. */
  sampleIds: string[];
  /** Up to 5 of the ids they name that are missing. */
  missingIds: string[];
}

/** The stores whose records belong to one customer. */
export const CUSTOMER_RECORD_STORES = ['orders', 'notes', 'feedback', 'followUps'] as const;
export type CustomerRecordStoreName = (typeof CUSTOMER_RECORD_STORES)[number];

/** What a check of the book found. It only reads: nothing is ever dropped or repaired by it. */
export interface IntegrityReport {
  counts: RecordCounts;
  /** Per store, the records whose customer is not in the book. */
  missingCustomers: Record<CustomerRecordStoreName, DanglingReferences>;
  /** Customers carrying a tag that is not in the book (`sampleIds` are customers, `missingIds` tags). */
  missingTags: DanglingReferences;
  /** True when nothing dangles. */
  ok: boolean;
}

const SAMPLES = 5;

const NOTHING_DANGLES: DanglingReferences = { count: 0, sampleIds: [], missingIds: [] };

/**
 * The report of a book known to hold together without reading it: one just written whole from a file whose
 * every reference was checked against the records before it (a restore refuses a file where one dangles).
 */
export function consistentBookReport(counts: RecordCounts): IntegrityReport {
  return {
    counts,
    missingCustomers: Object.fromEntries(CUSTOMER_RECORD_STORES.map((store) => [store, NOTHING_DANGLES])) as Record<CustomerRecordStoreName, DanglingReferences>,
    missingTags: NOTHING_DANGLES,
    ok: true,
  };
}

/** Distinct keys one readonly transaction walks before it ends and lets waiting writes in. */
const KEYS_PER_SLICE = 2_000;

export interface IntegrityCheckOptions {
  /** Distinct keys walked per readonly transaction (tests use a few). */
  keysPerSlice?: number;
}

/**
 * Counts every record store and looks for references to customers (and tags) that are not in the book. It never
 * holds the book for the whole walk: at 100k customers a walk is a minute on a busy machine, and a readonly
 * transaction over the stores makes every write wait for its end (a note saved in a sidebar, a sale). So:
 *  1. one short transaction reads the keys of customers and tags;
 *  2. each store's `customerId` index (and the customers' `tagIds`) is walked by distinct key (`nextunique` skips
 *     a customer's other records), KEYS_PER_SLICE keys per readonly transaction, and writes run between slices;
 *  3. the ids found missing are checked again, and counted and sampled, in one last short transaction with the
 *     counts, so a customer added meanwhile is not reported, and what is reported holds at one instant.
 * A reference that became dangling during the walk, behind it, waits for the next check. Feedback filed under a
 * site's visitors points at that site's visitors customer, a real row, so it is not reported.
 */
export async function checkIntegrity(context: StoreContext, options: IntegrityCheckOptions = {}): Promise<IntegrityReport> {
  const db = unwrap(context.db);
  const slice = options.keysPerSlice ?? KEYS_PER_SLICE;
  const keysTx = db.transaction(['customers', 'tags'], 'readonly');
  const [customerKeys, tagKeys] = await Promise.all([result(keysTx.objectStore('customers').getAllKeys()), result(keysTx.objectStore('tags').getAllKeys())]);
  const customers = new Set(customerKeys);
  const tags = new Set(tagKeys);
  const suspects = {} as Record<CustomerRecordStoreName, IDBValidKey[]>;
  for (const store of CUSTOMER_RECORD_STORES) suspects[store] = await distinctKeysMissing(db, store, 'customerId', customers, slice);
  const tagSuspects = await distinctKeysMissing(db, 'customers', 'tagIds', tags, slice);

  const tx = db.transaction([...RECORD_STORES], 'readonly');
  const counts = {} as RecordCounts;
  const countsRead = RECORD_STORES.map(async (store) => (counts[store] = await result(tx.objectStore(store).count())));
  const missingCustomers = {} as IntegrityReport['missingCustomers'];
  const confirmed = CUSTOMER_RECORD_STORES.map(async (store) => (missingCustomers[store] = await confirm(tx.objectStore(store).index('customerId'), tx.objectStore('customers'), suspects[store])));
  const [missingTags] = await Promise.all([confirm(tx.objectStore('customers').index('tagIds'), tx.objectStore('tags'), tagSuspects), ...countsRead, ...confirmed]);
  const ok = missingTags.count === 0 && CUSTOMER_RECORD_STORES.every((store) => missingCustomers[store].count === 0);
  return { counts, missingCustomers, missingTags, ok };
}

function result<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('The integrity check could not read the book'));
  });
}

/** The distinct keys of `store`'s `index` not in `present`, in key order, walked `slice` keys per transaction. */
async function distinctKeysMissing(db: IDBDatabase, store: string, index: string, present: ReadonlySet<IDBValidKey>, slice: number): Promise<IDBValidKey[]> {
  const missing: IDBValidKey[] = [];
  let after: IDBValidKey | undefined;
  for (;;) {
    const tx = db.transaction(store, 'readonly');
    const range = after === undefined ? null : IDBKeyRange.lowerBound(after, true);
    const walked = await new Promise<number>((resolve, reject) => {
      const request = tx.objectStore(store).index(index).openKeyCursor(range, 'nextunique');
      let steps = 0;
      request.onerror = () => reject(request.error ?? new Error('The integrity check could not read the book'));
      request.onsuccess = () => {
        const cursor = request.result;
        if (!cursor) return resolve(steps);
        steps += 1;
        after = cursor.key;
        if (!present.has(cursor.key)) missing.push(cursor.key);
        if (steps < slice) cursor.continue();
        else resolve(steps);
      };
    });
    if (walked < slice) return missing;
  }
}

/** The suspects still missing from `owners`, with how many records of `index` name them and a few of their ids. */
async function confirm(index: IDBIndex, owners: IDBObjectStore, suspects: readonly IDBValidKey[]): Promise<DanglingReferences> {
  const found = none();
  for (const key of suspects) {
    if ((await result(owners.getKey(key))) !== undefined) continue;
    const [count, keys] = await Promise.all([result(index.count(key)), found.sampleIds.length < SAMPLES ? result(index.getAllKeys(key, SAMPLES - found.sampleIds.length)) : []]);
    if (count === 0) continue;
    found.count += count;
    if (found.missingIds.length < SAMPLES) found.missingIds.push(String(key));
    found.sampleIds.push(...keys.map(String).slice(0, SAMPLES - found.sampleIds.length));
  }
  return found;
}

const none = (): DanglingReferences => ({ count: 0, sampleIds: [], missingIds: [] });
