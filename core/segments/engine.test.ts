import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Customer, Feedback, Order } from '../model';
import { sameJudgement } from './book-context';
import { SegmentationEngine } from './engine';
import { type CustomerFacts, computeBookFacts } from './facts';
import { NOW, csat, customer, daysAgo, nps, order } from './testing/builders';
import { DAY_MS } from './time';

const options = { mainCurrency: 'BRL', timeZone: 'UTC', now: NOW };

/** The figures that depend only on the customer's own records (exact right after an update). */
function ownFigures(f: CustomerFacts | undefined) {
  if (f === undefined) return undefined;
  const { orderCount, purchaseDays, totalSpentMinor, averageTicketMinor, lastOrderAt, daysSinceLastOrder, ownIntervalDays, latestCsat, latestNps, tagIds, archived } = f;
  return { orderCount, purchaseDays, totalSpentMinor, averageTicketMinor, lastOrderAt, daysSinceLastOrder, ownIntervalDays, latestCsat, latestNps, tagIds, archived };
}

function byId(facts: readonly CustomerFacts[]) {
  return Object.fromEntries(facts.map((f) => [f.customerId, f]));
}

describe('SegmentationEngine', () => {
  it('updates the changed customer at once and refreshes cut points lazily', () => {
    const customers = ['a', 'b', 'c'].map((id) => customer(id));
    const engine = new SegmentationEngine({ customers, orders: [order('a', daysAgo(10)), order('b', daysAgo(50))], feedback: [] }, options);
    expect(engine.cutPointsStale).toBe(false);
    const before = engine.bookContext().rfmCutPoints;

    engine.upsertOrder(order('c', daysAgo(1), { totalMinor: 500_000 }));
    expect(engine.cutPointsStale).toBe(true);
    expect(engine.facts('c')).toMatchObject({ orderCount: 1, totalSpentMinor: { BRL: 500_000 }, daysSinceLastOrder: 1 });
    // Judged against the old cut points (everyone tied at R$ 100, so nobody reaches 2) until a read compares customers.
    expect(engine.facts('c')?.rfm?.monetary).toBe(1);
    expect(engine.count({ field: 'orderCount', op: 'gte', value: 1 })).toBe(3);
    expect(engine.cutPointsStale).toBe(false);
    expect(engine.facts('c')?.rfm?.monetary).toBe(4);
    expect(engine.bookContext().rfmCutPoints).not.toEqual(before);
  });

  it('moves an order between customers (a merge) and removes orders', () => {
    const o = order('a', daysAgo(3));
    const engine = new SegmentationEngine({ customers: [customer('a'), customer('b')], orders: [o], feedback: [] }, options);
    engine.upsertOrder({ ...o, customerId: 'b' });
    expect([engine.facts('a')?.orderCount, engine.facts('b')?.orderCount]).toEqual([0, 1]);
    expect([engine.ordersOf('a'), engine.ordersOf('b').map((filed) => [filed.id, filed.customerId])]).toEqual([[], [[o.id, 'b']]]);
    engine.removeOrder(o.id);
    expect(engine.facts('b')?.orderCount).toBe(0);
    expect(engine.ordersOf('b')).toEqual([]);
  });

  it('files what the figures and predictions read of an order, not the whole record', () => {
    const o = order('a', daysAgo(3), { items: [{ name: 'Bolo', category: 'doces', quantity: 3, unitPriceMinor: 2_000 }], externalRef: 'pedido 12' });
    const engine = new SegmentationEngine({ customers: [customer('a')], orders: [o], feedback: [] }, options);
    expect(engine.ordersOf('a')).toEqual([
      { id: o.id, customerId: 'a', placedAtMs: Date.parse(o.placedAt), status: 'paid', currency: 'BRL', totalMinor: 10_000, channel: 'whatsapp', items: [{ name: 'Bolo', category: 'doces' }] },
    ]);
  });

  it('keeps records of customers it does not know yet and uses them when they arrive', () => {
    const engine = new SegmentationEngine({ customers: [], orders: [], feedback: [] }, options);
    engine.upsertOrder(order('late', daysAgo(5)));
    engine.upsertFeedback(nps('late', 10, daysAgo(4)));
    expect(engine.facts('late')).toBeUndefined();
    engine.upsertCustomer(customer('late'));
    expect(engine.facts('late')).toMatchObject({ orderCount: 1, latestNps: 10 });
    engine.removeCustomer('late');
    expect(engine.allFacts()).toEqual([]);
  });

  it('ages facts when now moves to another day', () => {
    const engine = new SegmentationEngine({ customers: [customer('a')], orders: [order('a', daysAgo(10))], feedback: [] }, options);
    engine.setNow(NOW + 3_600_000);
    expect(engine.facts('a')?.daysSinceLastOrder).toBe(10);
    engine.setNow(new Date(NOW + 5 * DAY_MS));
    expect(engine.facts('a')?.daysSinceLastOrder).toBe(15);
    const later = new SegmentationEngine({ customers: [customer('a')], orders: [order('a', daysAgo(10))], feedback: [] }, { ...options, now: NOW + 5 * DAY_MS });
    expect(engine.allFacts()).toEqual(later.allFacts());
  });

  it('equals a full recompute, and the facts of the whole orders, after any sequence of updates (property)', () => {
    const ids = ['c0', 'c1', 'c2', 'c3'];
    const orderRow = fc.record({
      slot: fc.nat(11),
      who: fc.constantFrom(...ids),
      ago: fc.integer({ min: 0, max: 500 }),
      hour: fc.nat(23),
      totalMinor: fc.integer({ min: 0, max: 50_000 }),
      currency: fc.constantFrom('BRL', 'BRL', 'EUR'),
      status: fc.constantFrom('paid' as const, 'paid' as const, 'refunded' as const, 'cancelled' as const),
      channel: fc.constantFrom('whatsapp' as const, 'instagram' as const, 'store' as const),
      products: fc.array(fc.constantFrom('Bolo', 'Brigadeiro', 'Camiseta', 'Vela'), { maxLength: 3 }),
    });
    const op = fc.oneof(
      orderRow.map((r) => ({ kind: 'order' as const, r })),
      fc.record({ kind: fc.constant('removeOrder' as const), slot: fc.nat(11) }),
      fc.record({ kind: fc.constant('feedback' as const), slot: fc.nat(3), who: fc.constantFrom(...ids), nps: fc.boolean(), score: fc.nat(10), ago: fc.nat(300) }),
      fc.record({ kind: fc.constant('customer' as const), who: fc.constantFrom(...ids), vip: fc.boolean(), archived: fc.boolean() }),
      fc.record({ kind: fc.constant('tick' as const), days: fc.integer({ min: 0, max: 120 }) }),
    );
    type OrderRow = { slot: number; who: string; ago: number; hour: number; totalMinor: number; currency: string; status: Order['status']; channel: Order['channel']; products: string[] };
    const categoryOf = (product: string) => (product === 'Camiseta' ? 'roupas' : product === 'Vela' ? '' : 'doces');
    const toOrder = (r: OrderRow): Order => ({
      ...order(r.who, new Date(NOW - r.ago * DAY_MS - r.hour * 3_600_000).toISOString(), {
        totalMinor: r.totalMinor,
        currency: r.currency,
        status: r.status,
        channel: r.channel,
        items: r.products.map((name) => ({ name, category: categoryOf(name), quantity: 1, unitPriceMinor: r.totalMinor })),
      }),
      id: `o${r.slot}`,
    });

    fc.assert(
      fc.property(fc.array(orderRow, { maxLength: 10 }), fc.array(op, { minLength: 1, maxLength: 12 }), (initial, ops) => {
        const customers = new Map<string, Customer>(ids.map((id) => [id, customer(id)]));
        const orders = new Map<string, Order>();
        for (const r of initial) orders.set(`o${r.slot}`, toOrder(r));
        const feedback = new Map<string, Feedback>();
        const snapshot = () => ({ customers: [...customers.values()], orders: [...orders.values()], feedback: [...feedback.values()] });
        let now = NOW;
        const engine = new SegmentationEngine(snapshot(), options);

        for (const step of ops) {
          let changed: string[];
          if (step.kind === 'tick') {
            now += step.days * DAY_MS;
            engine.setNow(now);
            expect(sameJudgement(engine.bookContext(), computeBookFacts(snapshot(), options, now).context)).toBe(true);
            expect(byId(engine.allFacts())).toEqual(byId(new SegmentationEngine(snapshot(), { ...options, now }).allFacts()));
            continue;
          }
          if (step.kind === 'order') {
            const o = toOrder(step.r);
            changed = [o.customerId, orders.get(o.id)?.customerId ?? o.customerId];
            orders.set(o.id, o);
            engine.upsertOrder(o);
          } else if (step.kind === 'removeOrder') {
            const o = orders.get(`o${step.slot}`);
            changed = o ? [o.customerId] : [];
            orders.delete(`o${step.slot}`);
            engine.removeOrder(`o${step.slot}`);
          } else if (step.kind === 'feedback') {
            const row = { ...(step.nps ? nps(step.who, step.score, daysAgo(step.ago)) : csat(step.who, Math.max(1, step.score % 6), daysAgo(step.ago))), id: `f${step.slot}` };
            changed = [row.customerId, feedback.get(row.id)?.customerId ?? row.customerId];
            feedback.set(row.id, row);
            engine.upsertFeedback(row);
          } else {
            const c = customer(step.who, { tagIds: step.vip ? ['vip'] : [], archivedAt: step.archived ? daysAgo(1) : null });
            changed = [c.id];
            customers.set(c.id, c);
            engine.upsertCustomer(c);
          }
          const fresh = new SegmentationEngine(snapshot(), { ...options, now });
          for (const id of changed) expect(ownFigures(engine.facts(id))).toEqual(ownFigures(fresh.facts(id)));
          engine.refreshCutPoints();
          for (const id of changed) expect(engine.facts(id)).toEqual(fresh.facts(id));
          // The cut points the engine keeps as columns judge as those computed from every customer's base.
          expect(sameJudgement(engine.bookContext(), computeBookFacts(snapshot(), options, now).context)).toBe(true);
        }
        expect(byId(engine.allFacts())).toEqual(byId(new SegmentationEngine(snapshot(), { ...options, now }).allFacts()));
        // The engine keeps only part of each order: the figures are those of the whole orders all the same.
        expect(byId(engine.allFacts())).toEqual(byId(computeBookFacts(snapshot(), options, now).facts));
      }),
      { numRuns: 150 },
    );
  });
});
