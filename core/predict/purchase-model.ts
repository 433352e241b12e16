import { bgNbdExpectedPurchases, bgNbdExpectedPurchasesNew, bgNbdProbabilityAlive } from './bg-nbd';
import { mbgNbdExpectedPurchases, mbgNbdExpectedPurchasesNew, mbgNbdProbabilityAlive } from './mbg-nbd';
import type { PurchaseModelParams, PurchaseRow } from './types';

// The one place that picks formulas by `params.model`, so MBG/NBD parameters can never be fed to
// BG/NBD formulas by accident. A new model variant fails to compile here until it is handled.

function unknownModel(params: never): never {
  throw new TypeError(`Unknown purchase model: ${(params as { model?: unknown }).model}`);
}

/**
 * Probability the customer is still active at the end of observation. The row's times must be in
 * the same unit as the rows the parameters were fitted on.
 */
export function probabilityAlive(params: PurchaseModelParams, row: PurchaseRow): number {
  switch (params.model) {
    case 'bg-nbd':
      return bgNbdProbabilityAlive(params, row);
    case 'mbg-nbd':
      return mbgNbdProbabilityAlive(params, row);
    default:
      return unknownModel(params);
  }
}

/**
 * Expected number of purchases in the next t time units after the end of observation, given the
 * customer's history. t and the row's times are in the unit of the rows used for fitting.
 */
export function expectedPurchases(params: PurchaseModelParams, t: number, row: PurchaseRow): number {
  switch (params.model) {
    case 'bg-nbd':
      return bgNbdExpectedPurchases(params, t, row);
    case 'mbg-nbd':
      return mbgNbdExpectedPurchases(params, t, row);
    default:
      return unknownModel(params);
  }
}

/**
 * Expected repeat purchases in the first t time units after a new customer's first purchase
 * (unconditional E[X(t)]); t is in the unit of the rows used for fitting.
 */
export function expectedPurchasesNew(params: PurchaseModelParams, t: number): number {
  switch (params.model) {
    case 'bg-nbd':
      return bgNbdExpectedPurchasesNew(params, t);
    case 'mbg-nbd':
      return mbgNbdExpectedPurchasesNew(params, t);
    default:
      return unknownModel(params);
  }
}
