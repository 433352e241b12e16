// Public surface of the prediction models. Time unit convention for everything below: rows,
// horizons and fitted alphas share one unit chosen by the caller (see types.ts).

export { fitBgNbd, bgNbdLogLikelihood } from './bg-nbd';
export { fitMbgNbd, mbgNbdLogLikelihood } from './mbg-nbd';
export { probabilityAlive, expectedPurchases, expectedPurchasesNew } from './purchase-model';
export { fitGammaGamma, gammaGammaLogLikelihood, conditionalExpectedSpend } from './gamma-gamma';
export { predictedValue, type PredictedValueInput } from './customer-value';
export { rfmRowFromOrders, type OrderForRfm, type RfmRow } from './rfm-rows';
export { logGamma, logBeta, logAddExp, logSumExp, digamma, hyp2f1 } from './special-functions';
export { minimizePositive, type MinimizeOptions, type MinimizeResult, type PositiveObjective } from './optimize';
export type {
  PurchaseRow,
  BgNbdParams,
  MbgNbdParams,
  PurchaseModelParams,
  BgNbdFit,
  MbgNbdFit,
  PurchaseModelFit,
  SpendRow,
  GammaGammaParams,
  GammaGammaFit,
  FitOptions,
  PurchaseFitOptions,
  SpendFitOptions,
} from './types';
