import { describe, expect, it } from 'vitest';
import { requestPersistence, type StorageApi } from './storage-status';

function storage(persisted: boolean, grants: boolean): StorageApi & { asked: number } {
  const fake = {
    asked: 0,
    persisted: async () => persisted,
    persist: async () => {
      fake.asked++;
      return grants;
    },
  };
  return fake;
}

describe('requestPersistence', () => {
  it('is kept when the browser already persists it, without asking again', async () => {
    const api = storage(true, false);
    expect(await requestPersistence(async () => false, api)).toBe(true);
    expect(api.asked).toBe(0);
  });

  it('asks once and is kept when the browser grants it', async () => {
    const api = storage(false, true);
    expect(await requestPersistence(async () => false, api)).toBe(true);
    expect(api.asked).toBe(1);
  });

  it('is kept when refused but the extension holds unlimitedStorage (Chrome exempts it from eviction)', async () => {
    expect(await requestPersistence(async () => true, storage(false, false))).toBe(true);
  });

  it('is not kept when refused and without unlimitedStorage, or when nothing answers', async () => {
    expect(await requestPersistence(async () => false, storage(false, false))).toBe(false);
    expect(await requestPersistence(async () => Promise.reject(new Error('no permissions API')), undefined)).toBe(false);
  });
});
