import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Order } from '../model';
import { type FiledOrder, OrderFiler } from './filed-order';
import { OrderColumns } from './order-columns';
import { daysAgo, order } from './testing/builders';

/** What the engine kept before columns: FiledOrders in a list per customer, found by id in a map. */
class NaiveOrders {
  private readonly filer = new OrderFiler();
  private readonly byId = new Map<string, FiledOrder>();
  private readonly lists = new Map<string, FiledOrder[]>();

  file(o: Order): string | null {
    const previous = this.byId.get(o.id);
    if (previous !== undefined && previous.customerId !== o.customerId) this.unlist(previous);
    const filed = this.filer.file(o, o.id, o.customerId);
    let list = this.lists.get(o.customerId);
    if (list === undefined) this.lists.set(o.customerId, (list = []));
    const at = previous !== undefined && previous.customerId === o.customerId ? list.indexOf(previous) : -1;
    if (at >= 0) list[at] = filed;
    else list.push(filed);
    this.byId.set(o.id, filed);
    return previous?.customerId ?? null;
  }

  remove(id: string): string | null {
    const filed = this.byId.get(id);
    if (filed === undefined) return null;
    this.byId.delete(id);
    this.unlist(filed);
    return filed.customerId;
  }

  ordersOf(customerId: string): FiledOrder[] {
    return this.lists.get(customerId) ?? [];
  }

  private unlist(filed: FiledOrder): void {
    const list = this.lists.get(filed.customerId) ?? [];
    list.splice(list.indexOf(filed), 1);
  }
}

const CUSTOMERS = ['a', 'b', 'c'] as const;

describe('order columns', () => {
  it('read back each order as filed, in filing order per customer; a replaced order keeps its place, a moved one goes last', () => {
    const columns = new OrderColumns();
    const items = [
      { name: 'Bolo', category: 'doces', quantity: 2, unitPriceMinor: 500 },
      { name: 'Vela', category: '', quantity: 1, unitPriceMinor: 100 },
    ];
    expect(columns.file(order('a', daysAgo(3), { id: 'o1', items }), 'a')).toBeNull();
    expect(columns.file(order('a', daysAgo(2), { id: 'o2', currency: 'EUR', status: 'refunded', channel: 'instagram', items: [] }), 'a')).toBeNull();
    expect(columns.file(order('a', daysAgo(1), { id: 'o3' }), 'a')).toBeNull();
    expect(columns.ordersOf('a').map((o) => o.id)).toEqual(['o1', 'o2', 'o3']);
    expect(columns.ordersOf('a')[0]).toEqual({
      id: 'o1',
      customerId: 'a',
      placedAtMs: Date.parse(daysAgo(3)),
      status: 'paid',
      currency: 'BRL',
      totalMinor: 10_000,
      channel: 'whatsapp',
      items: [{ name: 'Bolo', category: 'doces' }, { name: 'Vela', category: null }],
    });
    expect(columns.ordersOf('a')[1]).toMatchObject({ currency: 'EUR', status: 'refunded', channel: 'instagram', items: [] });

    // Replaced with a new total: same place. Moved to b: gone from a, last of b.
    expect(columns.file(order('a', daysAgo(2), { id: 'o2', totalMinor: 1 }), 'a')).toBe('a');
    expect(columns.ordersOf('a').map((o) => [o.id, o.totalMinor])).toEqual([['o1', 10_000], ['o2', 1], ['o3', 10_000]]);
    expect(columns.file(order('b', daysAgo(5), { id: 'o1' }), 'b')).toBe('a');
    expect(columns.ordersOf('a').map((o) => o.id)).toEqual(['o2', 'o3']);
    expect(columns.ordersOf('b').map((o) => [o.id, o.customerId, o.placedAtMs])).toEqual([['o1', 'b', Date.parse(daysAgo(5))]]);

    expect(columns.remove('o3')).toBe('a');
    expect(columns.remove('o3')).toBeNull();
    expect(columns.ordersOf('a').map((o) => o.id)).toEqual(['o2']);
    // A freed slot is reused, and keeps nothing of the order it held.
    columns.file(order('c', daysAgo(9), { id: 'o4', items: [] }), 'c');
    expect(columns.ordersOf('c')).toEqual([expect.objectContaining({ id: 'o4', customerId: 'c', items: [] })]);
    expect(columns.size).toBe(3);
    expect(columns.ordersOf('nobody')).toEqual([]);
  });

  it('share one copy of each item list among the orders that have it', () => {
    const columns = new OrderColumns();
    const items = () => [
      { name: 'Bolo', category: 'doces', quantity: 1, unitPriceMinor: 500 },
      { name: 'Vela', category: null, quantity: 3, unitPriceMinor: 100 },
    ];
    columns.file(order('a', daysAgo(1), { id: 'x', items: items() }), 'a');
    columns.file(order('b', daysAgo(1), { id: 'y', items: items() }), 'b');
    expect(columns.ordersOf('a')[0]?.items).toBe(columns.ordersOf('b')[0]?.items);
  });

  it('agree with lists of filed orders under any sequence of filing, moving, replacing and removing (property)', () => {
    const step = fc.oneof(
      fc.record({
        kind: fc.constant('file' as const),
        id: fc.integer({ min: 0, max: 30 }),
        who: fc.constantFrom(...CUSTOMERS),
        ago: fc.integer({ min: 0, max: 90 }),
        totalMinor: fc.integer({ min: 0, max: 9_999 }),
        status: fc.constantFrom('paid' as const, 'refunded' as const, 'cancelled' as const),
        currency: fc.constantFrom('BRL', 'EUR'),
        channel: fc.constantFrom('whatsapp' as const, 'store' as const),
        items: fc.array(fc.record({ name: fc.constantFrom('Bolo', 'Vela', 'Caneca'), category: fc.constantFrom(null, '', 'doces') }), { maxLength: 3 }),
      }),
      fc.record({ kind: fc.constant('remove' as const), id: fc.integer({ min: 0, max: 30 }) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 120 }), (steps) => {
        // Order ids written into the id index's long strings every two new ones: sealing and merging are exercised.
        const columns = new OrderColumns(2);
        const naive = new NaiveOrders();
        for (const s of steps) {
          if (s.kind === 'remove') {
            expect(columns.remove(`o${s.id}`)).toBe(naive.remove(`o${s.id}`));
            continue;
          }
          const items = s.items.map((item) => ({ ...item, quantity: 1, unitPriceMinor: 100 }));
          const o = order(s.who, daysAgo(s.ago), { id: `o${s.id}`, totalMinor: s.totalMinor, status: s.status, currency: s.currency, channel: s.channel, items });
          expect(columns.file(o, s.who)).toBe(naive.file(o));
        }
        for (const who of CUSTOMERS) expect(columns.ordersOf(who)).toEqual(naive.ordersOf(who));
      }),
      { numRuns: 500 },
    );
  });
});
