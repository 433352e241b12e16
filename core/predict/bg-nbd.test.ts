import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  bgNbdExpectedPurchases,
  bgNbdExpectedPurchasesNew,
  bgNbdLogLikelihood,
  bgNbdProbabilityAlive,
  fitBgNbd,
} from './bg-nbd';
import { parseCdnowSummary } from './testing/cdnow';
import { aliveExpectationByQuadrature } from './testing/quadrature';
import { simulateNbdCustomers } from './testing/simulate';
import type { BgNbdParams, PurchaseRow } from './types';

const cdnow = parseCdnowSummary(
  readFileSync(new URL('../../../shared/data/cdnow/cdnow_customers_summary.csv', import.meta.url), 'utf8'),
);
const relativeError = (actual: number, expected: number): number => Math.abs(actual - expected) / Math.abs(expected);
const small: BgNbdParams = { model: 'bg-nbd', r: 2, alpha: 3, a: 2, b: 3 };

describe('BG/NBD likelihood', () => {
  it('matches the hand-computed likelihood for integer parameters', () => {
    // r=2, α=3, a=2, b=3, x=1, t_x=2, T=5:
    //   B(2,4)/B(2,3) · Γ(3)/Γ(2) · 3² / 8³ = 0.6 · 2 · 9 / 512 = 0.02109375
    //   B(3,3)/B(2,3) · Γ(3)/Γ(2) · 3² / 5³ = 0.4 · 2 · 9 / 125 = 0.0576
    expect(bgNbdLogLikelihood(small, [{ frequency: 1, recency: 2, T: 5 }])).toBeCloseTo(Math.log(0.07869375), 13);
    // x=0, T=5: only the "alive" term, (α/(α+T))^r = (3/8)².
    expect(bgNbdLogLikelihood(small, [{ frequency: 0, recency: 0, T: 5 }])).toBeCloseTo(Math.log(9 / 64), 13);
  });

  it('equals a naive product-form computation summed over rows', () => {
    const params: BgNbdParams = { model: 'bg-nbd', r: 0.7, alpha: 6.5, a: 1.3, b: 4.2 };
    const gamma = (x: number): number => Math.exp(logGammaNaive(x));
    const beta = (x: number, y: number): number => (gamma(x) * gamma(y)) / gamma(x + y);
    const naive = ({ frequency: x, recency, T }: PurchaseRow): number => {
      const { r, alpha, a, b } = params;
      const nbd = (until: number): number => (gamma(r + x) * alpha ** r) / (gamma(r) * (alpha + until) ** (r + x));
      const alive = (beta(a, b + x) / beta(a, b)) * nbd(T);
      const dead = x > 0 ? (beta(a + 1, b + x - 1) / beta(a, b)) * nbd(recency) : 0;
      return Math.log(alive + dead);
    };
    const rows: PurchaseRow[] = [
      { frequency: 0, recency: 0, T: 30 },
      { frequency: 1, recency: 3.5, T: 12 },
      { frequency: 4, recency: 20, T: 21 },
      { frequency: 9, recency: 1, T: 40 },
    ];
    const expected = rows.reduce((sum, row) => sum + naive(row), 0);
    expect(relativeError(bgNbdLogLikelihood(params, rows), expected)).toBeLessThan(1e-10);
  });

  it('stays finite for heavy buyers where the naive terms underflow', () => {
    const params: BgNbdParams = { model: 'bg-nbd', r: 0.24, alpha: 4.4, a: 0.79, b: 2.4 };
    const ll = bgNbdLogLikelihood(params, [{ frequency: 400, recency: 5000, T: 5200 }]);
    expect(Number.isFinite(ll)).toBe(true);
    expect((4.4 + 5200) ** -400.24).toBe(0); // what a direct computation would see
  });
});

describe('BG/NBD predictions', () => {
  it('says a customer with no repeat purchase is certainly alive', () => {
    expect(bgNbdProbabilityAlive(small, { frequency: 0, recency: 0, T: 1000 })).toBe(1);
  });

  it('gives P(alive) as the alive share of the likelihood', () => {
    // From the hand computation above: 0.02109375 / 0.07869375.
    expect(bgNbdProbabilityAlive(small, { frequency: 1, recency: 2, T: 5 })).toBeCloseTo(0.02109375 / 0.07869375, 14);
  });

  it('expects no purchases in a zero-length window', () => {
    expect(bgNbdExpectedPurchases(small, 0, { frequency: 3, recency: 4, T: 5 })).toBe(0);
    expect(bgNbdExpectedPurchasesNew(small, 0)).toBe(0);
  });

  it('reproduces the CDNOW worked example E[Y(39) | x=2, t_x=30.43, T=38.86] ≈ 1.226', () => {
    const published: BgNbdParams = { model: 'bg-nbd', r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    const row = { frequency: 2, recency: 30.43, T: 38.86 };
    expect(bgNbdExpectedPurchases(published, 39, row)).toBeCloseTo(1.226, 3);
  });

  it('agrees with direct numerical integration over the dropout probability (eq. 10 via 2F1)', () => {
    const row = { frequency: 3, recency: 20, T: 38 };
    for (const a of [0.79, 1, 1.00001, 2.5]) {
      const params: BgNbdParams = { model: 'bg-nbd', r: 0.6, alpha: 4.4, a, b: 2.4 };
      for (const t of [1, 39, 300, 5000]) {
        const alive = bgNbdProbabilityAlive(params, row);
        const expected = alive * aliveExpectationByQuadrature(0.6 + 3, 4.4 + 38, a, 2.4 + 3, t);
        expect(relativeError(bgNbdExpectedPurchases(params, t, row), expected), `a=${a} t=${t}`).toBeLessThan(1e-7);
      }
    }
  });

  it('computes E[X(t)] for a new customer, equal to the conditional form at x = 0, T = 0', () => {
    const params: BgNbdParams = { model: 'bg-nbd', r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    for (const t of [5, 39, 78, 1000]) {
      const byQuadrature = aliveExpectationByQuadrature(0.243, 4.414, 0.793, 2.426, t);
      expect(relativeError(bgNbdExpectedPurchasesNew(params, t), byQuadrature)).toBeLessThan(1e-7);
      expect(bgNbdExpectedPurchasesNew(params, t)).toBe(bgNbdExpectedPurchases(params, t, { frequency: 0, recency: 0, T: 0 }));
    }
  });

  it('tends to E[1/p] = (a+b−1)/(a−1) over an unbounded horizon when a > 1', () => {
    const params: BgNbdParams = { model: 'bg-nbd', r: 1.5, alpha: 2, a: 3, b: 4 };
    expect(bgNbdExpectedPurchasesNew(params, 1e9)).toBeCloseTo(3, 4);
    expect(bgNbdExpectedPurchasesNew(params, Number.POSITIVE_INFINITY)).toBe(3);
  });

  it('is invariant to the time unit: days with α·7 predict what weeks with α predict', () => {
    const weeks: BgNbdParams = { model: 'bg-nbd', r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    const days: BgNbdParams = { ...weeks, alpha: weeks.alpha * 7 };
    const rowWeeks = { frequency: 2, recency: 30.43, T: 38.86 };
    const rowDays = { frequency: 2, recency: 30.43 * 7, T: 38.86 * 7 };
    expect(bgNbdProbabilityAlive(days, rowDays)).toBeCloseTo(bgNbdProbabilityAlive(weeks, rowWeeks), 12);
    expect(bgNbdExpectedPurchases(days, 52 * 7, rowDays)).toBeCloseTo(bgNbdExpectedPurchases(weeks, 52, rowWeeks), 10);
  });

  it('rejects rows whose recency exceeds T', () => {
    expect(() => bgNbdProbabilityAlive(small, { frequency: 2, recency: 9, T: 5 })).toThrow(RangeError);
  });
});

describe('fitBgNbd', () => {
  it('reproduces the published CDNOW estimates (r 0.243, α 4.414, a 0.793, b 2.426, LL −9582.4)', () => {
    const fit = fitBgNbd(cdnow);
    expect(fit.model).toBe('bg-nbd');
    expect(fit.r).toBeCloseTo(0.243, 3);
    expect(fit.alpha).toBeCloseTo(4.414, 2);
    expect(fit.a).toBeCloseTo(0.793, 3);
    expect(fit.b).toBeCloseTo(2.426, 2);
    expect(fit.logLikelihood).toBeCloseTo(-9582.43, 1);
    expect(fit.logLikelihood).toBeCloseTo(bgNbdLogLikelihood(fit, cdnow), 6);
  });

  it('finds the same parameters on the 23,570-row cohort made of ten CDNOW copies', () => {
    const single = fitBgNbd(cdnow);
    const tenfold = fitBgNbd(Array.from({ length: 10 }, () => cdnow).flat());
    for (const key of ['r', 'alpha', 'a', 'b'] as const) expect(relativeError(tenfold[key], single[key])).toBeLessThan(1e-6);
    expect(tenfold.logLikelihood).toBeCloseTo(10 * single.logLikelihood, 4);
  });

  it('does not depend on row order', () => {
    const reversed = fitBgNbd([...cdnow].reverse());
    const forward = fitBgNbd(cdnow);
    for (const key of ['r', 'alpha', 'a', 'b'] as const) expect(relativeError(reversed[key], forward[key])).toBeLessThan(1e-5);
  });

  it('recovers the parameters of simulated customers', () => {
    const truth = { r: 0.5, alpha: 5, a: 0.8, b: 2.5 };
    const rows = simulateNbdCustomers(truth, 20_000, { seed: 11, model: 'bg-nbd', minT: 26, maxT: 78 });
    const fit = fitBgNbd(rows);
    // Tolerances are ~2.5× the spread seen across seeds at this sample size.
    expect(relativeError(fit.r, truth.r)).toBeLessThan(0.05);
    expect(relativeError(fit.alpha, truth.alpha)).toBeLessThan(0.1);
    expect(relativeError(fit.a, truth.a)).toBeLessThan(0.15);
    expect(relativeError(fit.b, truth.b)).toBeLessThan(0.2);
  });

  it('scales α with the time unit and leaves the shape parameters alone', () => {
    const inDays = cdnow.map((row) => ({ ...row, recency: row.recency * 7, T: row.T * 7 }));
    const weeks = fitBgNbd(cdnow);
    const days = fitBgNbd(inDays);
    expect(relativeError(days.alpha, weeks.alpha * 7)).toBeLessThan(1e-5);
    expect(relativeError(days.r, weeks.r)).toBeLessThan(1e-5);
    expect(relativeError(days.b, weeks.b)).toBeLessThan(1e-5);
  });

  it('rejects empty and malformed input', () => {
    expect(() => fitBgNbd([])).toThrow(RangeError);
    expect(() => fitBgNbd([{ frequency: 1.5, recency: 1, T: 2 }])).toThrow(RangeError);
    expect(() => fitBgNbd([{ frequency: 1, recency: 3, T: 2 }])).toThrow(RangeError);
    expect(() => fitBgNbd([{ frequency: 1, recency: 1, T: Number.NaN }])).toThrow(RangeError);
  });
});

// Independent of the Lanczos code under test: Stirling's series after shifting x above 20.
function logGammaNaive(x: number): number {
  let shift = 0;
  while (x < 20) {
    shift += Math.log(x);
    x += 1;
  }
  const series = 1 / (12 * x) - 1 / (360 * x ** 3) + 1 / (1260 * x ** 5);
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + series - shift;
}
