import { describe, expect, it } from 'vitest';
import { bookWithEverything } from '../../core/store/test-book';
import { requestPersistence, storageStatus, type StorageApi } from './storage-status';

/** navigator.storage as the test sets it: `persist` answers `grant` and records that it was asked. */
function fakeStorage(options: { persisted: boolean; grant?: boolean | Error; estimate?: StorageEstimate }) {
  const asked: string[] = [];
  const storage: StorageApi = {
    persisted: async () => options.persisted,
    persist: async () => {
      asked.push('persist');
      if (options.grant instanceof Error) throw options.grant;
      return options.grant ?? false;
    },
    estimate: async () => options.estimate ?? {},
  };
  return { storage, asked };
}

describe('storage status', () => {
  it('asks the browser to persist only when it does not already', async () => {
    const already = fakeStorage({ persisted: true });
    expect(await requestPersistence(already.storage)).toBe(true);
    expect(already.asked).toEqual([]);
    const granted = fakeStorage({ persisted: false, grant: true });
    expect(await requestPersistence(granted.storage)).toBe(true);
    expect(granted.asked).toEqual(['persist']);
    expect(await requestPersistence(fakeStorage({ persisted: false, grant: false }).storage)).toBe(false);
    expect(await requestPersistence(fakeStorage({ persisted: false, grant: new Error('denied') }).storage)).toBe(false);
    expect(await requestPersistence(undefined)).toBe(false);
  });

  it('reports persistence, size and the book’s counts; null where the browser does not say', async () => {
    const book = await bookWithEverything();
    const counts = { tags: 1, customers: 2, orders: 2, notes: 1, feedback: 1, followUps: 1, segments: 1 };
    expect(await storageStatus(book, fakeStorage({ persisted: true, estimate: { usage: 312_000_000, quota: 10_000_000_000 } }).storage)).toEqual({ persisted: true, usage: 312_000_000, quota: 10_000_000_000, counts });
    expect(await storageStatus(book, fakeStorage({ persisted: false }).storage)).toEqual({ persisted: false, usage: null, quota: null, counts });
  });
});
