import { unwrap } from 'idb';
import { abortError } from './abort';
import { wholeTransaction } from './whole-transaction';
import type { StoreContext } from './context';
import { recordConverter, type RecordCounts, type RecordOf } from './records';
import { RECORD_STORES, type RecordStoreName } from './schema';

/** Receives each batch of records as it is read; it runs inside the read transaction, so it must not await. */
export type ExportBatchListener = <S extends RecordStoreName>(store: S, records: ReadonlyArray<RecordOf<S>>) => void;

export interface ExportStreamOptions {
  /** Records per read (default 1000). */
  batchSize?: number;
  signal?: AbortSignal;
  /** Told how many records each store holds before the first batch (a writer's header, a progress bar's total). */
  onCounts?: (counts: Readonly<RecordCounts>) => void;
  /**
   * Only these stores, in RECORD_STORES order (default all): a CSV of orders has no use for notes or feedback, and
   * the transaction then holds back no writer to the stores it leaves out. Stores left out count 0.
   */
  stores?: readonly RecordStoreName[];
}

/**
 * Reads every record, store by store in RECORD_STORES order, in batches, all in ONE readonly transaction so the
 * copy is consistent. Each read is issued from the previous one's success callback, before that batch is handed
 * out: a transaction stays alive only while it has requests, and this keeps the next read running while the
 * listener works. Resolves with the counts once the transaction completes; a throwing listener or an aborted
 * signal aborts it and rejects (with the listener's error, or an AbortError).
 */
export function exportStream(context: StoreContext, onBatch: ExportBatchListener, options: ExportStreamOptions = {}): Promise<RecordCounts> {
  const batchSize = options.batchSize ?? 1000;
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(abortError(signal));
  const stores = options.stores === undefined ? RECORD_STORES : RECORD_STORES.filter((store) => options.stores?.includes(store));
  if (stores.length === 0) return Promise.reject(new Error('stores: name at least one store to read'));
  const tx = unwrap(context.db).transaction([...stores], 'readonly');
  const counts = Object.fromEntries(RECORD_STORES.map((store) => [store, 0])) as RecordCounts;
  // A listener that throws after the last read (nothing left to abort) still fails the export.
  let late: { error: unknown } | null = null;
  return wholeTransaction(
    tx,
    signal,
    (fail) => {
      const guarded = (step: () => void) => () => {
        try {
          step();
        } catch (error) {
          late ??= { error };
          fail(error);
        }
      };
      const read = (storeIndex: number, after: string | null) => {
        const store: RecordStoreName | undefined = stores[storeIndex];
        if (store === undefined) return;
        const convert = recordConverter(store);
        const range = after === null ? null : IDBKeyRange.lowerBound(after, true);
        const request = tx.objectStore(store).getAll(range, batchSize);
        request.onsuccess = guarded(() => {
          const rows = request.result as { id: string }[];
          const last = rows[rows.length - 1];
          if (last && rows.length === batchSize) read(storeIndex, last.id);
          else read(storeIndex + 1, null);
          if (rows.length > 0) onBatch(store, rows.map(convert as (row: unknown) => RecordOf<RecordStoreName>));
        });
      };
      let counting = stores.length;
      for (const store of stores) {
        const request = tx.objectStore(store).count();
        request.onsuccess = guarded(() => {
          counts[store] = request.result;
          if (--counting > 0) return;
          options.onCounts?.(counts);
          read(0, null);
        });
      }
    },
    () => {
      if (late) throw late.error;
      return counts;
    },
  );
}
