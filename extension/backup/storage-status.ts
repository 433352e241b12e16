/** The parts of `navigator.storage` read here (a fake in unit tests). */
export type StorageApi = Pick<StorageManager, 'persisted' | 'persist'>;

const storageApi = (): StorageApi | undefined => globalThis.navigator?.storage;

/**
 * Whether the browser keeps the book when the disk fills up, asking for it once if it does not yet. Firefox grants
 * persistent storage to extensions with `unlimitedStorage`, so `persisted()` says true there. Chrome answers
 * `persist()` from its site-engagement heuristics, which an extension page never earns, but it exempts an
 * extension that holds `unlimitedStorage` from eviction altogether (developer.chrome.com, "Storage and cookies":
 * the permission "exempts extensions from both quota restrictions and eviction"), so holding it counts as kept.
 */
export async function requestPersistence(hasUnlimitedStorage: () => Promise<boolean>, storage: StorageApi | undefined = storageApi()): Promise<boolean> {
  if (storage && ((await storage.persisted().catch(() => false)) || (await storage.persist().catch(() => false)))) return true;
  return hasUnlimitedStorage().catch(() => false);
}
