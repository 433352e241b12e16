import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readOrdersCsv } from '../io/import';
import { SAO_PAULO, shopifyReading } from '../io/store-order/testing/readings';
import { ValidationError } from '../model';
import type { Book } from './book';
import type { BookChange } from './changes';
import { importIntoBook } from './import-into';
import { saveStoreOrder, StoreOrderRefused } from './save-store-order';
import { openTestBook } from './test-book';

const save = (book: Book, reading: unknown) => saveStoreOrder(book, reading, SAO_PAULO);

/** Every record of the book and how many of each: what a refused save must leave as it was. */
async function records(book: Book) {
  const contents = await book.exportAll();
  return { contents, counts: Object.fromEntries(Object.entries(contents).map(([store, list]) => [store, (list as unknown[]).length])) };
}

function watch(book: Book): BookChange[] {
  const changes: BookChange[] = [];
  book.onChange((change) => changes.push(change));
  return changes;
}

describe('saving the order a store page shows', () => {
  it('creates a buyer new to the book with the order, and announces the write', async () => {
    const book = await openTestBook();
    const changes = watch(book);
    const saved = await save(book, shopifyReading());
    expect(saved).toEqual({ outcome: 'created', orderId: 'import:shopify:#1001', customerId: expect.any(String), newCustomer: true, missing: [{ field: 'cpf', reason: 'absent' }] });
    const ana = await book.customers.get(saved.customerId);
    expect(ana?.displayName).toBe('Ana Souza');
    expect(ana?.identities.map((identity) => `${identity.kind}:${identity.value}`)).toEqual(['email:ana@exemplo.com.br', 'phone:+5511987654321']);
    expect(ana?.lastOrderAt).toBe('2026-03-25T01:36:00.000Z');
    expect(await book.orders.listByCustomer(saved.customerId)).toEqual([
      {
        id: 'import:shopify:#1001',
        customerId: saved.customerId,
        placedAt: '2026-03-25T01:36:00.000Z',
        totalMinor: 15_000,
        currency: 'BRL',
        items: [
          { name: 'Bolo de cenoura', category: null, quantity: 2, unitPriceMinor: 5_000 },
          { name: 'Torta de limão', category: null, quantity: 1, unitPriceMinor: 4_000 },
        ],
        channel: 'store',
        source: 'store-page',
        externalRef: 'shopify:#1001',
        status: 'paid',
      },
    ]);
    expect(changes).toEqual([{ stores: ['customers', 'orders'], customerIds: [saved.customerId] }]);
  });

  it('finds the customer the book has by a phone written another way, or by CPF, and gives them the contacts the page adds', async () => {
    const book = await openTestBook();
    const bia = await book.customers.create({ displayName: 'Bia Lima', identities: [{ kind: 'whatsapp', value: '+5511987654321' }] });
    const byPhone = await save(book, shopifyReading({ buyer: { name: 'Beatriz L.', email: 'bia@exemplo.com', phone: '(11) 98765-4321' } }));
    expect(byPhone).toMatchObject({ outcome: 'created', customerId: bia.id, newCustomer: false });
    const biaNow = await book.customers.get(bia.id);
    expect(biaNow?.displayName).toBe('Bia Lima');
    expect(biaNow?.identities.map((identity) => identity.kind)).toEqual(['whatsapp', 'email']);

    const caio = await book.customers.create({ displayName: 'Caio Reis', identities: [{ kind: 'cpf', value: '529.982.247-25' }] });
    const byCpf = await save(book, { ...shopifyReading({ reference: '#1002', buyer: { name: 'Caio', email: null, phone: null, cpf: '52998224725' } }), store: 'mercadolivre' });
    expect(byCpf).toMatchObject({ outcome: 'created', customerId: caio.id, newCustomer: false, orderId: 'import:mercadolivre:1002' });
    expect(await book.customers.count()).toBe(2);
  });

  it('keeps one order however often it is saved, and says nothing changed', async () => {
    const book = await openTestBook();
    const first = await save(book, shopifyReading());
    const before = await records(book);
    const changes = watch(book);
    expect(await save(book, shopifyReading())).toEqual({ ...first, outcome: 'unchanged', newCustomer: false });
    expect(await records(book)).toEqual(before);
    expect(changes).toEqual([]);
  });

  it('updates the order when the store cancels it or changes its total, and the cancelled order stops counting', async () => {
    const book = await openTestBook();
    const { customerId } = await save(book, shopifyReading({ reference: '#1000', placedAt: '2026-03-01T10:00:00-03:00', total: 'R$ 80,00', items: [] }));
    await save(book, shopifyReading());
    expect((await book.customers.get(customerId))?.lastOrderAt).toBe('2026-03-25T01:36:00.000Z');

    const cancelled = await save(book, shopifyReading({ status: 'Cancelado' }));
    expect(cancelled).toMatchObject({ outcome: 'updated', customerId, newCustomer: false });
    expect((await book.orders.get('import:shopify:#1001'))?.status).toBe('cancelled');
    // Her last purchase is counted again from the orders still paid.
    expect((await book.customers.get(customerId))?.lastOrderAt).toBe('2026-03-01T13:00:00.000Z');

    expect(await save(book, shopifyReading({ status: 'Cancelado', total: 'R$ 140,00' }))).toMatchObject({ outcome: 'updated' });
    expect((await book.orders.get('import:shopify:#1001'))?.totalMinor).toBe(14_000);
    expect(await book.orders.listByCustomer(customerId)).toHaveLength(2);
  });

  it('saves by phone when the page shows no e-mail, and never takes a masked e-mail for one', async () => {
    const book = await openTestBook();
    const saved = await save(book, shopifyReading({ buyer: { email: 'a***@gmail.com' } }));
    expect(saved.missing).toContainEqual({ field: 'email', reason: 'masked', text: 'a***@gmail.com' });
    expect((await book.customers.get(saved.customerId))?.identities.map((identity) => identity.value)).toEqual(['+5511987654321']);
    const noEmail = await save(book, shopifyReading({ reference: '#1005', buyer: { email: null } }));
    expect(noEmail).toMatchObject({ outcome: 'created', customerId: saved.customerId, newCustomer: false });
  });

  it('refuses, writing nothing, an order with no buyer identity even when the book has the name, or with no readable total', async () => {
    const book = await openTestBook();
    await book.customers.create({ displayName: 'Ana Souza' });
    const before = await records(book);
    const changes = watch(book);
    const refusals = [
      [shopifyReading({ buyer: { email: null, phone: null } }), 'no-identity', /buyer: shows no e-mail, phone or CPF/],
      [shopifyReading({ buyer: { email: 'a***@gmail.com', phone: null } }), 'no-identity', /buyer: /],
      [shopifyReading({ total: 'R$ --' }), 'no-total', /total: /],
      [shopifyReading({ status: 'Pagamento pendente' }), 'unpaid', /status: says the order is not paid yet/],
      [shopifyReading({ reference: null }), 'no-reference', /reference: /],
      [shopifyReading({ placedAt: 'ontem' }), 'no-date', /placedAt: /],
    ] as const;
    for (const [reading, refusal, message] of refusals) {
      const error = await save(book, reading).catch((caught: unknown) => caught);
      expect(error, refusal).toBeInstanceOf(StoreOrderRefused);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as StoreOrderRefused).refusal).toBe(refusal);
      expect((error as Error).message).toMatch(message);
    }
    expect(await records(book)).toEqual(before);
    expect(before.counts).toMatchObject({ customers: 1, orders: 0 });
    expect(changes).toEqual([]);
  });

  it('takes a buyer with a contact for someone new when the book has only their namesake: a name alone never matches', async () => {
    const book = await openTestBook();
    const namesake = await book.customers.create({ displayName: 'Ana Souza' });
    const saved = await save(book, shopifyReading());
    expect(saved.newCustomer).toBe(true);
    expect(saved.customerId).not.toBe(namesake.id);
    expect(await book.orders.listByCustomer(namesake.id)).toEqual([]);
  });

  it('rejects a reading that is not one, naming the field', async () => {
    const book = await openTestBook();
    await expect(save(book, { ...shopifyReading(), store: 'amazon' })).rejects.toThrowError(/^The store order reading is invalid: store: /);
    await expect(save(book, { ...shopifyReading(), buyer: { ...shopifyReading().buyer, email: 'a'.repeat(201) } })).rejects.toThrowError(/buyer\.email: /);
    await expect(save(book, { ...shopifyReading(), items: [{ name: 'Bolo', quantity: 2, price: null }] })).rejects.toThrowError(/items\[0\]\.quantity: /);
    expect(await book.customers.count()).toBe(0);
  });

  it('is the same order when the store’s export file is imported later', async () => {
    const book = await openTestBook();
    const saved = await save(book, shopifyReading());
    const file = readOrdersCsv(new Uint8Array(readFileSync(new URL('../io/import/fixtures/shopify-orders.csv', import.meta.url))), { timeZone: 'America/Sao_Paulo' });
    const rows = file.rows;
    const result = await importIntoBook(book, { next: () => (rows.length > 0 ? { orders: rows.splice(0) } : null) }, { source: 'shopify' });
    expect(result.counts).toMatchObject({ unchangedOrders: 1, newOrders: 2, updatedOrders: 0 });
    expect(await book.orders.listByCustomer(saved.customerId)).toHaveLength(1);
  });
});
