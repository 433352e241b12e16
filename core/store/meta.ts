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

  /** Removes one value (a key the seller took back, such as the backup key when encryption is turned off). */
  async delete(key: string): Promise<void> {
    await writeAtomically(this.context, ['meta'], async (tx) => {
      await tx.objectStore('meta').delete(key);
      return { result: undefined, customerIds: [] };
    });
  }
}
