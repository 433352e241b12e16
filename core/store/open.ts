import { wrap, type IDBPDatabase } from 'idb';
import { SCHEMA_VERSION } from '../model';
import { MIGRATION_STEPS } from './migrations';
import type { BookSchema } from './schema';

export interface OpenDatabaseOptions {
  name: string;
  /** The IndexedDB to use: the browser's by default, fake-indexeddb in unit tests. */
  factory?: IDBFactory;
  /** Stop at this version instead of the current one (the migration tests write old books this way). */
  version?: number;
}

/**
 * Opens (creating or upgrading) the book's database, running each missing migration step in order inside the
 * upgrade transaction: a failing step aborts the upgrade and leaves the old version untouched.
 */
export async function openBookDatabase(options: OpenDatabaseOptions): Promise<IDBPDatabase<BookSchema>> {
  const factory = options.factory ?? globalThis.indexedDB;
  const version = options.version ?? SCHEMA_VERSION;
  const request = factory.open(options.name, version);
  let failure: unknown;
  request.addEventListener('upgradeneeded', (event) => {
    const db = wrap(request.result) as IDBPDatabase<unknown>;
    const tx = wrap(request.transaction as IDBTransaction) as unknown as Parameters<(typeof MIGRATION_STEPS)[number]>[1];
    const run = async () => {
      for (let step = event.oldVersion; step < version; step++) await (MIGRATION_STEPS[step] as (typeof MIGRATION_STEPS)[number])(db, tx);
    };
    run().catch((error: unknown) => {
      failure = error;
      request.transaction?.abort();
    });
  });
  try {
    return (await wrap(request)) as unknown as IDBPDatabase<BookSchema>;
  } catch (error) {
    throw failure instanceof Error ? failure : error;
  }
}
