import { describe, expect, it } from 'vitest';
import { periodWindows } from './dashboard-periods';
import { SegmentationEngine } from './engine';
import { computeMetrics } from './metrics';
import { customer, order } from './testing/builders';

const SP = 'America/Sao_Paulo';
const iso = (ms: number) => new Date(ms).toISOString();

describe('dashboard periods', () => {
  it('cut calendar months, quarters and years at the seller’s midnight, now’s against the whole one before', () => {
    // 2026-12-01 01:00 UTC is still November 30, 22:00, in São Paulo (UTC−3).
    const now = Date.parse('2026-12-01T01:00:00Z');
    const month = periodWindows('month', now, SP);
    expect([iso(month.current.start), iso(month.current.end)]).toEqual(['2026-11-01T03:00:00.000Z', '2026-12-01T03:00:00.000Z']);
    expect([iso(month.previous.start), iso(month.previous.end)]).toEqual(['2026-10-01T03:00:00.000Z', '2026-11-01T03:00:00.000Z']);
    const quarter = periodWindows('quarter', now, SP);
    expect([iso(quarter.current.start), iso(quarter.previous.start)]).toEqual(['2026-10-01T03:00:00.000Z', '2026-07-01T03:00:00.000Z']);
    const year = periodWindows('year', Date.parse('2026-01-01T02:00:00Z'), SP);
    // Still December 31, 2025 in São Paulo.
    expect([iso(year.current.start), iso(year.current.end), iso(year.previous.start)]).toEqual(['2025-01-01T03:00:00.000Z', '2026-01-01T03:00:00.000Z', '2024-01-01T03:00:00.000Z']);
    expect(iso(periodWindows('month', now, 'UTC').current.start)).toBe('2026-12-01T00:00:00.000Z');
    // Each window's own window before: October's for November, September's for October.
    expect([iso(month.current.previousStart), iso(month.previous.previousStart)]).toEqual(['2026-10-01T03:00:00.000Z', '2026-09-01T03:00:00.000Z']);
    expect(iso(quarter.previous.previousStart)).toBe('2026-04-01T03:00:00.000Z');
  });

  it('make 30 days the last 30 of the seller, today included, against the 30 before', () => {
    const windows = periodWindows('30d', Date.parse('2026-11-30T15:00:00Z'), SP);
    expect(iso(windows.current.start)).toBe('2026-11-01T03:00:00.000Z');
    expect(iso(windows.current.end)).toBe('2026-12-01T03:00:00.000Z');
    expect(iso(windows.previous.start)).toBe('2026-10-02T03:00:00.000Z');
    expect(windows.previous.end).toBe(windows.current.start);
    expect(windows.current.previousStart).toBe(windows.previous.start);
    expect(iso(windows.previous.previousStart)).toBe('2026-09-02T03:00:00.000Z');
  });

  it('count retention against the whole period before, however long (31-day October for 30-day November)', () => {
    // a bought on October 1 and again in November; b on October 10 only; c on November 5 only.
    const book = {
      customers: [customer('a'), customer('b'), customer('c')],
      orders: [order('a', '2026-10-01T15:00:00Z'), order('a', '2026-11-15T15:00:00Z'), order('b', '2026-10-10T15:00:00Z'), order('c', '2026-11-05T15:00:00Z')],
      feedback: [],
    };
    const now = Date.parse('2026-12-10T12:00:00Z');
    const november = periodWindows('month', now, SP).previous;
    const engine = new SegmentationEngine(book, { mainCurrency: 'BRL', timeZone: SP, now });
    expect(engine.metrics(november).current).toMatchObject({ retentionBase: 2, retained: 1, retentionRate: 0.5 });
    expect(computeMetrics({ ...book, period: november, now, timeZone: SP }).current).toMatchObject({ retentionBase: 2, retained: 1 });
    // Thirty days back from November 1 would start on October 2 and miss a.
    expect(engine.metrics({ start: november.start, end: november.end }).current).toMatchObject({ retentionBase: 1, retained: 0 });
    expect(() => engine.metrics({ ...november, previousStart: november.start })).toThrow(RangeError);
  });

  it('count a 22:00 São Paulo sale on the last day of a month in that month', () => {
    // 22:00 on October 31 in São Paulo is 01:00 on November 1 in UTC.
    const book = {
      customers: [customer('a'), customer('b')],
      orders: [order('a', '2026-11-01T01:00:00Z', { totalMinor: 7_000 }), order('b', '2026-11-10T15:00:00Z', { totalMinor: 3_000 })],
      feedback: [],
    };
    const now = Date.parse('2026-11-20T12:00:00Z');
    const { current, previous } = periodWindows('month', now, SP);
    const engine = new SegmentationEngine(book, { mainCurrency: 'BRL', timeZone: SP, now });
    const october = engine.metrics(previous).current;
    const november = engine.metrics(current).current;
    expect(october.revenueMinor).toEqual({ BRL: 7_000 });
    expect(october.orders).toBe(1);
    expect(october.newCustomers).toBe(1);
    expect(november.revenueMinor).toEqual({ BRL: 3_000 });
    expect(november.partial).toBe(true);
    expect(october.partial).toBe(false);
    // The row path agrees; on the UTC calendar the same sale is November's.
    expect(computeMetrics({ ...book, period: previous, now, timeZone: SP }).current.revenueMinor).toEqual({ BRL: 7_000 });
    const utc = periodWindows('month', now, 'UTC');
    expect(new SegmentationEngine(book, { mainCurrency: 'BRL', timeZone: 'UTC', now }).metrics(utc.current).current.revenueMinor).toEqual({ BRL: 10_000 });
  });
});
