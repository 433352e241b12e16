import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDate, ZoneClock } from './dates';

const saoPaulo = new ZoneClock('America/Sao_Paulo');
const lisbon = new ZoneClock('Europe/Lisbon');

describe('readDate', () => {
  it('reads the ways sellers’ files write a date, on the seller’s clock unless an offset is given', () => {
    expect(readDate('24/03/2026', saoPaulo)).toBe('2026-03-24T03:00:00.000Z');
    expect(readDate('4/3/2026 2:05', saoPaulo)).toBe('2026-03-04T05:05:00.000Z');
    expect(readDate('24/03/26 22:36', saoPaulo)).toBe('2026-03-25T01:36:00.000Z');
    expect(readDate('24 de março de 2026 22:36 hs.', saoPaulo)).toBe('2026-03-25T01:36:00.000Z');
    expect(readDate('2026-03-24 22:36:00 -0300', lisbon)).toBe('2026-03-25T01:36:00.000Z');
    expect(readDate('2026-03-24T22:36:00Z', saoPaulo)).toBe('2026-03-24T22:36:00.000Z');
    expect(readDate({ value: 46105 + 0.5, text: '24/03/2026 12:00', date: true }, saoPaulo)).toBe('2026-03-24T15:00:00.000Z');
  });

  it('follows daylight saving time in Lisbon', () => {
    expect(readDate('28/03/2026 12:00', lisbon)).toBe('2026-03-28T12:00:00.000Z');
    expect(readDate('30/03/2026 12:00', lisbon)).toBe('2026-03-30T11:00:00.000Z');
  });

  it('refuses dates that do not exist, naming the text', () => {
    for (const text of ['31/02/2026', '29/02/2025', '24/13/2026', '24/03/2026 24:00', '24/03/2026 22:3', '32 de março de 2026', 'ontem', '2026-02-30'])
      expect(readDate(text, saoPaulo), text).toEqual({ code: 'not-a-date', value: text, error: `"${text}" is not a date` });
  });

  it('writes every UTC instant of 1900–2200 as Date#toISOString does', () => {
    const utc = new ZoneClock('UTC');
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1) / 1000, max: Date.UTC(2200, 11, 31, 23, 59, 59) / 1000 }), (seconds) => {
        const date = new Date(seconds * 1000);
        const text = date.toISOString().replace('.000Z', 'Z');
        expect(readDate(text, utc)).toBe(date.toISOString());
      }),
      { numRuns: 10_000 },
    );
  });
});
