import { describe, expect, it } from 'vitest';
import { SegmentationEngine } from './engine';
import { customer, order } from './testing/builders';

// São Paulo is UTC−3: 22:30 on March 31 there is 01:30 on April 1 in UTC.
const book = {
  customers: ['a', 'b', 'c', 'd'].map((id) => customer(id)),
  orders: [
    order('a', '2026-01-10T15:00:00Z', { totalMinor: 10_000 }),
    order('a', '2026-02-05T15:00:00Z', { totalMinor: 5_000 }),
    order('a', '2026-03-03T15:00:00Z', { totalMinor: 70_000, status: 'refunded' }),
    order('a', '2026-04-01T01:30:00Z', { totalMinor: 2_000 }),
    order('b', '2026-01-20T15:00:00Z', { totalMinor: 3_000, currency: 'EUR' }),
    order('b', '2026-03-02T15:00:00Z', { totalMinor: 1_000, currency: 'EUR' }),
    order('c', '2026-02-28T12:00:00Z', { totalMinor: 4_000 }),
    order('c', '2026-02-28T20:00:00Z', { totalMinor: 1_000 }),
    order('c', '2026-04-01T13:00:00Z', { totalMinor: 500 }),
    order('d', '2026-04-02T13:00:00Z', { totalMinor: 9_000, status: 'cancelled' }),
  ],
  feedback: [],
};
const now = Date.parse('2026-04-15T12:00:00Z');
const engineIn = (timeZone: string) => new SegmentationEngine(book, { mainCurrency: 'BRL', timeZone, now });

describe('monthly figures', () => {
  it('sum paid revenue per calendar month of the seller and currency', () => {
    expect(engineIn('America/Sao_Paulo').monthlyRevenue()).toEqual({
      months: ['2026-01', '2026-02', '2026-03', '2026-04'],
      // a's 22:30 sale on March 31 is March's; refunds and cancellations are not revenue.
      revenueMinor: { BRL: [10_000, 10_000, 2_000, 500], EUR: [3_000, 0, 1_000, 0] },
    });
    expect(engineIn('UTC').monthlyRevenue().revenueMinor.BRL).toEqual([10_000, 10_000, 0, 2_500]);
  });

  it('follow each month’s first buyers through the months after', () => {
    expect(engineIn('America/Sao_Paulo').monthlyCohorts()).toEqual([
      // a and b first bought in January; a came back in February and March, b in March; nobody yet in April.
      { month: '2026-01', customers: 2, buyers: [2, 1, 2, 0], share: [1, 0.5, 1, 0] },
      // c bought twice on February 28 (one purchase month) and again in April; d never paid.
      { month: '2026-02', customers: 1, buyers: [1, 0, 1], share: [1, 0, 1] },
    ]);
    // On the UTC calendar a's last sale is April's: January's cohort is back in March only through b.
    expect(engineIn('UTC').monthlyCohorts()[0]).toEqual({ month: '2026-01', customers: 2, buyers: [2, 1, 1, 1], share: [1, 0.5, 0.5, 0.5] });
  });

  it('come together from one cut into months, equal to each alone', () => {
    const engine = engineIn('America/Sao_Paulo');
    expect(engine.monthlyFigures()).toEqual({ revenue: engine.monthlyRevenue(), cohorts: engine.monthlyCohorts() });
  });

  it('are empty for a book without paid orders', () => {
    const engine = new SegmentationEngine({ customers: [customer('a')], orders: [], feedback: [] }, { mainCurrency: 'BRL', timeZone: 'UTC', now });
    expect(engine.monthlyRevenue()).toEqual({ months: [], revenueMinor: {} });
    expect(engine.monthlyCohorts()).toEqual([]);
  });
});
