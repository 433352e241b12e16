import { describe, expect, it } from 'vitest';
import { computeBookFacts } from './facts';
import { rfmFromOrderColumns, type OrderColumns } from './rfm-columns';
import { syntheticBook } from './testing/synthetic-book';
import { calendarOf } from '../locale/calendar';
import { parseInstantMs } from './time';

const utcDay = calendarOf('UTC').day;

describe('RFM from order columns', () => {
  it('gives every customer the same scores as the facts path', () => {
    const now = Date.parse('2026-06-01T12:00:00Z');
    const book = syntheticBook({ customers: 3000, orders: 30_000, feedback: 0, seed: 7, now });
    const customers = book.customers.filter((c) => c.archivedAt === null);
    const index = new Map(customers.map((c, i) => [c.id, i]));
    const orders = book.orders.filter((o) => index.has(o.customerId));
    const columns: OrderColumns = {
      customer: Int32Array.from(orders, (o) => index.get(o.customerId)!),
      day: Int32Array.from(orders, (o) => utcDay(parseInstantMs(o.placedAt))),
      amount: Float64Array.from(orders, (o) => o.totalMinor),
      main: Uint8Array.from(orders, (o) => (o.currency === 'BRL' ? 1 : 0)),
      paid: Uint8Array.from(orders, (o) => (o.status === 'paid' ? 1 : 0)),
    };
    const scores = rfmFromOrderColumns(columns, customers.length, utcDay(now));
    const { facts } = computeBookFacts({ customers, orders, feedback: [] }, { mainCurrency: 'BRL', timeZone: 'UTC' }, now);
    let scored = 0;
    facts.forEach((fact, i) => {
      const expected = fact.rfm ? [fact.rfm.recency, fact.rfm.frequency, fact.rfm.monetary] : [0, 0, 0];
      expect([scores.r[i], scores.f[i], scores.m[i]], fact.customerId).toEqual(expected);
      if (fact.rfm) scored++;
    });
    expect(scored).toBeGreaterThan(1000);
  });

  it('scores nobody in a book without paid orders', () => {
    const empty = { customer: new Int32Array(1), day: new Int32Array([100]), amount: new Float64Array([5]), main: new Uint8Array([1]), paid: new Uint8Array([0]) };
    expect([...rfmFromOrderColumns(empty, 2, 200).r]).toEqual([0, 0]);
  });
});
