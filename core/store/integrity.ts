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

/**
 * Counts every record store and looks for references to customers (and tags) that are not in the book, in one
 * readonly transaction. It costs one key read of customers and tags, then one cursor step per distinct
 * customerId of each store (`nextunique` on its index skips a customer's other records); only a missing id
 * costs more requests (a count and a few keys). Feedback filed under a site's visitors points at that site's
 * visitors customer, a real row, so it is not reported.
 */
export function checkIntegrity(context: StoreContext): Promise<IntegrityReport> {
  return new Promise((resolve, reject) => {
    const tx = unwrap(context.db).transaction([...RECORD_STORES], 'readonly');
    const counts = {} as RecordCounts;
    for (const store of RECORD_STORES) {
      const request = tx.objectStore(store).count();
      request.onsuccess = () => (counts[store] = request.result);
    }
    const missingCustomers = Object.fromEntries(CUSTOMER_RECORD_STORES.map((store) => [store, none()])) as IntegrityReport['missingCustomers'];
    const missingTags = none();

    const customerKeys = tx.objectStore('customers').getAllKeys();
    customerKeys.onsuccess = () => {
      const customers = new Set(customerKeys.result);
      for (const store of CUSTOMER_RECORD_STORES) findDangling(tx.objectStore(store).index('customerId'), customers, missingCustomers[store]);
    };
    const tagKeys = tx.objectStore('tags').getAllKeys();
    tagKeys.onsuccess = () => findDangling(tx.objectStore('customers').index('tagIds'), new Set(tagKeys.result), missingTags);

    tx.oncomplete = () => {
      const ok = missingTags.count === 0 && CUSTOMER_RECORD_STORES.every((store) => missingCustomers[store].count === 0);
      resolve({ counts, missingCustomers, missingTags, ok });
    };
    tx.onabort = () => reject(tx.error ?? new Error('The integrity check was aborted'));
  });
}

const none = (): DanglingReferences => ({ count: 0, sampleIds: [], missingIds: [] });

/** Walks the distinct keys of `index`; each not in `present` is counted and sampled into `found`. */
function findDangling(index: IDBIndex, present: ReadonlySet<IDBValidKey>, found: DanglingReferences): void {
  const cursorRequest = index.openKeyCursor(null, 'nextunique');
  cursorRequest.onsuccess = () => {
    const cursor = cursorRequest.result;
    if (!cursor) return;
    const key = cursor.key;
    if (!present.has(key)) {
      if (found.missingIds.length < SAMPLES) found.missingIds.push(String(key));
      const count = index.count(key);
      count.onsuccess = () => (found.count += count.result);
      // Requests of one transaction answer in the order they were made, so these keys arrive before the
      // cursor's next step: the sample is filled in key order without reserving slots.
      if (found.sampleIds.length < SAMPLES) {
        const keys = index.getAllKeys(key, SAMPLES - found.sampleIds.length);
        keys.onsuccess = () => found.sampleIds.push(...keys.result.map(String).slice(0, SAMPLES - found.sampleIds.length));
      }
    }
    cursor.continue();
  };
}
