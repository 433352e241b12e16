import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bgNbdExpectedPurchases, bgNbdProbabilityAlive, fitBgNbd } from './bg-nbd';
import {
  fitMbgNbd,
  mbgNbdExpectedPurchases,
  mbgNbdExpectedPurchasesNew,
  mbgNbdLogLikelihood,
  mbgNbdProbabilityAlive,
} from './mbg-nbd';
import { parseCdnowSummary } from './testing/cdnow';
import { aliveExpectationByQuadrature } from './testing/quadrature';
import { simulateNbdCustomers } from './testing/simulate';
import type { MbgNbdParams } from './types';

const cdnow = parseCdnowSummary(
  readFileSync(new URL('../../../shared/data/cdnow/cdnow_customers_summary.csv', import.meta.url), 'utf8'),
);
const relativeError = (actual: number, expected: number): number => Math.abs(actual - expected) / Math.abs(expected);
const small: MbgNbdParams = { model: 'mbg-nbd', r: 2, alpha: 3, a: 2, b: 3 };

describe('MBG/NBD likelihood', () => {
  it('matches the hand-computed likelihood for integer parameters', () => {
    // r=2, α=3, a=2, b=3, x=1, t_x=2, T=5 (both purchases were dropout chances):
    //   B(2,5)/B(2,3) · 2 · 9 / 8³ = 0.4 · 18 / 512 = 0.0140625
    //   B(3,4)/B(2,3) · 2 · 9 / 5³ = 0.2 · 18 / 125 = 0.0288
    expect(mbgNbdLogLikelihood(small, [{ frequency: 1, recency: 2, T: 5 }])).toBeCloseTo(Math.log(0.0428625), 13);
    // x=0, T=5: alive B(2,4)/B(2,3)·(3/8)² = 0.6·9/64, or gone at once B(3,3)/B(2,3) = 0.4.
    expect(mbgNbdLogLikelihood(small, [{ frequency: 0, recency: 0, T: 5 }])).toBeCloseTo(Math.log(0.6 * (9 / 64) + 0.4), 13);
  });
});

describe('MBG/NBD predictions', () => {
  it('lets a one-time buyer be gone: P(alive | x=0, T=0) = b/(a+b), falling with T', () => {
    expect(mbgNbdProbabilityAlive(small, { frequency: 0, recency: 0, T: 0 })).toBeCloseTo(3 / 5, 14);
    const later = mbgNbdProbabilityAlive(small, { frequency: 0, recency: 0, T: 50 });
    expect(later).toBeLessThan(3 / 5);
    expect(later).toBeGreaterThan(0);
  });

  it('gives P(alive) as the alive share of the likelihood', () => {
    expect(mbgNbdProbabilityAlive(small, { frequency: 1, recency: 2, T: 5 })).toBeCloseTo(0.0140625 / 0.0428625, 14);
  });

  it('expects no purchases in a zero-length window', () => {
    expect(mbgNbdExpectedPurchases(small, 0, { frequency: 3, recency: 4, T: 5 })).toBe(0);
    expect(mbgNbdExpectedPurchasesNew(small, 0)).toBe(0);
  });

  it('agrees with direct numerical integration over the dropout probability', () => {
    const row = { frequency: 3, recency: 20, T: 38 };
    for (const a of [0.89, 1, 2.5]) {
      const params: MbgNbdParams = { model: 'mbg-nbd', r: 0.52, alpha: 6.2, a, b: 1.6 };
      for (const t of [1, 39, 300, 5000]) {
        // Given alive, dropout has survived x + 1 chances: p ~ Beta(a, b + x + 1).
        const expected =
          mbgNbdProbabilityAlive(params, row) * aliveExpectationByQuadrature(0.52 + 3, 6.2 + 38, a, 1.6 + 4, t);
        expect(relativeError(mbgNbdExpectedPurchases(params, t, row), expected), `a=${a} t=${t}`).toBeLessThan(1e-7);
      }
    }
  });

  it('computes E[X(t)] for a new customer as b/(a+b) times the alive expectation', () => {
    const params: MbgNbdParams = { model: 'mbg-nbd', r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 };
    for (const t of [5, 39, 78]) {
      const expected = (1.614 / (0.891 + 1.614)) * aliveExpectationByQuadrature(0.525, 6.183, 0.891, 2.614, t);
      expect(relativeError(mbgNbdExpectedPurchasesNew(params, t), expected)).toBeLessThan(1e-7);
    }
  });

  it('equals BG/NBD with b + 1 for repeat buyers but not for one-time buyers', () => {
    // After x >= 1 purchases MBG/NBD has survived exactly one more dropout chance than BG/NBD,
    // which is the same as starting from Beta(a, b + 1). With x = 0 BG/NBD knows the customer is
    // alive while MBG/NBD does not, so MBG/NBD must predict less there.
    const mbg: MbgNbdParams = { model: 'mbg-nbd', r: 0.5, alpha: 6, a: 0.9, b: 1.6 };
    const bgShifted = { model: 'bg-nbd' as const, r: 0.5, alpha: 6, a: 0.9, b: 2.6 };
    const repeat = { frequency: 2, recency: 20, T: 38 };
    expect(mbgNbdProbabilityAlive(mbg, repeat)).toBeCloseTo(bgNbdProbabilityAlive(bgShifted, repeat), 14);
    expect(mbgNbdExpectedPurchases(mbg, 39, repeat)).toBeCloseTo(bgNbdExpectedPurchases(bgShifted, 39, repeat), 12);
    const oneTime = { frequency: 0, recency: 0, T: 38 };
    expect(mbgNbdExpectedPurchases(mbg, 39, oneTime)).toBeLessThan(bgNbdExpectedPurchases(bgShifted, 39, oneTime));
  });
});

describe('fitMbgNbd', () => {
  it('reproduces the published CDNOW estimates (r 0.525, α 6.183, a 0.891, b 1.614)', () => {
    const fit = fitMbgNbd(cdnow);
    expect(fit.model).toBe('mbg-nbd');
    expect(fit.r).toBeCloseTo(0.525, 3);
    expect(fit.alpha).toBeCloseTo(6.183, 2);
    expect(fit.a).toBeCloseTo(0.891, 3);
    expect(fit.b).toBeCloseTo(1.614, 2);
    expect(fit.logLikelihood).toBeCloseTo(mbgNbdLogLikelihood(fit, cdnow), 6);
    // The extra dropout chance fits CDNOW about as well as BG/NBD (both ≈ −9582).
    expect(Math.abs(fit.logLikelihood - fitBgNbd(cdnow).logLikelihood)).toBeLessThan(1);
  });

  it('finds the same parameters on the 23,570-row cohort made of ten CDNOW copies', () => {
    const single = fitMbgNbd(cdnow);
    const tenfold = fitMbgNbd(Array.from({ length: 10 }, () => cdnow).flat());
    for (const key of ['r', 'alpha', 'a', 'b'] as const) expect(relativeError(tenfold[key], single[key])).toBeLessThan(1e-6);
    expect(tenfold.logLikelihood).toBeCloseTo(10 * single.logLikelihood, 4);
  });

  it('recovers the parameters of simulated customers, including immediate dropouts', () => {
    const truth = { r: 0.5, alpha: 5, a: 0.8, b: 2.5 };
    const rows = simulateNbdCustomers(truth, 20_000, { seed: 12, model: 'mbg-nbd', minT: 26, maxT: 78 });
    const fit = fitMbgNbd(rows);
    // Tolerances are ~2.5× the spread seen across seeds at this sample size.
    expect(relativeError(fit.r, truth.r)).toBeLessThan(0.1);
    expect(relativeError(fit.alpha, truth.alpha)).toBeLessThan(0.1);
    expect(relativeError(fit.a, truth.a)).toBeLessThan(0.15);
    expect(relativeError(fit.b, truth.b)).toBeLessThan(0.25);
  });

  it('rejects empty and malformed input', () => {
    expect(() => fitMbgNbd([])).toThrow(RangeError);
    expect(() => fitMbgNbd([{ frequency: -1, recency: 0, T: 2 }])).toThrow(RangeError);
  });
});
