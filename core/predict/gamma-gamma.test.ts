import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conditionalExpectedSpend, fitGammaGamma, gammaGammaLogLikelihood, makeGammaGammaObjective } from './gamma-gamma';
import { numericGradient } from './testing/numeric-gradient';
import { parseCdnowSummary } from './testing/cdnow';
import { simulateSpend } from './testing/simulate';
import type { GammaGammaParams } from './types';

const cdnow = parseCdnowSummary(
  readFileSync(new URL('../../../shared/data/cdnow/cdnow_customers_summary_with_transactions.csv', import.meta.url), 'utf8'),
);
const relativeError = (actual: number, expected: number): number => Math.abs(actual - expected) / Math.abs(expected);

describe('Gamma-Gamma likelihood', () => {
  it('matches a hand computation for integer parameters', () => {
    // p=2, q=3, v=4, x=2, m=5: Γ(7)/(Γ(4)Γ(3)) · 4³ · 5³ · 2⁴ / (4 + 10)⁷ = 60 · 64 · 125 · 16 / 14⁷
    const params: GammaGammaParams = { p: 2, q: 3, v: 4 };
    const expected = Math.log((60 * 64 * 125 * 16) / 14 ** 7);
    expect(gammaGammaLogLikelihood(params, [{ frequency: 2, monetaryValue: 5 }])).toBeCloseTo(expected, 12);
  });

  it('supplies an analytic gradient that matches finite differences', () => {
    const objective = makeGammaGammaObjective(simulateSpend({ p: 6, q: 4, v: 15 }, 300, { seed: 5, maxFrequency: 6 }));
    for (const point of [
      [6, 4, 15],
      [1.2, 9, 3],
    ]) {
      const gradient = new Float64Array(3);
      objective(point, gradient);
      const numeric = numericGradient(objective, point);
      numeric.forEach((g, i) => expect(Math.abs((gradient[i] as number) - g)).toBeLessThan(1e-6 * Math.max(1, Math.abs(g))));
    }
  });

  it('ignores customers without repeat purchases', () => {
    const params: GammaGammaParams = { p: 2, q: 3, v: 4 };
    const rows = [{ frequency: 2, monetaryValue: 5 }];
    expect(gammaGammaLogLikelihood(params, [...rows, { frequency: 0, monetaryValue: 0 }])).toBe(
      gammaGammaLogLikelihood(params, rows),
    );
  });
});

describe('conditionalExpectedSpend', () => {
  const params: GammaGammaParams = { p: 6.25, q: 3.74, v: 15.44 };

  it('returns the population mean p·v/(q−1) for a customer without repeat purchases', () => {
    expect(conditionalExpectedSpend(params, { frequency: 0, monetaryValue: 0 })).toBeCloseTo((6.25 * 15.44) / 2.74, 12);
  });

  it('blends population and customer means with weight p·x/(p·x + q − 1) on the customer', () => {
    const x = 3;
    const m = 40;
    const weight = (6.25 * x) / (6.25 * x + 2.74);
    const expected = (1 - weight) * ((6.25 * 15.44) / 2.74) + weight * m;
    expect(conditionalExpectedSpend(params, { frequency: x, monetaryValue: m })).toBeCloseTo(expected, 10);
  });

  it('moves toward the customer\'s own mean as repeat purchases accumulate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.double({ min: 1, max: 1e4, noNaN: true }), (x, m) => {
        const population = conditionalExpectedSpend(params, { frequency: 0, monetaryValue: 0 });
        const now = conditionalExpectedSpend(params, { frequency: x, monetaryValue: m });
        const later = conditionalExpectedSpend(params, { frequency: x + 1, monetaryValue: m });
        expect(Math.abs(later - m)).toBeLessThanOrEqual(Math.abs(now - m) + 1e-9);
        expect(Math.abs(now - m)).toBeLessThanOrEqual(Math.abs(population - m) + 1e-9);
      }),
    );
  });

  it('is infinite when the spend distribution has no mean (q <= 1) and nothing is known', () => {
    expect(conditionalExpectedSpend({ p: 2, q: 0.8, v: 10 }, { frequency: 0, monetaryValue: 0 })).toBe(Number.POSITIVE_INFINITY);
    expect(Number.isFinite(conditionalExpectedSpend({ p: 2, q: 0.8, v: 10 }, { frequency: 1, monetaryValue: 5 }))).toBe(true);
  });
});

describe('fitGammaGamma', () => {
  it('reproduces the published CDNOW estimates (p 6.25, q 3.74, v 15.44)', () => {
    const fit = fitGammaGamma(cdnow);
    expect(fit.p).toBeCloseTo(6.25, 2);
    expect(fit.q).toBeCloseTo(3.74, 2);
    expect(fit.v).toBeCloseTo(15.44, 1);
    expect(fit.logLikelihood).toBeCloseTo(gammaGammaLogLikelihood(fit, cdnow), 6);
  });

  it('uses only customers with repeat purchases', () => {
    const repeaters = cdnow.filter((row) => row.frequency > 0);
    expect(repeaters.length).toBeLessThan(cdnow.length);
    expect(fitGammaGamma(repeaters)).toEqual(fitGammaGamma(cdnow));
  });

  it('recovers the parameters of simulated spend', () => {
    const truth = { p: 6, q: 4, v: 15 };
    const fit = fitGammaGamma(simulateSpend(truth, 20_000, { seed: 7, maxFrequency: 8 }));
    // p and v trade off along a ridge, so they get looser bounds than q (~2.5× the seed spread).
    expect(relativeError(fit.p, truth.p)).toBeLessThan(0.25);
    expect(relativeError(fit.q, truth.q)).toBeLessThan(0.1);
    expect(relativeError(fit.v, truth.v)).toBeLessThan(0.25);
    // The mean spend p·v/(q−1) is what CLV uses, and it is pinned down much more tightly.
    expect(relativeError((fit.p * fit.v) / (fit.q - 1), (truth.p * truth.v) / (truth.q - 1))).toBeLessThan(0.03);
  });

  it('scales v with the money unit and leaves p and q alone', () => {
    const inCents = cdnow.map((row) => ({ ...row, monetaryValue: row.monetaryValue * 100 }));
    const dollars = fitGammaGamma(cdnow);
    const cents = fitGammaGamma(inCents);
    expect(relativeError(cents.v, dollars.v * 100)).toBeLessThan(1e-5);
    expect(relativeError(cents.p, dollars.p)).toBeLessThan(1e-5);
    expect(relativeError(cents.q, dollars.q)).toBeLessThan(1e-5);
  });

  it('rejects input without repeat customers or with a non-positive mean value', () => {
    expect(() => fitGammaGamma([{ frequency: 0, monetaryValue: 0 }])).toThrow(RangeError);
    expect(() => fitGammaGamma([{ frequency: 2, monetaryValue: 0 }])).toThrow(RangeError);
  });
});
