import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Order } from '../model';
import { rfmRowFromOrders } from '../predict';
import { computeCustomerBase } from './customer-base';
import { OrderFiler } from './filed-order';
import { NOW, customer, daysAgo, order } from './testing/builders';
import { DAY_MS } from './time';

const file = (filer: OrderFiler, o: Order) => filer.file(o, o.id, o.customerId);

describe('filed orders', () => {
  it('keep only what the figures read, one copy of each string and item pair for every order that has them', () => {
    const filer = new OrderFiler();
    const items = () => [
      { name: 'Bolo', category: 'doces', quantity: 2, unitPriceMinor: 500 },
      { name: 'Bolo', category: 'doces', quantity: 1, unitPriceMinor: 700 },
      { name: 'Vela', category: '', quantity: 1, unitPriceMinor: 100 },
    ];
    const a = file(filer, order('a', daysAgo(1), { items: items(), externalRef: 'pedido 7' }));
    const b = file(filer, order('b', daysAgo(2), { items: items().slice(1, 2) }));
    expect(a).toEqual({
      id: a.id,
      customerId: 'a',
      placedAtMs: Date.parse(daysAgo(1)),
      status: 'paid',
      currency: 'BRL',
      totalMinor: 10_000,
      channel: 'whatsapp',
      // Quantities and prices go; a repeated pair is one; an empty category is none.
      items: [{ name: 'Bolo', category: 'doces' }, { name: 'Vela', category: null }],
    });
    expect(b.items).toEqual([{ name: 'Bolo', category: 'doces' }]);
    expect(b.items[0]).toBe(a.items[0]);
    expect(file(filer, order('c', daysAgo(3), { items: items().slice(0, 1) })).items).toBe(b.items);
    expect(file(filer, order('d', daysAgo(3), { items: [] })).items).toEqual([]);
  });

  it('give a customer the same figures and purchase row as their whole orders (property)', () => {
    const item = fc.record({
      name: fc.constantFrom('Bolo', 'Brigadeiro', 'Camiseta'),
      category: fc.constantFrom(null, '', 'doces', 'roupas'),
      quantity: fc.integer({ min: 1, max: 3 }),
      unitPriceMinor: fc.integer({ min: 0, max: 9_000 }),
    });
    const row = fc.record({
      who: fc.constantFrom('a', 'b'),
      ago: fc.integer({ min: 0, max: 400 }),
      ms: fc.nat(DAY_MS - 1),
      totalMinor: fc.integer({ min: 0, max: 50_000 }),
      currency: fc.constantFrom('BRL', 'EUR'),
      status: fc.constantFrom('paid' as const, 'paid' as const, 'refunded' as const, 'cancelled' as const),
      channel: fc.constantFrom('whatsapp' as const, 'instagram' as const, 'store' as const),
      items: fc.array(item, { maxLength: 4 }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), fc.constantFrom('UTC', 'America/Sao_Paulo'), (rows, zone) => {
        const whole = rows.map(({ who, ago, ms, ...rest }) => order(who, new Date(NOW - ago * DAY_MS - ms).toISOString(), rest));
        const filer = new OrderFiler();
        const filed = whole.map((o) => file(filer, o));
        for (const id of ['a', 'b']) {
          expect(computeCustomerBase(customer(id), filed, [], NOW, zone)).toEqual(computeCustomerBase(customer(id), whole, [], NOW, zone));
          const filedBrl = filed.filter((o) => o.customerId === id && o.currency === 'BRL');
          const wholeBrl = whole.filter((o) => o.customerId === id && o.currency === 'BRL');
          expect(rfmRowFromOrders(filedBrl, NOW, 'weeks', zone)).toEqual(rfmRowFromOrders(wholeBrl, NOW, 'weeks', zone));
        }
      }),
      { numRuns: 200 },
    );
  });
});
