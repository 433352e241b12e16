import { expectedPurchasesWhileAlive } from './alive-expectation';
import type { ExtraDropoutChances, NbdParameters } from './nbd-likelihood';
import type { PurchaseRow } from './types';

// Predictions shared by BG/NBD and MBG/NBD; `extraChances` is 0 for BG/NBD and 1 for MBG/NBD
// (see nbd-likelihood.ts). Conditioning on a history (x, t_x, T) turns the population parameters
// into a posterior of the same family: rate ~ Gamma(r + x, alpha + T) and, given the customer is
// alive, dropout p ~ Beta(a, b + x + extraChances).

function checkRow(row: PurchaseRow): void {
  const { frequency, recency, T } = row;
  if (!Number.isInteger(frequency) || frequency < 0) throw new RangeError('frequency must be a non-negative integer');
  if (!(T >= 0) || !Number.isFinite(T)) throw new RangeError('T must be finite and >= 0');
  if (frequency > 0 && !(recency >= 0 && recency <= T)) throw new RangeError('recency must be within [0, T]');
}

/**
 * P(customer still alive at T | x, t_x, T); times in the unit of the rows the model was fitted on.
 * Throws RangeError on a malformed row.
 */
export function nbdProbabilityAlive(
  { r, alpha, a, b }: NbdParameters,
  row: PurchaseRow,
  extraChances: ExtraDropoutChances,
): number {
  checkRow(row);
  const x = row.frequency;
  const k = x + extraChances;
  if (k === 0) return 1;
  const recency = x === 0 ? 0 : row.recency;
  // Odds of "dropped out right after the last purchase" against "still alive", in logs so a long
  // silence (huge odds) gives 0 rather than NaN.
  const logOdds = Math.log(a / (b + k - 1)) + (r + x) * (Math.log(alpha + row.T) - Math.log(alpha + recency));
  return 1 / (1 + Math.exp(logOdds));
}

/**
 * E[purchases in (T, T + t] | x, t_x, T] — Fader, Hardie & Lee (2005) eq. 10 and its MBG/NBD
 * counterpart. t, recency and T are in the unit of the rows the model was fitted on.
 */
export function nbdExpectedPurchases(
  params: NbdParameters,
  t: number,
  row: PurchaseRow,
  extraChances: ExtraDropoutChances,
): number {
  if (!(t > 0)) return 0;
  const alive = nbdProbabilityAlive(params, row, extraChances);
  if (alive === 0) return 0;
  const x = row.frequency;
  const { r, alpha, a, b } = params;
  return alive * expectedPurchasesWhileAlive(r + x, alpha + row.T, a, b + x + extraChances, t);
}

/**
 * E[X(t)]: expected repeat purchases in the first t time units after a customer's first purchase
 * (unit of the fitted rows). A brand-new customer is the history x = 0, T = 0.
 */
export function nbdExpectedPurchasesNew(params: NbdParameters, t: number, extraChances: ExtraDropoutChances): number {
  return nbdExpectedPurchases(params, t, { frequency: 0, recency: 0, T: 0 }, extraChances);
}
