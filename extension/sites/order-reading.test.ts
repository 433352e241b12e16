import { describe, expect, it } from 'vitest';
import { storeOrderReadingSchema, type StoreOrderReading } from '../../core';
import { firstShown, ORDER_LIMITS, shown } from './order-reading';
import { SITES } from './site-expectations';

const reading = (change: (order: StoreOrderReading) => void): StoreOrderReading => {
  const order: StoreOrderReading = {
    store: 'shopify',
    shop: 'x',
    reference: '#1',
    placedAt: null,
    total: null,
    currency: null,
    status: null,
    buyer: { name: null, email: null, phone: null, cpf: null },
    items: [{ name: 'x', quantity: null, price: null }],
  };
  change(order);
  return order;
};

/** Where each limit applies in a reading. */
const SETTERS: Record<Exclude<keyof typeof ORDER_LIMITS, 'items'>, (order: StoreOrderReading, text: string) => void> = {
  shop: (order, text) => (order.shop = text),
  reference: (order, text) => (order.reference = text),
  placedAt: (order, text) => (order.placedAt = text),
  total: (order, text) => (order.total = text),
  currency: (order, text) => (order.currency = text),
  status: (order, text) => (order.status = text),
  name: (order, text) => (order.buyer.name = text),
  email: (order, text) => (order.buyer.email = text),
  phone: (order, text) => (order.buyer.phone = text),
  cpf: (order, text) => (order.buyer.cpf = text),
  itemName: (order, text) => ((order.items[0] as StoreOrderReading['items'][number]).name = text),
  quantity: (order, text) => ((order.items[0] as StoreOrderReading['items'][number]).quantity = text),
  price: (order, text) => ((order.items[0] as StoreOrderReading['items'][number]).price = text),
};

describe('order readings in the content script', () => {
  it("keep the schema's limits, which the content script repeats because it cannot import the schema", () => {
    for (const [field, set] of Object.entries(SETTERS)) {
      const limit = ORDER_LIMITS[field as keyof typeof SETTERS];
      expect(storeOrderReadingSchema.safeParse(reading((order) => set(order, 'x'.repeat(limit)))).success, `${field} at ${limit}`).toBe(true);
      expect(storeOrderReadingSchema.safeParse(reading((order) => set(order, 'x'.repeat(limit + 1)))).success, `${field} over ${limit}`).toBe(false);
    }
    const items = (count: number) => reading((order) => (order.items = Array.from({ length: count }, () => ({ name: 'x', quantity: null, price: null }))));
    expect(storeOrderReadingSchema.safeParse(items(ORDER_LIMITS.items)).success).toBe(true);
    expect(storeOrderReadingSchema.safeParse(items(ORDER_LIMITS.items + 1)).success).toBe(false);
  });

  it('keep page text as shown: whitespace runs (no-break spaces too) collapsed, trimmed and cut, empty as null', () => {
    expect(shown('  R$\u00a01.234,56 \n', 100)).toBe('R$ 1.234,56');
    expect(shown('Ana   Souza', 7)).toBe('Ana Sou');
    expect(shown('Ana Souza', 4)).toBe('Ana');
    expect(shown(' \n ', 10)).toBeNull();
    expect(shown(undefined, 10)).toBeNull();
  });

  it('read a form control as the server rendered it, skipping empty alternatives', async () => {
    const { Window } = await import('happy-dom');
    const window = new Window();
    const document = window.document as unknown as Document;
    document.body.innerHTML =
      '<input id="empty" value=" "><input id="phone" value="(11) 98765-4321"><select id="status"><option value="wc-pending">Pendente</option><option value="wc-processing" selected>Processando</option></select>';
    (document.getElementById('phone') as HTMLInputElement).value = 'typed, not saved';
    expect(firstShown(document, ['#empty', '#phone'], 100)).toBe('(11) 98765-4321');
    expect(firstShown(document, ['#status'], 100)).toBe('wc-processing');
    expect(firstShown(document, ['#missing'], 100)).toBeNull();
    await window.happyDOM.close();
  });

  for (const { expectations } of SITES) {
    const orders = expectations.fixtures.flatMap((fixture) => (fixture.expect.status === 'order' ? [{ fixture, order: fixture.expect.order }] : []));
    if (orders.length === 0) continue;
    it(`${expectations.site}: every expected reading is one the sidebar frame accepts`, () => {
      for (const { fixture, order } of orders) expect(storeOrderReadingSchema.safeParse(order).success, `${fixture.file} at ${fixture.url}`).toBe(true);
    });
  }
});
