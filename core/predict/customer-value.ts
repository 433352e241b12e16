import { conditionalExpectedSpend } from './gamma-gamma';
import { expectedPurchases } from './purchase-model';
import type { GammaGammaParams, PurchaseModelParams, PurchaseRow } from './types';

export interface PredictedValueInput {
  /** Fitted BG/NBD or MBG/NBD parameters (time unit U = the unit of the rows they were fitted on). */
  readonly purchaseModel: PurchaseModelParams;
  /** Fitted Gamma-Gamma parameters (money unit M). */
  readonly spendModel: GammaGammaParams;
  /** The customer's history, times in unit U. */
  readonly row: PurchaseRow;
  /** Mean value of the customer's repeat purchases, in M (ignored when frequency is 0). */
  readonly monetaryValue: number;
  /** Number of whole periods to look ahead. */
  readonly horizon: number;
  /** Discount rate per period, e.g. 0.01 for 1% a month with monthly periods. */
  readonly discountRatePerPeriod: number;
  /** Length of one period in U, e.g. 30 for monthly periods when rows are in days. */
  readonly periodLength: number;
}

/**
 * Discounted customer value over the next `horizon` periods, in the money unit of monetaryValue:
 *   Σ_{k=1..horizon} (E[purchases by k·L] − E[purchases by (k−1)·L]) · E[spend] / (1 + d)^k
 * where L = periodLength is in the rows' time unit and d = discountRatePerPeriod. Purchases in a
 * period are discounted as if paid at the period's end. Throws RangeError on a non-integer or
 * negative horizon, a non-positive periodLength or a discount rate <= −1.
 */
export function predictedValue(input: PredictedValueInput): number {
  const { purchaseModel, spendModel, row, monetaryValue, horizon, discountRatePerPeriod, periodLength } = input;
  if (!Number.isInteger(horizon) || horizon < 0) throw new RangeError('horizon must be a non-negative integer');
  if (!(periodLength > 0) || !Number.isFinite(periodLength)) throw new RangeError('periodLength must be positive');
  if (!(discountRatePerPeriod > -1) || !Number.isFinite(discountRatePerPeriod)) {
    throw new RangeError('discountRatePerPeriod must be greater than -1');
  }
  if (horizon === 0) return 0;
  const spend = conditionalExpectedSpend(spendModel, { frequency: row.frequency, monetaryValue });
  let value = 0;
  let previous = 0;
  let discount = 1;
  for (let k = 1; k <= horizon; k++) {
    const cumulative = expectedPurchases(purchaseModel, k * periodLength, row);
    discount /= 1 + discountRatePerPeriod;
    // Cumulative expectations are computed independently, so tiny rounding could make a period's
    // increment negative; a period cannot lose purchases.
    value += Math.max(0, cumulative - previous) * discount;
    previous = Math.max(previous, cumulative);
  }
  // No expected purchases means no value, even when the spend model's mean is infinite (q <= 1).
  return value === 0 ? 0 : value * spend;
}
