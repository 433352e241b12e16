import type { IDBPDatabase, IDBPTransaction } from 'idb';
import type { CountryCode } from '../identity';
import type { ChangeFeed } from './changes';
import type { BookSchema, BookStoreName } from './schema';

/** What every repository of one open book shares. */
export interface StoreContext {
  db: IDBPDatabase<BookSchema>;
  changes: ChangeFeed;
  now: () => Date;
  defaultCountry: CountryCode;
}

export type WriteTransaction<S extends BookStoreName[]> = IDBPTransaction<BookSchema, S, 'readwrite'>;

/**
 * Runs one user action as one readwrite transaction and announces it once it has committed. `action` must only
 * await requests of `tx`: awaiting anything else lets IndexedDB auto-commit half of the action.
 * If it throws, the transaction is aborted and nothing of the action is written.
 */
export async function writeAtomically<S extends BookStoreName[], T>(
  context: StoreContext,
  stores: S,
  action: (tx: WriteTransaction<S>) => Promise<{ result: T; customerIds: string[] }>,
): Promise<T> {
  const tx = context.db.transaction(stores, 'readwrite');
  let outcome: { result: T; customerIds: string[] };
  try {
    outcome = await action(tx);
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted by the failing request itself.
    }
    await tx.done.catch(() => undefined);
    throw error;
  }
  await tx.done;
  context.changes.publish({ stores: [...stores], customerIds: [...new Set(outcome.customerIds)] });
  return outcome.result;
}

/** Current time as the ISO string records carry. */
export function isoNow(context: StoreContext): string {
  return context.now().toISOString();
}
