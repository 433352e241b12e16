import { describe, expect, it } from 'vitest';
import { openBook } from '../store';
import { bookWithEverything, openTestBook } from '../store/test-book';
import { BackupError, exportBackup, parseBackup, restoreBackup, serializeBackup } from './backup';
import { schemaVersion1Backup } from './testing/schema-1-backup';

describe('backup', () => {
  it('backup then restore into an empty book gives an identical book', async () => {
    const source = await bookWithEverything();
    const text = serializeBackup(await exportBackup(source));
    const target = await openTestBook();
    const counts = await restoreBackup(target, text);
    expect(counts).toEqual({ tags: 1, customers: 2, orders: 2, notes: 1, feedback: 1, followUps: 1, segments: 1, quickReplies: 1 });
    const sort = (list: { id: string }[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    const [before, after] = [await source.exportAll(), await target.exportAll()];
    for (const store of Object.keys(before) as (keyof typeof before)[]) expect(sort(after[store]), store).toEqual(sort(before[store]));
    expect(serializeBackup(await exportBackup(target, new Date(0)))).toBe(serializeBackup(await exportBackup(source, new Date(0))));
    expect((await target.customers.findByIdentity('email', 'ana@example.com'))[0]?.displayName).toBe('Ana Souza');
  });

  it('restoring a corrupt, truncated or foreign file changes nothing and says what is wrong', async () => {
    const book = await bookWithEverything();
    const before = await book.exportAll();
    const good = serializeBackup(await exportBackup(book));
    const document = JSON.parse(good);
    const cases: [string, string, RegExp, BackupError['code']][] = [
      ['truncated', good.slice(0, Math.floor(good.length * 0.6)), /not valid JSON \(is it cut short\?\)/, 'not-json'],
      ['foreign', JSON.stringify({ contacts: [] }), /not a Clientela backup/, 'not-backup'],
      ['newer', JSON.stringify({ ...document, schemaVersion: 99 }), /newer Clientela \(schema 99/, 'newer-version'],
      ['bad record', JSON.stringify({ ...document, orders: [{ ...document.orders[0], totalMinor: 12.5 }, document.orders[1]] }), /orders\[0\]\.totalMinor: must be a whole number/, 'invalid-records'],
      ['dangling', JSON.stringify({ ...document, customers: document.customers.slice(0, 1), counts: { ...document.counts, customers: 1 } }), /customerId: no customer/, 'inconsistent'],
      ['count off', JSON.stringify({ ...document, counts: { ...document.counts, notes: 5 } }), /counts\.notes: says 5 but the file has 1/, 'inconsistent'],
      ['duplicate id', JSON.stringify({ ...document, notes: [document.notes[0], document.notes[0]], counts: { ...document.counts, notes: 2 } }), /notes\[1\]\.id: .* appears twice/, 'inconsistent'],
      ['unknown tag', JSON.stringify({ ...document, tags: [], counts: { ...document.counts, tags: 0 } }), /customers\[\d\]\.tagIds\[0\]: no tag/, 'inconsistent'],
    ];
    for (const [label, text, message, code] of cases) {
      const error = await restoreBackup(book, text).catch((e: unknown) => e);
      expect(error, label).toBeInstanceOf(BackupError);
      expect((error as BackupError).code, label).toBe(code);
      expect((error as Error).message, label).toMatch(message);
      expect(await book.exportAll(), label).toEqual(before);
    }
  });

  it('a restore that cannot be written leaves the old book whole', async () => {
    const book = await bookWithEverything();
    const before = await book.exportAll();
    const contents = parseBackup(serializeBackup(await exportBackup(book)));
    // Two customers claiming one id pass schema checks one by one; writing both would keep one: refused whole.
    const broken = { ...contents, customers: [contents.customers[0]!, { ...contents.customers[1]!, id: contents.customers[0]!.id }] };
    await expect(book.replaceAll(broken)).rejects.toThrow();
    expect(await book.exportAll()).toEqual(before);
  });

  it('reads a backup written at schema version 1 and fills what version 2 derives', () => {
    const v1 = schemaVersion1Backup();
    const parsed = parseBackup(JSON.stringify(v1));
    expect(parsed.customers[0]).toMatchObject({ lastOrderAt: '2025-03-01T10:00:00.000Z', merges: [] });
    expect(parsed.segments).toEqual([]);
  });

  it('restores a backup written at schema version 3, whose feedback claims no contact', async () => {
    const book = await openTestBook();
    const ana = await book.customers.create({ displayName: 'Ana', identities: [{ kind: 'email', value: 'ana@example.com' }] });
    await book.feedback.add({ customerId: ana.id, kind: 'csat', score: 5, comment: null, receivedAt: '2026-10-02T10:00:00Z', source: 'storefront', verified: false, externalId: 'c#1' });
    const document = JSON.parse(serializeBackup(await exportBackup(book))) as { schemaVersion: number; feedback: Record<string, unknown>[] };
    const v3 = { ...document, schemaVersion: 3, feedback: document.feedback.map(({ claim: _claim, ...rest }) => rest) };
    const restored = await openTestBook();
    await restoreBackup(restored, JSON.stringify(v3));
    expect((await restored.feedback.list()).map((f) => [f.externalId, f.claim])).toEqual([['c#1', null]]);
    expect(await restored.feedback.pendingClaimsFor(['email:ana@example.com'])).toEqual([]);
  });
});

describe('change feed across contexts', () => {
  it('a write in one open copy of the book reaches listeners of another (as extension pages and the background)', async () => {
    const name = `shared-${Math.random()}`;
    const page = await openBook({ name });
    const background = await openBook({ name });
    const heard = new Promise<string[]>((resolve) => background.onChange((change) => resolve(change.customerIds)));
    const ana = await page.customers.create({ displayName: 'Ana' });
    expect(await heard).toEqual([ana.id]);
    expect(await background.customers.count()).toBe(1);
    page.close();
    background.close();
  });
});
