import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bgNbdExpectedPurchases, bgNbdExpectedPurchasesNew, bgNbdProbabilityAlive } from './bg-nbd';
import { mbgNbdExpectedPurchases, mbgNbdExpectedPurchasesNew, mbgNbdProbabilityAlive } from './mbg-nbd';
import { expectedPurchases, expectedPurchasesNew, probabilityAlive } from './purchase-model';
import type { PurchaseModelParams, PurchaseRow } from './types';

const numbers = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 };
const bg: PurchaseModelParams = { model: 'bg-nbd', ...numbers };
const mbg: PurchaseModelParams = { model: 'mbg-nbd', ...numbers };
const oneTimeBuyer: PurchaseRow = { frequency: 0, recency: 0, T: 30 };
const regular: PurchaseRow = { frequency: 4, recency: 25, T: 30 };

const params = fc.record({
  model: fc.constantFrom('bg-nbd' as const, 'mbg-nbd' as const),
  r: fc.double({ min: 0.05, max: 20, noNaN: true }),
  alpha: fc.double({ min: 0.05, max: 500, noNaN: true }),
  a: fc.double({ min: 0.05, max: 20, noNaN: true }),
  b: fc.double({ min: 0.05, max: 20, noNaN: true }),
});
const row = fc
  .record({
    frequency: fc.integer({ min: 0, max: 60 }),
    T: fc.double({ min: 0, max: 1000, noNaN: true }),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ frequency, T, share }): PurchaseRow => ({ frequency, T, recency: frequency === 0 ? 0 : share * T }));

describe('purchase model dispatch', () => {
  it('uses the BG/NBD formulas for BG/NBD parameters', () => {
    expect(probabilityAlive(bg, regular)).toBe(bgNbdProbabilityAlive({ model: 'bg-nbd', ...numbers }, regular));
    expect(expectedPurchases(bg, 39, regular)).toBe(bgNbdExpectedPurchases({ model: 'bg-nbd', ...numbers }, 39, regular));
    expect(expectedPurchasesNew(bg, 39)).toBe(bgNbdExpectedPurchasesNew({ model: 'bg-nbd', ...numbers }, 39));
  });

  it('uses the MBG/NBD formulas for MBG/NBD parameters', () => {
    expect(probabilityAlive(mbg, oneTimeBuyer)).toBe(mbgNbdProbabilityAlive({ model: 'mbg-nbd', ...numbers }, oneTimeBuyer));
    expect(expectedPurchases(mbg, 39, regular)).toBe(mbgNbdExpectedPurchases({ model: 'mbg-nbd', ...numbers }, 39, regular));
    expect(expectedPurchasesNew(mbg, 39)).toBe(mbgNbdExpectedPurchasesNew({ model: 'mbg-nbd', ...numbers }, 39));
  });

  it('gives different answers for the two models with the same numbers', () => {
    expect(probabilityAlive(bg, oneTimeBuyer)).toBe(1);
    expect(probabilityAlive(mbg, oneTimeBuyer)).toBeLessThan(1);
    expect(expectedPurchases(mbg, 39, regular)).not.toBeCloseTo(expectedPurchases(bg, 39, regular), 3);
  });

  it('rejects an unknown model tag at run time', () => {
    const bogus = { model: 'pareto-nbd', ...numbers } as unknown as PurchaseModelParams;
    expect(() => probabilityAlive(bogus, regular)).toThrow(TypeError);
    expect(() => expectedPurchases(bogus, 1, regular)).toThrow(TypeError);
    expect(() => expectedPurchasesNew(bogus, 1)).toThrow(TypeError);
  });
});

describe('purchase model properties', () => {
  it('keeps P(alive) within [0, 1]', () => {
    fc.assert(
      fc.property(params, row, (p, r) => {
        const alive = probabilityAlive(p, r);
        expect(alive).toBeGreaterThanOrEqual(0);
        expect(alive).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('expects a non-negative number of purchases that never decreases with the horizon', () => {
    fc.assert(
      fc.property(
        params,
        row,
        fc.double({ min: 0, max: 2000, noNaN: true }),
        fc.double({ min: 0, max: 2000, noNaN: true }),
        (p, r, t1, t2) => {
          const [short, long] = t1 <= t2 ? [t1, t2] : [t2, t1];
          const early = expectedPurchases(p, short, r);
          const late = expectedPurchases(p, long, r);
          expect(early).toBeGreaterThanOrEqual(0);
          expect(late).toBeGreaterThanOrEqual(early * (1 - 1e-9) - 1e-12);
        },
      ),
    );
  });

  it('never expects more purchases than a customer certain to stay alive would make', () => {
    // Without dropout, purchases in t are Poisson with mean λt and E[λ | x, T] = (r+x)/(α+T).
    fc.assert(
      fc.property(params, row, fc.double({ min: 0, max: 2000, noNaN: true }), (p, r, t) => {
        const ceiling = ((p.r + r.frequency) / (p.alpha + r.T)) * t;
        expect(expectedPurchases(p, t, r)).toBeLessThanOrEqual(ceiling * (1 + 1e-9) + 1e-12);
      }),
    );
  });

  it('finds a customer less likely to be alive the longer they have been silent', () => {
    fc.assert(
      fc.property(params, row, fc.double({ min: 0.1, max: 500, noNaN: true }), (p, r, extraSilence) => {
        const later = { ...r, T: r.T + extraSilence };
        expect(probabilityAlive(p, later)).toBeLessThanOrEqual(probabilityAlive(p, r) + 1e-12);
      }),
    );
  });
});
