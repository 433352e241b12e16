import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BASE_DELAY_MS, MAX_DELAY_MS, MAX_RETRY_AFTER_MS, backoffDelay, parseRetryAfter } from './backoff';

describe('retry backoff', () => {
  it('doubles from 2 s, caps at 5 min, and jitters within the upper half of each step', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, r) => {
        const step = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempt - 1));
        const delay = backoffDelay(attempt, () => r);
        expect(delay).toBeGreaterThanOrEqual(Math.floor(step / 2));
        expect(delay).toBeLessThanOrEqual(step);
      }),
    );
    expect(backoffDelay(1, () => 0)).toBe(1000);
    expect(backoffDelay(3, () => 0.999999)).toBe(8000);
    expect(backoffDelay(40, () => 0.5)).toBe(225_000);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-05-01T12:00:00Z');
    expect(parseRetryAfter('30', now)).toBe(30_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Fri, 01 May 2026 12:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('Fri, 01 May 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('99999999', now)).toBe(MAX_RETRY_AFTER_MS);
    for (const junk of [null, undefined, '', 'soon', '-5', '1.5']) expect(parseRetryAfter(junk, now), String(junk)).toBeNull();
  });
});
