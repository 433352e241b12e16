import { fitNbdParameters, nbdRowLogLikelihood } from './nbd-likelihood';
import { nbdExpectedPurchases, nbdExpectedPurchasesNew, nbdProbabilityAlive } from './nbd-predictions';
import type { BgNbdFit, BgNbdParams, PurchaseFitOptions, PurchaseRow } from './types';

// BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers the easy way"): a customer can drop
// out only after a repeat purchase, so someone with no repeat purchase is certainly still alive.
// Everything model-specific is the 0 passed as "extra dropout chances"; see nbd-likelihood.ts.

const BG = 0 as const;

/**
 * Maximum-likelihood BG/NBD fit. `frequency` = repeat purchases, `recency` = time of the last
 * purchase since the first, `T` = time since the first purchase, all in the same unit as rows;
 * the fitted alpha is in that unit too. Throws RangeError on malformed or empty input.
 */
export function fitBgNbd(rows: readonly PurchaseRow[], options?: PurchaseFitOptions): BgNbdFit {
  return { model: 'bg-nbd', ...fitNbdParameters(rows, BG, options) };
}

/** Total BG/NBD log-likelihood of rows (same unit as rows and alpha). */
export function bgNbdLogLikelihood(params: BgNbdParams, rows: readonly PurchaseRow[]): number {
  let sum = 0;
  for (const row of rows) sum += nbdRowLogLikelihood(params, row, BG);
  return sum;
}

/** P(alive at T) under BG/NBD; 1 when frequency is 0. Same unit as the fitted rows. */
export function bgNbdProbabilityAlive(params: BgNbdParams, row: PurchaseRow): number {
  return nbdProbabilityAlive(params, row, BG);
}

/** BG/NBD E[purchases in the next t | row] (eq. 10); t in the same unit as the fitted rows. */
export function bgNbdExpectedPurchases(params: BgNbdParams, t: number, row: PurchaseRow): number {
  return nbdExpectedPurchases(params, t, row, BG);
}

/** BG/NBD E[X(t)] for a customer who just made a first purchase; t in the fitted rows' unit. */
export function bgNbdExpectedPurchasesNew(params: BgNbdParams, t: number): number {
  return nbdExpectedPurchasesNew(params, t, BG);
}
