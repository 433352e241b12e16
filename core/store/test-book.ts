import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { openBook, type Book } from './book';

let counter = 0;

/** A database name no other test uses. */
export function testBookName(): string {
  counter += 1;
  return `test-book-${counter}-${Math.random()}`;
}

/** A fresh book in fake-indexeddb with a fixed clock, for unit tests. */
export async function openTestBook(now = new Date('2026-11-22T12:00:00.000Z'), name = testBookName()): Promise<Book> {
  return openBook({ name, now: () => now });
}

/**
 * A small book with a record in every store and the awkward cases a copy must keep: an archived customer,
 * markup and quotes in text, custom fields with accents, a refund in another currency, a saved segment, a quick reply.
 */
export async function bookWithEverything(book?: Book): Promise<Book> {
  book ??= await openTestBook();
  const vip = await book.tags.create({ name: 'VIP', colour: '#aa0000', key: '1' });
  const ana = await book.customers.create({
    displayName: 'Ana Souza',
    identities: [{ kind: 'phone', value: '11 98765-4321' }, { kind: 'email', value: 'Ana@Example.com' }],
    tagIds: [vip.id],
    funnelStage: 'decision',
    customFields: { tamanho: 'M', aniversário: '12/03' },
  });
  const bia = await book.customers.create({ displayName: 'Bia <b>Lima</b>', identities: [{ kind: 'instagram', value: '@bia' }] });
  await book.orders.add({
    customerId: ana.id,
    placedAt: '2026-10-01T10:00:00Z',
    totalMinor: 123456,
    currency: 'BRL',
    items: [{ name: 'Vestido', category: 'Roupas', quantity: 2, unitPriceMinor: 61728 }],
    channel: 'whatsapp',
  });
  await book.orders.add({ customerId: bia.id, placedAt: '2026-10-05T10:00:00Z', totalMinor: 900, currency: 'EUR', status: 'refunded' });
  await book.notes.add(ana.id, 'Prefere PIX');
  await book.feedback.add({ customerId: ana.id, kind: 'nps', score: 9, comment: '"Ótimo"\n<script>', receivedAt: '2026-10-02T10:00:00Z', source: 'storefront', verified: true, externalId: 'c-1' });
  await book.followUps.add(ana.id, '2026-12-01T12:00:00Z', 'Mandar catálogo');
  await book.customers.setArchived([bia.id], true);
  await book.segments.save({ name: 'VIPs que sumiram', rule: { all: [{ field: 'tags', op: 'hasAny', value: [vip.id] }, { field: 'activity', op: 'in', value: ['inactive', 'lost'] }] } });
  await book.quickReplies.save({ name: 'Fechar <pedido>', stage: { kind: 'funnel', id: 'decision' }, text: '{nome}, a chave PIX é {chave_pix}.\n"Obrigada"!' });
  return book;
}

/** Adds `customers` customers with `ordersEach` orders each (two writes in all), for tests that need many batches. */
export async function addManyCustomers(book: Book, customers: number, ordersEach: number): Promise<void> {
  const created = await book.customers.createMany(Array.from({ length: customers }, (_, i) => ({ displayName: `Cliente ${i}`, identities: [{ kind: 'instagram' as const, value: `@cliente_${i}` }] })));
  await book.orders.addMany(
    created.flatMap((customer, i) =>
      Array.from({ length: ordersEach }, (_, k) => ({ customerId: customer.id, placedAt: new Date(Date.UTC(2026, 0, 1 + ((i + k) % 300))).toISOString(), totalMinor: 1000 + i + k, currency: 'BRL' })),
    ),
  );
}

/**
 * Every store of a book's database, keys and values, as one JSON text: what tests search for a trace of erased
 * data (the meta store included, which exportAll leaves out).
 */
export async function dumpBookDatabase(name: string): Promise<string> {
  const db = await openDB(name);
  try {
    const stores = [...db.objectStoreNames];
    const tx = db.transaction(stores);
    const dump: Record<string, unknown> = {};
    for (const store of stores) {
      const [keys, values] = await Promise.all([tx.objectStore(store).getAllKeys(), tx.objectStore(store).getAll()]);
      dump[store] = keys.map((key, index) => [key, values[index]]);
    }
    return JSON.stringify(dump);
  } finally {
    db.close();
  }
}
