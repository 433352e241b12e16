import { describe, expect, it } from 'vitest';
import type { BookChange } from './changes';
import type { RecordBatch } from './records';
import type { RecordBatchSource } from './replace-from';
import { addManyCustomers, bookWithEverything, openTestBook } from './test-book';
import type { Book } from './book';

/** Everything `book` holds, read into batches of `size`, as a source that records when it is pulled. */
async function sourceOf(book: Book, size: number, log: string[] = []): Promise<RecordBatchSource & { batches: RecordBatch[] }> {
  const batches: RecordBatch[] = [];
  await book.exportStream((store, records) => batches.push({ store, records } as RecordBatch), { batchSize: size });
  let next = 0;
  return {
    batches,
    next() {
      log.push(`next ${next}`);
      return batches[next++] ?? null;
    },
    finish() {
      log.push('finish');
    },
  };
}

describe('replacing the whole book from a source of batches', () => {
  it('writes what the source yields in place of everything, announces it once, and reports progress', async () => {
    const source = await bookWithEverything();
    await addManyCustomers(source, 40, 3);
    const target = await bookWithEverything();
    await addManyCustomers(target, 5, 1);
    const changes: BookChange[] = [];
    target.onChange((change) => changes.push(change));
    const log: string[] = [];
    const progress: number[] = [];
    await target.replaceAllFrom(await sourceOf(source, 16, log), { onProgress: (written) => progress.push(written) });
    expect(await target.exportAll()).toEqual(await source.exportAll());
    expect((await target.customers.findByIdentity('instagram', '@cliente_7'))[0]?.displayName).toBe('Cliente 7');
    expect(changes).toEqual([{ stores: ['tags', 'customers', 'orders', 'notes', 'feedback', 'followUps', 'segments', 'quickReplies'], customerIds: [], wholeBook: true }]);
    expect(progress.at(-1)).toBe(10 + 40 + 120);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(log.at(-1)).toBe('finish');
  });

  it('keeps two batches in flight: the next is pulled before the one before it is written', async () => {
    const source = await openTestBook();
    await addManyCustomers(source, 64, 0);
    const target = await openTestBook();
    const log: string[] = [];
    await target.replaceAllFrom(await sourceOf(source, 8, log), { onProgress: (written) => log.push(`written ${written}`) });
    // Batch 0 and 1 are pulled at once; batch 2 as soon as batch 0 starts landing, before it is all written.
    expect(log.slice(0, 4)).toEqual(['next 0', 'next 1', 'next 2', 'written 8']);
    expect(log.indexOf('next 3')).toBeLessThan(log.indexOf('written 16'));
  });

  it('leaves the book exactly as it was when the source fails midway, refuses at the end, a write fails or it is cancelled', async () => {
    const book = await bookWithEverything();
    await addManyCustomers(book, 20, 2);
    const before = await book.exportAll();
    const other = await openTestBook();
    await addManyCustomers(other, 50, 2);
    const changes: BookChange[] = [];
    book.onChange((change) => changes.push(change));

    const broken = new Error('line 40: orders[12].totalMinor: must be a whole number');
    const failing = await sourceOf(other, 10);
    let pulled = 0;
    const next = failing.next.bind(failing);
    failing.next = () => {
      if (++pulled === 8) throw broken;
      return next();
    };
    await expect(book.replaceAllFrom(failing)).rejects.toBe(broken);
    expect(pulled).toBe(8);
    expect(await book.exportAll()).toEqual(before);

    const refused = new Error('counts.orders: says 99 but the file has 100');
    const refusing = await sourceOf(other, 10);
    refusing.finish = () => {
      throw refused;
    };
    await expect(book.replaceAllFrom(refusing)).rejects.toBe(refused);
    expect(await book.exportAll()).toEqual(before);

    // A record without an id cannot be stored (its key path is missing): the write itself fails.
    const unwritable = await sourceOf(other, 10);
    const [, customers] = unwritable.batches;
    unwritable.batches[1] = { store: 'customers', records: [...customers!.records.slice(0, 5), { ...customers!.records[5], id: undefined }] } as unknown as RecordBatch;
    await expect(book.replaceAllFrom(unwritable)).rejects.toMatchObject({ name: 'DataError' });
    expect(await book.exportAll()).toEqual(before);

    const controller = new AbortController();
    const cancelled = book.replaceAllFrom(await sourceOf(other, 10), { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
    expect(await book.exportAll()).toEqual(before);
    await expect(book.replaceAllFrom(await sourceOf(other, 10), { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    expect(await book.exportAll()).toEqual(before);
    expect(changes).toEqual([]);
  });

  it('replaceAll refuses two records sharing an id before writing anything', async () => {
    const book = await bookWithEverything();
    const before = await book.exportAll();
    const twice = { ...before, notes: [before.notes[0]!, { ...before.notes[0]!, text: 'outra' }] };
    await expect(book.replaceAll(twice)).rejects.toThrow(`notes: two records have the id ${before.notes[0]!.id}`);
    expect(await book.exportAll()).toEqual(before);
    const empty = { tags: [], customers: [], orders: [], notes: [], feedback: [], followUps: [], segments: [], quickReplies: [] };
    await book.replaceAll(empty);
    expect(await book.exportAll()).toEqual(empty);
  });
});
