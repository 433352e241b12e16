import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInstantMs, toEpochMs } from './time';

describe('parseInstantMs', () => {
  it('reads the book’s UTC instants exactly like Date.parse', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_000_000_000_000, max: 250_000_000_000_000 }), fc.boolean(), (ms, withMillis) => {
        const d = new Date(ms);
        let iso = d.toISOString();
        if (iso.length !== 24) return; // extended years (+/-YYYYYY) are Date.parse's job
        if (!withMillis) iso = iso.slice(0, 19) + 'Z';
        expect(parseInstantMs(iso)).toBe(Date.parse(iso));
      }),
    );
  });

  it('falls back to Date.parse for offsets and rejects impossible dates', () => {
    expect(parseInstantMs('2026-03-01T10:00:00-03:00')).toBe(Date.parse('2026-03-01T13:00:00Z'));
    expect(parseInstantMs('2025-02-29T00:00:00Z')).toBeNaN();
    expect(parseInstantMs('not a date')).toBeNaN();
  });
});

describe('toEpochMs', () => {
  it('reads a Date or passes epoch ms through', () => {
    expect(toEpochMs(new Date(5))).toBe(5);
    expect(toEpochMs(7)).toBe(7);
  });
});
