import { describe, expect, it } from 'vitest';
import { expectedPurchasesWhileAlive } from './alive-expectation';
import { aliveExpectationByQuadrature } from './testing/quadrature';

const relativeError = (actual: number, expected: number): number => Math.abs(actual - expected) / Math.abs(expected);

describe('expectedPurchasesWhileAlive', () => {
  it('agrees with quadrature across typical, heavy-buyer and long-horizon regimes', () => {
    const cases: [number, number, number, number, number][] = [
      // r, alpha, a, b, t
      [0.243, 4.414, 0.793, 2.426, 39],
      [0.243 + 2, 4.414 + 38.86, 0.793, 2.426 + 2, 39],
      // A heavy buyer observed briefly: large c and c − a − b in 2F1 (found by a property test).
      [51.05, 498.7, 0.05, 62.59, 1994.6],
      [55.05, 0.05, 0.05, 58.36, 0.2],
      // Horizon far beyond alpha: z = t/(alpha + t) within 1e-6 of 1.
      [0.525, 6.183, 0.891, 2.614, 6e6],
      [1.5, 2, 3, 40, 1e4],
    ];
    for (const [r, alpha, a, b, t] of cases) {
      const expected = aliveExpectationByQuadrature(r, alpha, a, b, t);
      expect(relativeError(expectedPurchasesWhileAlive(r, alpha, a, b, t), expected), `${[r, alpha, a, b, t]}`).toBeLessThan(1e-7);
    }
  });

  it('approaches E[λ]·t = (r/alpha)·t over very short horizons and stays positive', () => {
    for (const t of [1e-3, 1e-6, 1e-9, 1e-12, 1e-300, 5e-324]) {
      const value = expectedPurchasesWhileAlive(0.05, 0.235, 0.7, 0.35, t);
      expect(value).toBeGreaterThanOrEqual(0);
      if (t >= 1e-300) expect(relativeError(value, (0.05 / 0.235) * t)).toBeLessThan(Math.max(1e-12, 10 * t));
    }
  });

  it('is continuous where it switches to the short-horizon series', () => {
    const [r, alpha, a, b] = [0.24, 4.4, 0.79, 2.4];
    const edge = (1e-7 * alpha) / (r + 1);
    const below = expectedPurchasesWhileAlive(r, alpha, a, b, edge * (1 - 1e-9));
    const above = expectedPurchasesWhileAlive(r, alpha, a, b, edge * (1 + 1e-9));
    expect(relativeError(above, below)).toBeLessThan(1e-8);
  });

  it('is continuous across a = 1, where the closed form is 0/0', () => {
    const at = (a: number): number => expectedPurchasesWhileAlive(0.5, 5, a, 2.5, 52);
    expect(Number.isFinite(at(1))).toBe(true);
    for (const a of [1 - 1e-4, 1 + 1e-4]) {
      expect(relativeError(at(a * (1 - 1e-9)), at(a * (1 + 1e-9)))).toBeLessThan(1e-7);
    }
    expect(relativeError(at(1), aliveExpectationByQuadrature(0.5, 5, 1, 2.5, 52))).toBeLessThan(1e-7);
  });

  it('tends to E[1/p] = (a+b−1)/(a−1) for an unbounded horizon, infinite when a <= 1', () => {
    expect(expectedPurchasesWhileAlive(1, 1, 3, 4, Number.POSITIVE_INFINITY)).toBe(3);
    expect(expectedPurchasesWhileAlive(1, 1, 0.8, 4, Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(expectedPurchasesWhileAlive(1, 1, 0.8, 4, 0)).toBe(0);
    expect(expectedPurchasesWhileAlive(1, 1, 0.8, 4, -3)).toBe(0);
  });
});
