import { writeAtomically, type StoreContext } from './context';

/**
 * Small settings and derived state kept beside the records (not in backups): the collectors' addresses and read
 * tokens, the book-wide insight cut points. It lives in the book's IndexedDB, in the extension's origin, because
 * content scripts can read `storage.local` and can never open this database.
 */
export class MetaRepository {
  constructor(private readonly context: StoreContext) {}

  async get<T = unknown>(key: string): Promise<T | undefined> {
    return (await this.context.db.get('meta', key)) as T | undefined;
  }

  /** Writes one value and announces it as a change of the `meta` store (no customer looks different). */
  async set(key: string, value: unknown): Promise<void> {
    await writeAtomically(this.context, ['meta'], async (tx) => {
      await tx.objectStore('meta').put(value, key);
      return { result: undefined, customerIds: [] };
    });
  }

  /**
   * Reads one value and writes what `change` makes of it, in one transaction: two edits of the same list never
   * lose one another, and a `change` that throws writes nothing. Returns the value written.
   */
  async update<T>(key: string, change: (value: unknown) => T): Promise<T> {
    return writeAtomically(this.context, ['meta'], async (tx) => {
      const store = tx.objectStore('meta');
      const next = change(await store.get(key));
      await store.put(next, key);
      return { result: next, customerIds: [] };
    });
  }

  /** Removes one value (a key the seller took back, such as the backup key when encryption is turned off). */
  async delete(key: string): Promise<void> {
    await writeAtomically(this.context, ['meta'], async (tx) => {
      await tx.objectStore('meta').delete(key);
      return { result: undefined, customerIds: [] };
    });
  }
}
