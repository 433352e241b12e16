import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { predictedValue, type PredictedValueInput } from './customer-value';
import { conditionalExpectedSpend } from './gamma-gamma';
import { expectedPurchases } from './purchase-model';
import type { PurchaseModelParams } from './types';

const weeklyModel: PurchaseModelParams = { model: 'bg-nbd', r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const spendModel = { p: 6.25, q: 3.74, v: 15.44 };
const base: PredictedValueInput = {
  purchaseModel: weeklyModel,
  spendModel,
  row: { frequency: 2, recency: 30.43, T: 38.86 },
  monetaryValue: 22.35,
  horizon: 12,
  discountRatePerPeriod: 0.01,
  periodLength: 4,
};
const spend = conditionalExpectedSpend(spendModel, { frequency: 2, monetaryValue: 22.35 });

describe('predictedValue', () => {
  it('is expected purchases over the whole horizon times expected spend when nothing is discounted', () => {
    const value = predictedValue({ ...base, discountRatePerPeriod: 0 });
    expect(value).toBeCloseTo(expectedPurchases(weeklyModel, 48, base.row) * spend, 10);
  });

  it('discounts each period\'s purchases at the end of that period', () => {
    const e1 = expectedPurchases(weeklyModel, 4, base.row);
    const e2 = expectedPurchases(weeklyModel, 8, base.row);
    const value = predictedValue({ ...base, horizon: 2, discountRatePerPeriod: 0.1 });
    expect(value).toBeCloseTo(spend * (e1 / 1.1 + (e2 - e1) / 1.1 ** 2), 10);
  });

  it('is zero over a zero horizon', () => {
    expect(predictedValue({ ...base, horizon: 0 })).toBe(0);
  });

  it('gives the same value whether rows are in weeks or days, when the period length follows the unit', () => {
    const dailyModel: PurchaseModelParams = { ...weeklyModel, alpha: weeklyModel.alpha * 7 };
    const inDays: PredictedValueInput = {
      ...base,
      purchaseModel: dailyModel,
      row: { frequency: 2, recency: 30.43 * 7, T: 38.86 * 7 },
      periodLength: 28,
    };
    expect(predictedValue(inDays)).toBeCloseTo(predictedValue(base), 8);
  });

  it('uses the spend model, so a one-time buyer is valued at the population mean spend', () => {
    const oneTime = { ...base, row: { frequency: 0, recency: 0, T: 10 }, monetaryValue: 0 };
    const perPurchase = conditionalExpectedSpend(spendModel, { frequency: 0, monetaryValue: 0 });
    const purchases = expectedPurchases(weeklyModel, 48, oneTime.row);
    expect(predictedValue({ ...oneTime, discountRatePerPeriod: 0 })).toBeCloseTo(purchases * perPurchase, 10);
  });

  it('grows with the horizon and shrinks with the discount rate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (horizon, d1, d2) => {
          const [low, high] = d1 <= d2 ? [d1, d2] : [d2, d1];
          const shorter = predictedValue({ ...base, horizon, discountRatePerPeriod: low });
          const longer = predictedValue({ ...base, horizon: horizon + 1, discountRatePerPeriod: low });
          const moreDiscounted = predictedValue({ ...base, horizon, discountRatePerPeriod: high });
          expect(shorter).toBeGreaterThanOrEqual(0);
          expect(longer).toBeGreaterThanOrEqual(shorter);
          expect(moreDiscounted).toBeLessThanOrEqual(shorter * (1 + 1e-12));
        },
      ),
      { numRuns: 50 },
    );
  });

  it('rejects nonsensical horizons, period lengths and discount rates', () => {
    expect(() => predictedValue({ ...base, horizon: 2.5 })).toThrow(RangeError);
    expect(() => predictedValue({ ...base, horizon: -1 })).toThrow(RangeError);
    expect(() => predictedValue({ ...base, periodLength: 0 })).toThrow(RangeError);
    expect(() => predictedValue({ ...base, discountRatePerPeriod: -1 })).toThrow(RangeError);
  });
});
