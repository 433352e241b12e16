import { unwrap } from 'idb';
import { abortError } from './abort';
import { wholeTransaction } from './whole-transaction';
import type { StoreContext } from './context';
import { rowConverter, type RecordBatch } from './records';
import { RECORD_STORES } from './schema';

/**
 * Hands out a whole book's records batch by batch, synchronously (it is called inside IndexedDB callbacks, where
 * awaiting anything else would let the transaction commit half a book). `next()` returns null at the end; then
 * `finish()` may still refuse the whole (say, counts that disagree with a header) by throwing.
 */
export interface RecordBatchSource {
  next(): RecordBatch | null;
  finish?(): void;
}

export interface ReplaceOptions {
  signal?: AbortSignal;
  /** Told how many records are written so far, once per batch. */
  onProgress?: (written: number) => void;
}

/**
 * Replaces every record store with what `source` yields, in ONE readwrite transaction: the stores are cleared,
 * then each batch is `put` with plain IndexedDB requests (no promise per record). Records are taken as given:
 * callers validate them first, ids unique per store included (a put of a repeated id keeps the last).
 *
 * Two batches are kept in flight: the next batch is pulled when the first write of the one before it succeeds,
 * so the database works through a batch while the source parses the next one. If the source throws, a write
 * fails or the signal aborts, the transaction is aborted and this rejects with that error once it has rolled
 * back: the book is exactly as before. After the commit the change is announced as a whole-book change.
 */
export function replaceAllFrom(context: StoreContext, source: RecordBatchSource, options: ReplaceOptions = {}): Promise<void> {
  const { signal, onProgress } = options;
  if (signal?.aborted) return Promise.reject(abortError(signal));
  const tx = unwrap(context.db).transaction([...RECORD_STORES], 'readwrite');
  const stores = new Map(RECORD_STORES.map((name) => [name, tx.objectStore(name)] as const));
  return wholeTransaction(
    tx,
    signal,
    (fail) => {
      let ended = false;
      let queued = 0;
      let failed = false;
      const stop = (error: unknown) => {
        failed = true;
        fail(error);
      };
      const report = (written: number) => {
        try {
          onProgress?.(written);
        } catch (error) {
          stop(error);
        }
      };
      const pull = () => {
        if (failed || ended) return;
        try {
          for (;;) {
            const batch = source.next();
            if (batch === null) {
              ended = true;
              source.finish?.();
              return;
            }
            if (batch.records.length === 0) continue;
            const written = (queued += batch.records.length);
            const [first, last] = putAll(stores.get(batch.store) as IDBObjectStore, batch, rowConverter(batch.store, context.defaultCountry));
            if (first === last) {
              first.onsuccess = () => {
                report(written);
                pull();
              };
            } else {
              first.onsuccess = pull;
              last.onsuccess = () => report(written);
            }
            return;
          }
        } catch (error) {
          stop(error);
        }
      };
      for (const store of stores.values()) store.clear();
      pull();
      pull();
    },
    () => context.changes.publish({ stores: [...RECORD_STORES], customerIds: [], wholeBook: true }),
  );
}

/** Puts every record of a non-empty batch; returns its first and last requests. */
function putAll(store: IDBObjectStore, batch: RecordBatch, toRow: (record: never) => unknown): [IDBRequest, IDBRequest] {
  const records = batch.records as readonly never[];
  const first = store.put(toRow(records[0] as never));
  let last = first;
  for (let i = 1; i < records.length; i++) last = store.put(toRow(records[i] as never));
  return [first, last];
}

