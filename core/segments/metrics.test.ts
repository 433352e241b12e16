import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Order } from '../model';
import { computeMetrics } from './metrics';
import { csat, customer, nps, order } from './testing/builders';

const jan = '2026-01-05T10:00:00Z';
const customers = ['a', 'b', 'c', 'd'].map((id) => customer(id, { createdAt: jan }));
customers.push(customer('e', { createdAt: jan, archivedAt: '2026-05-25T00:00:00Z' }));
customers.push(customer('f', { createdAt: jan, archivedAt: '2026-05-25T00:00:00Z' }));

const orders: Order[] = [
  order('a', '2026-03-10T12:00:00Z', { totalMinor: 10_000 }),
  order('a', '2026-04-10T12:00:00Z', { totalMinor: 5_000 }),
  order('a', '2026-05-05T12:00:00Z', { totalMinor: 7_000 }),
  order('a', '2026-05-06T12:00:00Z', { totalMinor: 99_900, status: 'refunded' }),
  order('b', '2026-04-15T12:00:00Z', { totalMinor: 20_000 }),
  order('c', '2026-05-10T09:00:00Z', { totalMinor: 3_000, currency: 'EUR' }),
  order('c', '2026-05-10T18:00:00Z', { totalMinor: 1_000, currency: 'EUR' }),
  order('d', '2026-05-12T12:00:00Z', { totalMinor: 4_000 }),
  order('d', '2026-05-20T12:00:00Z', { totalMinor: 6_000 }),
  order('e', '2026-05-03T12:00:00Z', { totalMinor: 5_000, status: 'cancelled' }),
  order('f', '2026-03-20T12:00:00Z', { totalMinor: 3_000 }),
  order('f', '2026-05-15T12:00:00Z', { totalMinor: 2_000 }),
];

const feedback = [
  csat('a', 5, '2026-05-06T10:00:00Z'),
  csat('b', 4, '2026-05-07T10:00:00Z'),
  csat('c', 2, '2026-05-11T10:00:00Z'),
  csat('d', 5, '2026-05-21T10:00:00Z'),
  csat('a', 3, '2026-04-11T10:00:00Z'),
  nps('a', 10, '2026-05-06T10:00:00Z'),
  nps('b', 9, '2026-05-07T10:00:00Z'),
  nps('c', 7, '2026-05-11T10:00:00Z'),
  nps('f', 3, '2026-05-16T10:00:00Z'),
];

const period = { start: Date.parse('2026-05-01T00:00:00Z'), end: Date.parse('2026-05-31T00:00:00Z') };

describe('computeMetrics on a small hand-computed book', () => {
  const { current, previous } = computeMetrics({ customers, orders, feedback, period, now: Date.parse('2026-06-01T00:00:00Z'), timeZone: 'UTC' });

  it('sums revenue per currency from paid orders only', () => {
    expect(current.revenueMinor).toEqual({ BRL: 19_000, EUR: 4_000 });
    expect(current.orders).toBe(6);
    expect(current.ordersByCurrency).toEqual({ BRL: 4, EUR: 2 });
    expect(current.buyingCustomers).toBe(4);
    expect(current.buyingCustomersByCurrency).toEqual({ BRL: 3, EUR: 1 });
    expect(current.revenuePerCustomerMinor).toEqual({ BRL: 6_333, EUR: 4_000 });
    expect(current.averageTicketMinor).toEqual({ BRL: 4_750, EUR: 2_000 });
  });

  it('computes repurchase, new customers, retention and churn', () => {
    expect(current.repurchaseRate).toBe(0.75);
    expect(current.newCustomers).toBe(2);
    expect([current.retentionBase, current.retained, current.retentionRate, current.churnRate]).toEqual([2, 1, 0.5, 0.5]);
  });

  it('computes CSAT and NPS from the window’s answers', () => {
    expect([current.csatResponses, current.csatPercent]).toEqual([4, 75]);
    expect([current.promoters, current.passives, current.detractors, current.nps]).toEqual([2, 1, 1, 25]);
    expect([previous.csatResponses, previous.csatPercent, previous.nps]).toEqual([1, 0, null]);
  });

  it('computes historical value per customer up to each window’s end, and active counts without archived', () => {
    expect(current.historicalValuePerCustomerMinor).toEqual({ BRL: 14_250, EUR: 4_000 });
    expect(previous.historicalValuePerCustomerMinor).toEqual({ BRL: 12_667 });
    expect(current.activeCustomers).toBe(4);
  });

  it('computes the previous window of the same length', () => {
    expect([previous.start, previous.end]).toEqual([Date.parse('2026-04-01T00:00:00Z'), period.start]);
    expect(previous.revenueMinor).toEqual({ BRL: 25_000 });
    expect([previous.orders, previous.buyingCustomers, previous.newCustomers, previous.repurchaseRate]).toEqual([2, 2, 1, 0.5]);
    expect([previous.retentionBase, previous.retentionRate]).toEqual([2, 0.5]);
    expect(previous.partial).toBe(false);
  });

  it('flags a window that is still running and refuses an empty period', () => {
    const running = computeMetrics({ customers, orders, feedback, period, now: Date.parse('2026-05-20T00:00:00Z'), timeZone: 'UTC' });
    expect(running.current.partial).toBe(true);
    expect(() => computeMetrics({ customers, orders, feedback, period: { start: period.end, end: period.start }, now: 0, timeZone: 'UTC' })).toThrow(RangeError);
  });
});

describe('computeMetrics properties', () => {
  const anyOrder = fc.record({
    customer: fc.constantFrom('a', 'b', 'c'),
    day: fc.integer({ min: 0, max: 89 }),
    hour: fc.integer({ min: 0, max: 23 }),
    totalMinor: fc.integer({ min: 0, max: 100_000 }),
    currency: fc.constantFrom('BRL', 'EUR', 'USD'),
    status: fc.constantFrom('paid' as const, 'paid' as const, 'refunded' as const, 'cancelled' as const),
  });

  it('never mixes currencies and ignores input order', () => {
    fc.assert(
      fc.property(fc.array(anyOrder, { maxLength: 40 }), (rows) => {
        const base = Date.parse('2026-01-01T00:00:00Z');
        const list = rows.map((r) =>
          order(r.customer, new Date(base + r.day * 86_400_000 + r.hour * 3_600_000).toISOString(), {
            totalMinor: r.totalMinor,
            currency: r.currency,
            status: r.status,
          }),
        );
        const p = { start: base + 60 * 86_400_000, end: base + 90 * 86_400_000 };
        const m = computeMetrics({ customers: [], orders: list, feedback: [], period: p, now: p.end, timeZone: 'UTC' });
        for (const cur of ['BRL', 'EUR', 'USD']) {
          const expected = rows
            .filter((r) => r.currency === cur && r.status === 'paid' && r.day >= 60)
            .reduce((sum, r) => sum + r.totalMinor, 0);
          expect(m.current.revenueMinor[cur] ?? 0).toBe(expected);
        }
        const reversed = computeMetrics({ customers: [], orders: [...list].reverse(), feedback: [], period: p, now: p.end, timeZone: 'UTC' });
        expect(reversed).toEqual(m);
      }),
    );
  });
});
