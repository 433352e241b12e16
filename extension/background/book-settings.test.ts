import { describe, expect, it } from 'vitest';
import { openTestBook } from '../../core/store/test-book';
import { bookSettings } from './book-settings';

/** A stand-in for browser.storage.local, which content scripts can read. */
function legacyStorage(initial: Record<string, unknown>) {
  const data = { ...initial };
  return {
    data,
    get: async (key: string) => (key in data ? { [key]: data[key] } : {}),
    remove: async (key: string) => {
      delete data[key];
    },
  };
}

describe('background settings in the book (out of content scripts’ reach)', () => {
  it('moves collectors an earlier version kept in storage.local into the book, and removes them there', async () => {
    const book = await openTestBook();
    // A read token as collectors make them (generated; weak ones are refused).
    const token = '2_Gk9W3U8ndEf7JV34RmPI75eBbyQsxR';
    const legacy = legacyStorage({ collectors: [{ id: 'c1', token }], 'sidebar.collapsed': true });
    const settings = await bookSettings(book, legacy);
    expect(await settings.get('collectors')).toEqual([{ id: 'c1', token }]);
    expect(legacy.data).toEqual({ 'sidebar.collapsed': true });
    expect(JSON.stringify(legacy.data)).not.toContain(token);
  });

  it('keeps what the book already has when both hold collectors, and writes new values to the book only', async () => {
    const book = await openTestBook();
    await book.meta.set('settings.collectors', [{ id: 'new' }]);
    const legacy = legacyStorage({ collectors: [{ id: 'old' }] });
    const settings = await bookSettings(book, legacy);
    expect(await settings.get('collectors')).toEqual([{ id: 'new' }]);
    await settings.set('collectors', [{ id: 'newer' }]);
    expect(await book.meta.get('settings.collectors')).toEqual([{ id: 'newer' }]);
    expect(legacy.data).toEqual({});
  });
});
