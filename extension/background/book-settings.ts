import type { Book } from '../../core';
import type { KeyValueStore } from './collectors';

/** The part of `browser.storage.local` read once to move old settings out of it. */
interface LegacyStorage {
  get(key: string): Promise<Record<string, unknown>>;
  remove(key: string): Promise<void>;
}

/** Settings that must stay out of reach of content scripts: the collectors' read tokens. */
const MOVED_KEYS = ['collectors'];

/**
 * A key-value store for the background's settings in the book's `meta` store. Content scripts can read
 * `storage.local` (on Chrome and on Firefox); they can never open the book's IndexedDB, which lives in the
 * extension's origin. Values an earlier version kept in `storage.local` are moved here once and removed there.
 */
export async function bookSettings(book: Book, legacy: LegacyStorage): Promise<KeyValueStore> {
  const prefix = 'settings.';
  for (const key of MOVED_KEYS) {
    const old = (await legacy.get(key))[key];
    if (old === undefined) continue;
    if ((await book.meta.get(prefix + key)) === undefined) await book.meta.set(prefix + key, old);
    await legacy.remove(key);
  }
  return {
    get: (key) => book.meta.get(prefix + key),
    set: (key, value) => book.meta.set(prefix + key, value),
  };
}
