import type { Book, RecordCounts } from '../../core';

/** The parts of `navigator.storage` read here (a fake in unit tests). */
export type StorageApi = Pick<StorageManager, 'persisted' | 'persist' | 'estimate'>;

export interface StorageStatus {
  /** The browser will not erase the book to free disk space. */
  persisted: boolean;
  /** Bytes the extension's origin uses and may use, as the browser estimates them; null when it will not say. */
  usage: number | null;
  quota: number | null;
  counts: RecordCounts;
}

const storageApi = (): StorageApi | undefined => globalThis.navigator?.storage;

/**
 * Asks the browser once to keep the book's storage when the disk fills up (`unlimitedStorage` lifts the quota,
 * not eviction). Chrome answers from its own heuristics without a prompt; Firefox grants extensions with
 * `unlimitedStorage`. Resolves with whether storage is persisted now.
 */
export async function requestPersistence(storage: StorageApi | undefined = storageApi()): Promise<boolean> {
  if (!storage) return false;
  if (await storage.persisted()) return true;
  return storage.persist().catch(() => false);
}

/** What the storage panel shows: persistence, size and how many records of each kind the book holds. */
export async function storageStatus(book: Book, storage: StorageApi | undefined = storageApi()): Promise<StorageStatus> {
  const [persisted, estimate, report] = await Promise.all([
    storage ? storage.persisted().catch(() => false) : false,
    storage ? storage.estimate().catch(() => ({}) as StorageEstimate) : ({} as StorageEstimate),
    book.integrity(),
  ]);
  return { persisted, usage: estimate.usage ?? null, quota: estimate.quota ?? null, counts: report.counts };
}
