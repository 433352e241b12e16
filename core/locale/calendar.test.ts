import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarOf } from './calendar';
import { zoneOffsetMs } from './time-zone';

describe('calendarOf', () => {
  const at = (iso: string) => Date.parse(iso);

  it('puts instants on their UTC calendar day in UTC', () => {
    const utc = calendarOf('UTC');
    expect(utc.day(at('1970-01-01T23:59:59Z'))).toBe(0);
    expect(utc.day(at('1970-01-02T00:00:00Z'))).toBe(1);
    expect(utc.day(at('1969-12-31T23:00:00Z'))).toBe(-1);
  });

  it('puts a 22:00 sale in São Paulo on that evening’s day, though UTC has moved on', () => {
    const saoPaulo = calendarOf('America/Sao_Paulo');
    const sale = at('2026-11-29T01:00:00Z'); // 22:00 on the 28th in São Paulo
    expect(saoPaulo.day(sale)).toBe(calendarOf('UTC').day(at('2026-11-28T12:00:00Z')));
    expect(saoPaulo.day(sale)).toBe(calendarOf('UTC').day(sale) - 1);
    expect(saoPaulo.day(at('2026-11-29T03:00:00Z'))).toBe(calendarOf('UTC').day(sale)); // 00:00 local: the next day
    expect(saoPaulo.dayStart(saoPaulo.day(sale))).toBe(at('2026-11-28T03:00:00Z'));
  });

  it('keeps days whole across a DST change: 23 and 25 hours are one day each', () => {
    for (const [zone, springDay, fallDay] of [
      ['Europe/Lisbon', '2026-03-29', '2026-10-25'],
      ['America/New_York', '2026-03-08', '2026-11-01'],
    ] as const) {
      const calendar = calendarOf(zone);
      const utc = calendarOf('UTC');
      for (const [day, hours] of [
        [springDay, 23],
        [fallDay, 25],
      ] as const) {
        const number = utc.day(at(`${day}T12:00:00Z`));
        const start = calendar.dayStart(number);
        const end = calendar.dayStart(number + 1);
        expect((end - start) / 3_600_000, `${zone} ${day}`).toBe(hours);
        // Every instant of that day, at either end, is on it; the instants just outside are not.
        expect([calendar.day(start), calendar.day(end - 1), calendar.day(start - 1), calendar.day(end)]).toEqual([number, number, number - 1, number + 1]);
      }
      // A purchase the evening before the change and one the evening after are one day apart.
      const before = calendar.dayStart(utc.day(at(`${springDay}T12:00:00Z`)) - 1) + 21 * 3_600_000;
      const after = calendar.dayStart(utc.day(at(`${springDay}T12:00:00Z`))) + 21 * 3_600_000;
      expect(calendar.day(after) - calendar.day(before), zone).toBe(1);
    }
  });

  it('gives the day Intl reads on the zone’s clock, for any instant', () => {
    const zones = ['America/Sao_Paulo', 'Europe/Lisbon', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham', 'America/St_Johns'];
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }), (zone, ms) => {
        const wall = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
        expect(calendarOf(zone).day(ms)).toBe(Date.parse(`${wall}T00:00:00Z`) / 86_400_000);
        expect(Math.abs(zoneOffsetMs(ms, zone) % 60_000)).toBe(0);
      }),
    );
  });
});
