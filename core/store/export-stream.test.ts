import { describe, expect, it } from 'vitest';
import type { RecordBatch } from './records';
import { RECORD_STORES } from './schema';
import { addManyCustomers, bookWithEverything, openTestBook } from './test-book';

const byId = (list: readonly { id: string }[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));

describe('reading the whole book in batches', () => {
  it('hands out every record as the model has it, store by store, after the counts', async () => {
    const book = await bookWithEverything();
    await addManyCustomers(book, 25, 2);
    const events: string[] = [];
    const read = Object.fromEntries(RECORD_STORES.map((store) => [store, [] as { id: string }[]])) as Record<string, { id: string }[]>;
    const counts = await book.exportStream(
      (store, records) => {
        events.push(store);
        expect(records.length).toBeLessThanOrEqual(10);
        read[store]!.push(...records);
      },
      { batchSize: 10, onCounts: (counts) => events.push(`counts:${counts.customers}`) },
    );
    expect(counts).toEqual({ tags: 1, customers: 27, orders: 52, notes: 1, feedback: 1, followUps: 1, segments: 1, quickReplies: 1 });
    expect(events[0]).toBe('counts:27');
    // Stores come in RECORD_STORES order, each in one run of batches (customers: 27 in batches of 10).
    expect(events.slice(1)).toEqual(['tags', 'customers', 'customers', 'customers', ...Array(6).fill('orders'), 'notes', 'feedback', 'followUps', 'segments', 'quickReplies']);
    const all = await book.exportAll();
    for (const store of RECORD_STORES) expect(byId(read[store]!), store).toEqual(byId(all[store]));
    // Rows lose their index keys: the customer is the model's customer.
    expect(Object.keys(read.customers![0]!)).not.toContain('identityKeys');
    expect(Object.keys(read.feedback![0]!)).not.toContain('claimKeys');
  });

  it('reads an empty book as counts of zero and no batch', async () => {
    const book = await openTestBook();
    const batches: RecordBatch[] = [];
    expect(await book.exportStream((store, records) => batches.push({ store, records } as RecordBatch))).toEqual({ tags: 0, customers: 0, orders: 0, notes: 0, feedback: 0, followUps: 0, segments: 0, quickReplies: 0 });
    expect(batches).toEqual([]);
  });

  it('stops when cancelled or when the listener throws, rejecting with why', async () => {
    const book = await openTestBook();
    await addManyCustomers(book, 30, 1);
    const controller = new AbortController();
    let batches = 0;
    const cancelled = book.exportStream(
      () => {
        batches++;
        controller.abort();
      },
      { batchSize: 5, signal: controller.signal },
    );
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
    expect(batches).toBe(1);
    const refused = new Error('disk full');
    await expect(book.exportStream(() => { throw refused; }, { batchSize: 5 })).rejects.toBe(refused);
    await expect(book.exportStream(() => undefined, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('reading some stores of the book in batches', () => {
  it('reads only the stores named, in RECORD_STORES order, and counts only those', async () => {
    const book = await bookWithEverything();
    const seen: string[] = [];
    let counted: Record<string, number> = {};
    const counts = await book.exportStream((store, records) => seen.push(`${store}:${records.length}`), { stores: ['orders', 'customers'], onCounts: (given) => (counted = { ...given }) });
    expect(seen).toEqual(['customers:2', 'orders:2']);
    expect(counts).toEqual({ tags: 0, customers: 2, orders: 2, notes: 0, feedback: 0, followUps: 0, segments: 0, quickReplies: 0 });
    expect(counted).toEqual(counts);
    await expect(book.exportStream(() => undefined, { stores: [] })).rejects.toThrow(/stores: name at least one/);
  });
});
