import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rfmRowFromOrders, type OrderForRfm } from './rfm-rows';

const DAY = 86_400_000;
const now = Date.UTC(2024, 5, 30, 12); // 2024-06-30 12:00 UTC
const paid = (placedAt: string, totalMinor: number): OrderForRfm => ({ placedAt, totalMinor, status: 'paid' });

describe('rfmRowFromOrders', () => {
  it('returns null for a customer without a paid order', () => {
    expect(rfmRowFromOrders([], now, 'days', 'UTC')).toBeNull();
    expect(
      rfmRowFromOrders(
        [
          { placedAt: '2024-06-01T10:00:00Z', totalMinor: 500, status: 'refunded' },
          { placedAt: '2024-06-02T10:00:00Z', totalMinor: 500, status: 'cancelled' },
        ],
        now,
        'days',
        'UTC',
      ),
    ).toBeNull();
  });

  it('summarises a one-time buyer as frequency 0 with T measured from the purchase day', () => {
    expect(rfmRowFromOrders([paid('2024-06-20T23:59:00Z', 1500)], now, 'days', 'UTC')).toEqual({
      frequency: 0,
      recency: 0,
      T: 10,
      monetaryValue: 0,
    });
  });

  it('counts purchase days, not orders, and averages only the repeat days', () => {
    const orders = [
      paid('2024-06-01T09:00:00Z', 1000), // first purchase day, left out of monetaryValue
      paid('2024-06-08T09:00:00Z', 2000),
      paid('2024-06-08T18:30:00Z', 500), // same UTC day: one purchase of 2500
      paid('2024-06-15T12:00:00Z', 3500),
      { placedAt: '2024-06-20T12:00:00Z', totalMinor: 9999, status: 'refunded' as const },
    ];
    expect(rfmRowFromOrders(orders, now, 'days', 'UTC')).toEqual({ frequency: 2, recency: 14, T: 29, monetaryValue: 3000 });
    expect(rfmRowFromOrders(orders, now, 'weeks', 'UTC')).toEqual({ frequency: 2, recency: 2, T: 29 / 7, monetaryValue: 3000 });
  });

  it('uses the calendar days of the zone it is given (UTC here) whatever the offset in the timestamp', () => {
    // 23:30 at −05:00 is 04:30 UTC the next day, so these are two different UTC days.
    const row = rfmRowFromOrders([paid('2024-06-01T23:30:00-05:00', 100), paid('2024-06-02T01:00:00Z', 100)], now, 'days', 'UTC');
    expect(row?.frequency).toBe(0);
    const split = rfmRowFromOrders([paid('2024-06-01T18:00:00-05:00', 100), paid('2024-06-02T01:00:00Z', 100)], now, 'days', 'UTC');
    expect(split?.frequency).toBe(1);
  });

  it('counts days on the seller’s calendar: a 22:00 sale in São Paulo joins that morning’s', () => {
    const orders = [paid('2024-06-01T13:00:00Z', 100), paid('2024-06-02T01:00:00Z', 100)]; // 10:00 and 22:00 in São Paulo
    expect(rfmRowFromOrders(orders, now, 'days', 'America/Sao_Paulo')?.frequency).toBe(0);
    expect(rfmRowFromOrders(orders, now, 'days', 'UTC')?.frequency).toBe(1);
  });

  it('reads timestamps without a zone as UTC, whatever the host time zone', () => {
    const hostZone = process.env.TZ;
    process.env.TZ = 'America/New_York'; // read as local time this would be 03:30 UTC on the 30th
    try {
      expect(rfmRowFromOrders([paid('2024-06-29T23:30:00', 100)], now, 'days', 'UTC')?.T).toBe(1);
    } finally {
      if (hostZone === undefined) delete process.env.TZ;
      else process.env.TZ = hostZone;
    }
  });

  it('ignores orders placed after now and accepts now as a Date', () => {
    const orders = [paid('2024-06-01T09:00:00Z', 1000), paid('2024-07-05T09:00:00Z', 1000)];
    expect(rfmRowFromOrders(orders, new Date(now), 'days', 'UTC')).toEqual({ frequency: 0, recency: 0, T: 29, monetaryValue: 0 });
  });

  it('rejects an unparseable timestamp on a paid order', () => {
    expect(() => rfmRowFromOrders([paid('last tuesday', 100)], now, 'days', 'UTC')).toThrow(RangeError);
    expect(() => rfmRowFromOrders([{ placedAtMs: Number.NaN, totalMinor: 100, status: 'paid' }], now, 'days', 'UTC')).toThrow(RangeError);
  });

  it('reads a timestamp already parsed (epoch ms) as the instant it names', () => {
    const sales: [string, number][] = [['2024-06-01T09:00:00Z', 1000], ['2024-06-08T23:30:00Z', 2000], ['2024-06-09T01:00:00Z', 500], ['2024-07-05T09:00:00Z', 1000]];
    const orders = sales.map(([placedAt, totalMinor]) => paid(placedAt, totalMinor));
    const parsed = sales.map(([placedAt, totalMinor]) => ({ placedAtMs: Date.parse(placedAt), totalMinor, status: 'paid' as const }));
    expect(rfmRowFromOrders(parsed, now, 'weeks', 'America/Sao_Paulo')).toEqual(rfmRowFromOrders(orders, now, 'weeks', 'America/Sao_Paulo'));
  });

  const order = fc.record({
    day: fc.integer({ min: 0, max: 400 }),
    msInDay: fc.integer({ min: 0, max: DAY - 1 }),
    totalMinor: fc.integer({ min: 1, max: 1_000_000 }),
    status: fc.constantFrom('paid' as const, 'paid' as const, 'refunded' as const, 'cancelled' as const),
  });
  const start = Date.UTC(2023, 0, 1);
  const toOrder = (o: { day: number; msInDay: number; totalMinor: number; status: OrderForRfm['status'] }): OrderForRfm => ({
    placedAt: new Date(start + o.day * DAY + o.msInDay).toISOString(),
    totalMinor: o.totalMinor,
    status: o.status,
  });
  const nowMs = start + 401 * DAY;

  it('keeps the invariants the models rely on', () => {
    fc.assert(
      fc.property(fc.array(order, { maxLength: 40 }), fc.constantFrom('days' as const, 'weeks' as const), (raw, unit) => {
        const row = rfmRowFromOrders(raw.map(toOrder), nowMs, unit, 'UTC');
        const paidDays = new Set(raw.filter((o) => o.status === 'paid').map((o) => o.day));
        if (paidDays.size === 0) {
          expect(row).toBeNull();
          return;
        }
        expect(row).not.toBeNull();
        if (row === null) return;
        expect(row.frequency).toBe(paidDays.size - 1);
        expect(row.recency).toBeGreaterThanOrEqual(0);
        expect(row.recency).toBeLessThanOrEqual(row.T);
        if (row.frequency === 0) expect(row.recency).toBe(0);
        const first = Math.min(...paidDays);
        const scale = unit === 'days' ? 1 : 7;
        expect(row.T).toBeCloseTo((401 - first) / scale, 12);
        const repeatTotal = raw.filter((o) => o.status === 'paid' && o.day !== first).reduce((s, o) => s + o.totalMinor, 0);
        expect(row.monetaryValue).toBeCloseTo(row.frequency === 0 ? 0 : repeatTotal / row.frequency, 9);
      }),
    );
  });

  it('is unchanged by order sequence and by adding refunded or cancelled orders', () => {
    fc.assert(
      fc.property(fc.array(order, { maxLength: 30 }), fc.array(order, { maxLength: 10 }), (raw, noise) => {
        const orders = raw.map(toOrder);
        const extra = noise.map((o) => toOrder({ ...o, status: o.day % 2 === 0 ? 'refunded' : 'cancelled' }));
        const expected = rfmRowFromOrders(orders, nowMs, 'days', 'UTC');
        expect(rfmRowFromOrders([...extra, ...orders].reverse(), nowMs, 'days', 'UTC')).toEqual(expected);
      }),
    );
  });

  it('treats several orders on one UTC day exactly like one order with their summed total', () => {
    fc.assert(
      fc.property(fc.array(order, { minLength: 1, maxLength: 20 }), fc.integer({ min: 2, max: 5 }), (raw, pieces) => {
        const whole = raw.map((o) => toOrder({ ...o, status: 'paid', totalMinor: o.totalMinor * pieces }));
        const split = raw.flatMap((o) =>
          Array.from({ length: pieces }, (_, i) => toOrder({ ...o, status: 'paid', msInDay: Math.floor((o.msInDay * (i + 1)) / pieces) })),
        );
        const a = rfmRowFromOrders(whole, nowMs, 'days', 'UTC');
        const b = rfmRowFromOrders(split, nowMs, 'days', 'UTC');
        expect(b?.frequency).toBe(a?.frequency);
        expect(b?.recency).toBe(a?.recency);
        expect(b?.T).toBe(a?.T);
        expect(b?.monetaryValue).toBeCloseTo(a?.monetaryValue ?? Number.NaN, 9);
      }),
    );
  });
});
