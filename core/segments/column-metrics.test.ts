import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SegmentationEngine } from './engine';
import { computeMetrics } from './metrics';
import { randomBook } from './testing/random-book';
import { DAY_MS } from './time';

describe('metrics from the columns', () => {
  it('equal computeMetrics of the same book, in UTC and São Paulo (property)', () => {
    // Windows anywhere, or with an edge on an instant of the book (an order, a customer's creation): edges are [start, end).
    const period = fc.record({
      endAgo: fc.integer({ min: -20, max: 400 }),
      days: fc.integer({ min: 1, max: 120 }),
      hours: fc.nat(23),
      edge: fc.constantFrom('free', 'end-at-order', 'start-at-order', 'end-at-creation'),
      anchor: fc.nat(),
    });
    fc.assert(
      fc.property(randomBook, fc.array(period, { minLength: 1, maxLength: 4 }), (book, periods) => {
        const engine = new SegmentationEngine(book, { mainCurrency: book.mainCurrency, timeZone: book.timeZone, now: book.now });
        const known = new Set(book.customers.map((c) => c.id));
        // The book's records: an order of an id not in it (the random book has some) is not the book's.
        const orders = book.orders.filter((o) => known.has(o.customerId));
        const feedback = book.feedback.filter((f) => known.has(f.customerId));
        for (const p of periods) {
          const order = orders.length === 0 ? undefined : Date.parse(orders[p.anchor % orders.length]!.placedAt);
          const created = Date.parse(book.customers[p.anchor % book.customers.length]!.createdAt);
          let end = book.now - p.endAgo * DAY_MS + p.hours * 3_600_000;
          if (p.edge === 'end-at-order' && order !== undefined) end = order;
          if (p.edge === 'start-at-order' && order !== undefined) end = order + p.days * DAY_MS;
          if (p.edge === 'end-at-creation') end = created;
          const window = { start: end - p.days * DAY_MS, end };
          const expected = computeMetrics({ customers: book.customers, orders, feedback, period: window, now: book.now, timeZone: book.timeZone });
          expect(engine.metrics(window)).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('refuses an empty period', () => {
    const engine = new SegmentationEngine({ customers: [], orders: [], feedback: [] }, { mainCurrency: 'BRL', timeZone: 'UTC', now: 0 });
    expect(() => engine.metrics({ start: 5, end: 5 })).toThrow(RangeError);
  });
});
