import { describe, expect, it } from 'vitest';
import type { Order } from '../model';
import { expectedPurchases, hyp2f1 } from '../predict';
import { syntheticBook } from '../segments/testing/synthetic-book';
import { fitPredictionModel, predictCustomer, type PredictionModel } from './predicted-values';

const NOW = Date.parse('2026-11-29T12:00:00.000Z');

const order = (customerId: string, day: number, totalMinor: number): Order => ({
  id: `${customerId}-${day}`,
  customerId,
  placedAt: new Date(Date.UTC(2026, 0, 1 + day)).toISOString(),
  totalMinor,
  currency: 'BRL',
  items: [],
  channel: 'other',
  source: 'manual',
  externalRef: null,
  status: 'paid',
});

describe('the predicted-value model', () => {
  it('reports a book where every customer buys alike as unavailable, instead of a fit that runs off to infinity', () => {
    // 120 customers with 50 orders each on overlapping days: no difference between customers for BG/NBD to use.
    const book = Array.from({ length: 120 }, (_, i) => Array.from({ length: 50 }, (_, k) => order(`c${i}`, (i + k) % 300, 1000 + i + k)));
    expect(fitPredictionModel(book, 'BRL', NOW, 'America/Sao_Paulo')).toBeNull();
  });

  it('still predicts for a book whose customers buy at different rhythms', () => {
    const book = syntheticBook({ customers: 300, orders: 1_500, feedback: 0, seed: 13, now: NOW });
    const byCustomer = new Map<string, Order[]>();
    for (const one of book.orders) byCustomer.set(one.customerId, [...(byCustomer.get(one.customerId) ?? []), one]);
    const model = fitPredictionModel(byCustomer.values(), 'BRL', NOW, 'UTC');
    expect(model?.purchase.a).toBeLessThan(100);
    const values = [...byCustomer.values()].map((orders) => predictCustomer(model!, orders, NOW)?.valueMinor ?? null);
    expect(values.filter((value) => value !== null && value > 0).length).toBeGreaterThan(100);
    // Read as of the end of now's day (UTC here): a sale later today is today's purchase.
    const endOfDay = Date.parse('2026-11-29T23:59:59.999Z');
    const buyers = [...byCustomer.values()].filter((orders) => orders.some((o) => o.status === 'paid' && o.currency === 'BRL' && Date.parse(o.placedAt) <= endOfDay));
    expect(model).toMatchObject({ fittedAtMs: NOW, buyers: buyers.length });
  });

  it('fits MBG/NBD, so a customer who bought once and went quiet is not certain to come back', () => {
    const book = syntheticBook({ customers: 300, orders: 1_500, feedback: 0, seed: 13, now: NOW });
    const byCustomer = new Map<string, Order[]>();
    for (const one of book.orders) byCustomer.set(one.customerId, [...(byCustomer.get(one.customerId) ?? []), one]);
    const model = fitPredictionModel(byCustomer.values(), 'BRL', NOW, 'UTC');
    expect(model?.purchase.model).toBe('mbg-nbd');
    // BG/NBD says 100% for every one-time buyer, however long ago: MBG/NBD lets them leave after the first purchase too.
    const longAgo = predictCustomer(model!, [order('once-old', 30, 10_000)], NOW);
    const lately = predictCustomer(model!, [order('once-new', 330, 10_000)], NOW);
    expect(longAgo!.probabilityAlive).toBeLessThan(1);
    expect(longAgo!.probabilityAlive).toBeLessThan(lately!.probabilityAlive);
    expect(longAgo!.expectedPurchases).toBeLessThan(lately!.expectedPurchases);
  });

  it('gives up on 2F1 with c in the millions rather than walking millions of steps', () => {
    // It returns at all (the test's own timeout is the guard): the walk used to take hours.
    expect(hyp2f1(1e6, 6e7, 7e7, 0.9)).toBeNaN();
  });
});

describe("a customer's prediction", () => {
  // CDNOW's published fits: BG/NBD (Fader, Hardie and Lee 2005) and Gamma-Gamma (Fader and Hardie 2013), in weeks.
  const model: PredictionModel = {
    purchase: { model: 'bg-nbd', r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
    spend: { p: 6.25, q: 3.74, v: 15.44 },
    currency: 'BRL',
    timeZone: 'UTC',
    fittedAtMs: NOW,
    buyers: 2357,
  };
  const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString();
  const at = (n: number, totalMinor: number, fields: Partial<Order> = {}): Order => ({ ...order('ana', 0, totalMinor), id: `ana-${n}-${totalMinor}`, placedAt: day(n), ...fields });
  // Purchase days 0, 70 and 210, seen on day 280: x = 2, t_x = 30 weeks, T = 40 weeks; repeat purchases 40.00 and 50.00.
  const now = Date.parse(day(280)) + 12 * 3_600_000;
  const orders = [at(0, 3_000), at(70, 4_000), at(210, 5_000), at(210, 100, { status: 'cancelled' }), at(90, 9_999, { currency: 'USD' })];

  it("equals core's formulas: BG/NBD's chance alive and expected purchases over 90 days, times Gamma-Gamma's spend", () => {
    const { r, alpha, a, b } = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    const [x, tx, T] = [2, 30, 40];
    // P(alive | x, t_x, T) of BG/NBD, written out here rather than taken from core.
    const alive = 1 / (1 + (a / (b + x - 1)) * ((alpha + T) / (alpha + tx)) ** (r + x));
    // Gamma-Gamma's expected spend per purchase given x repeat purchases of mean 4,500.
    const { p, q, v } = model.spend;
    const spend = ((q - 1) / (p * x + q - 1)) * ((v * p) / (q - 1)) + ((p * x) / (p * x + q - 1)) * 4_500;
    const purchases = expectedPurchases(model.purchase, 90 / 7, { frequency: x, recency: tx, T });
    const prediction = predictCustomer(model, orders, now);
    expect(prediction?.probabilityAlive).toBeCloseTo(alive, 12);
    expect(prediction?.expectedPurchases).toBeCloseTo(purchases, 12);
    expect(prediction?.valueMinor).toBe(Math.round(purchases * spend));
    // A customer seen on their purchase pattern for 40 weeks, last buying 10 weeks ago, is likely still there.
    expect(alive).toBeGreaterThan(0.5);
    expect(purchases).toBeGreaterThan(0.1);
  });

  it('is null without a paid purchase in the model currency, and ages as time passes without one', () => {
    expect(predictCustomer(model, [at(10, 5_000, { currency: 'USD' }), at(20, 5_000, { status: 'refunded' })], now)).toBeNull();
    const later = predictCustomer(model, orders, now + 200 * 86_400_000);
    expect(later!.probabilityAlive).toBeLessThan(predictCustomer(model, orders, now)!.probabilityAlive);
  });
});
