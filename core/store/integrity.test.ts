import { describe, expect, it } from 'vitest';
import { takeInFeedback } from '../io/feedback-intake';
import type { CollectedFeedback } from '../io/feedback-wire';
import { bookWithEverything, openTestBook, testBookName } from './test-book';

/** Runs `write` on a raw connection to the database, as a bug or another tool could have written it. */
async function writeRaw(name: string, stores: string[], write: (tx: IDBTransaction) => void): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const tx = db.transaction(stores, 'readwrite');
  write(tx);
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onabort = () => reject(tx.error);
  });
  db.close();
}

const anonymousFeedback = { id: 'f1', site: 'demo', kind: 'csat', score: 5, comment: null, contact: null, consent: null, page: null, locale: 'pt-BR', orderId: null, verified: false, receivedAt: '2026-11-20T10:00:00.000Z' } as CollectedFeedback;

describe('integrity check', () => {
  it('finds nothing wrong in a whole book, feedback filed under a site’s visitors and claims included', async () => {
    const book = await bookWithEverything();
    await takeInFeedback(book, [anonymousFeedback, { ...anonymousFeedback, id: 'f2', contact: { email: 'ana@example.com', phone: null, name: 'Ana' } }], 'http://127.0.0.1:8787#demo');
    expect((await book.feedback.pendingClaimsFor(['email:ana@example.com'])).length).toBe(1);
    const report = await book.integrity();
    expect(report.ok).toBe(true);
    expect(report.counts).toEqual({ tags: 1, customers: 3, orders: 2, notes: 1, feedback: 3, followUps: 1, segments: 1, quickReplies: 1 });
    const none = { count: 0, sampleIds: [], missingIds: [] };
    expect(report.missingCustomers).toEqual({ orders: none, notes: none, feedback: none, followUps: none });
    expect(report.missingTags).toEqual(none);
    // The cheap count the book page refreshes after writes agrees with the full check's.
    expect(await book.countRecords()).toEqual(report.counts);
  });

  it('reports records whose customer or tag is gone, and deletes nothing', async () => {
    const name = testBookName();
    const book = await bookWithEverything(await openTestBook(undefined, name));
    const [ana] = await book.customers.findByIdentity('email', 'ana@example.com');
    const [order] = await book.orders.listByCustomer(ana!.id);
    await writeRaw(name, ['orders', 'followUps', 'tags'], (tx) => {
      for (let i = 0; i < 7; i++) tx.objectStore('orders').put({ ...order, id: `lost-${i}`, customerId: i < 6 ? 'gone-1' : 'gone-2' });
      tx.objectStore('followUps').put({ id: 'fu-lost', customerId: 'gone-3', due: '2026-12-01T12:00:00.000Z', text: 'x', done: false, createdAt: '2026-11-01T12:00:00.000Z' });
      tx.objectStore('tags').clear();
    });
    const before = await book.exportAll();
    const report = await book.integrity();
    expect(report.ok).toBe(false);
    expect(report.counts.orders).toBe(9);
    expect(report.missingCustomers.orders).toEqual({ count: 7, sampleIds: ['lost-0', 'lost-1', 'lost-2', 'lost-3', 'lost-4'], missingIds: ['gone-1', 'gone-2'] });
    expect(report.missingCustomers.followUps).toEqual({ count: 1, sampleIds: ['fu-lost'], missingIds: ['gone-3'] });
    expect(report.missingCustomers.notes.count).toBe(0);
    expect(report.missingTags).toEqual({ count: 1, sampleIds: [ana!.id], missingIds: ana!.tagIds });
    expect(await book.exportAll()).toEqual(before);
    // Walked one key per transaction, the report is the same.
    expect(await book.integrity({ keysPerSlice: 1 })).toEqual(report);
  });

  it('lets writes in between its slices instead of holding the book for the whole walk', async () => {
    const book = await openTestBook();
    const created = await book.customers.createMany(Array.from({ length: 30 }, (_, i) => ({ displayName: `Cliente ${i}` })));
    for (const customer of created) await book.orders.add({ customerId: customer.id, placedAt: '2026-11-01T12:00:00.000Z', totalMinor: 1000, currency: 'BRL' });
    const finished: string[] = [];
    const check = book.integrity({ keysPerSlice: 2 }).then((report) => {
      finished.push('check');
      return report;
    });
    // A sale recorded while the check walks the orders: it waits for one slice, not for the whole check.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await book.orders.add({ customerId: created[0]!.id, placedAt: '2026-11-02T12:00:00.000Z', totalMinor: 500, currency: 'BRL' });
    finished.push('sale');
    const report = await check;
    expect(finished).toEqual(['sale', 'check']);
    expect(report.ok).toBe(true);
    // The counts are taken at the end, with the sale.
    expect(report.counts.orders).toBe(31);
  });
});
