import { describe, expect, it } from 'vitest';
import { CLEANUP_ARCHIVES_KEPT } from '../cleanup/cleanup-archives';
import { openBook } from './book';
import { testBookName } from './test-book';

/** A book whose clock the test moves, so each write has its own instant. */
async function bookAt(start: string) {
  let now = new Date(start);
  const book = await openBook({ name: testBookName(), now: () => now });
  const later = (minutes: number) => {
    now = new Date(now.getTime() + minutes * 60_000);
  };
  const [ana, bia, caio] = await book.customers.createMany([{ displayName: 'Ana' }, { displayName: 'Bia' }, { displayName: 'Caio' }]);
  return { book, later, ids: [ana?.id, bia?.id, caio?.id] as [string, string, string] };
}

describe('clean-up archives', () => {
  it('undoes only what is still this archive’s: not a customer unarchived and archived again since, nor one merged away', async () => {
    const { book, later, ids } = await bookAt('2026-12-01T13:00:00.000Z');
    const [ana, bia, caio] = ids;
    const archive = await book.archiveForCleanup([ana, bia, caio], { kind: 'reason', reason: 'lost' });
    later(5);
    // Bia was unarchived and archived again by the seller: that later archive is not this one's to undo.
    await book.customers.updateMany([bia], { kind: 'archive', archived: false });
    later(1);
    await book.customers.updateMany([bia], { kind: 'archive', archived: true });
    // Caio merged into Ana: gone from the book.
    await book.merge(ana, [caio]);
    later(1);
    const { restored } = await book.undoCleanupArchive(archive.id);
    expect(restored).toBe(1);
    expect((await book.customers.get(ana))?.archivedAt).toBeNull();
    expect((await book.customers.get(bia))?.archivedAt).not.toBeNull();
    expect(await book.customers.get(caio)).toBeUndefined();
    book.close();
  });

  it('announces the customers it changed, once, and keeps the latest archives only', async () => {
    const { book, later, ids } = await bookAt('2026-12-01T13:00:00.000Z');
    const heard: string[][] = [];
    book.onChange((change) => heard.push([...change.stores, ...change.customerIds]));
    const first = await book.archiveForCleanup([ids[0]], { kind: 'text', text: 'Mudou de cidade' });
    expect(heard).toEqual([['customers', 'meta', ids[0]]]);
    await book.undoCleanupArchive(first.id);
    for (let i = 0; i < CLEANUP_ARCHIVES_KEPT; i++) {
      later(1);
      await book.archiveForCleanup([ids[1]], { kind: 'reason', reason: 'unhappy' });
      await book.customers.updateMany([ids[1]], { kind: 'archive', archived: false });
    }
    const log = await book.cleanupArchives();
    expect(log).toHaveLength(CLEANUP_ARCHIVES_KEPT);
    expect(log.some((entry) => entry.id === first.id)).toBe(false);
    await expect(book.undoCleanupArchive(first.id)).rejects.toThrow(/no clean-up archive/);
    book.close();
  });
});
