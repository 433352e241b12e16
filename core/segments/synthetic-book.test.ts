import { describe, expect, it } from 'vitest';
import { syntheticBook } from './testing/synthetic-book';

const now = Date.parse('2026-11-29T12:00:00Z');

describe('the synthetic book', () => {
  it('has exactly the orders asked for', () => {
    expect(syntheticBook({ customers: 200, orders: 1_000, feedback: 0, seed: 3, now }).orders).toHaveLength(1_000);
  });

  it('refuses fewer orders than its buyers can be trimmed to, instead of looping forever', () => {
    expect(() => syntheticBook({ customers: 1_000, orders: 100, feedback: 0, seed: 3, now })).toThrow(/need at least \d+ orders \(asked for 100\)/);
  });
});
