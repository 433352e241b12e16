import { fitNbdParameters, nbdRowLogLikelihood } from './nbd-likelihood';
import { nbdExpectedPurchases, nbdExpectedPurchasesNew, nbdProbabilityAlive } from './nbd-predictions';
import type { MbgNbdFit, MbgNbdParams, PurchaseFitOptions, PurchaseRow } from './types';

// MBG/NBD (Batislam, Denizel & Filiztekin 2007): like BG/NBD, but the first purchase is also a
// dropout chance, so a one-time buyer may already be gone. That is exactly one extra survived
// dropout chance in every formula; see nbd-likelihood.ts.

const MBG = 1 as const;

/**
 * Maximum-likelihood MBG/NBD fit. `frequency` = repeat purchases, `recency` = time of the last
 * purchase since the first, `T` = time since the first purchase, all in the same unit as rows;
 * the fitted alpha is in that unit too. Throws RangeError on malformed or empty input.
 */
export function fitMbgNbd(rows: readonly PurchaseRow[], options?: PurchaseFitOptions): MbgNbdFit {
  return { model: 'mbg-nbd', ...fitNbdParameters(rows, MBG, options) };
}

/** Total MBG/NBD log-likelihood of rows (same unit as rows and alpha). */
export function mbgNbdLogLikelihood(params: MbgNbdParams, rows: readonly PurchaseRow[]): number {
  let sum = 0;
  for (const row of rows) sum += nbdRowLogLikelihood(params, row, MBG);
  return sum;
}

/** P(alive at T) under MBG/NBD; below 1 even for frequency 0. Same unit as the fitted rows. */
export function mbgNbdProbabilityAlive(params: MbgNbdParams, row: PurchaseRow): number {
  return nbdProbabilityAlive(params, row, MBG);
}

/** MBG/NBD E[purchases in the next t | row]; t in the same unit as the fitted rows. */
export function mbgNbdExpectedPurchases(params: MbgNbdParams, t: number, row: PurchaseRow): number {
  return nbdExpectedPurchases(params, t, row, MBG);
}

/** MBG/NBD E[X(t)] for a customer who just made a first purchase; t in the fitted rows' unit. */
export function mbgNbdExpectedPurchasesNew(params: MbgNbdParams, t: number): number {
  return nbdExpectedPurchasesNew(params, t, MBG);
}
