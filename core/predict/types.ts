// Shared shapes of the prediction models. Every time quantity (recency, T, t, alpha's scale) is
// in one unit chosen by the caller when building rows — days, weeks, whatever — and the fitted
// parameters inherit it; mixing units between fitting and predicting silently gives nonsense.

/** One customer's purchase history summary; all times in the same (caller's) unit. */
export interface PurchaseRow {
  /** Repeat purchases: purchase periods after the first one (a non-negative integer). */
  readonly frequency: number;
  /** Time from the first to the last purchase (0 when frequency is 0). */
  readonly recency: number;
  /** Time from the first purchase to the end of observation ("now"). */
  readonly T: number;
}

/** BG/NBD parameters: purchase rate ~ Gamma(r, alpha) with alpha in the rows' time unit; dropout ~ Beta(a, b). */
export interface BgNbdParams {
  readonly model: 'bg-nbd';
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

/** MBG/NBD parameters; same meaning as BG/NBD, but dropout may also happen right after the first purchase. */
export interface MbgNbdParams {
  readonly model: 'mbg-nbd';
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

export type PurchaseModelParams = BgNbdParams | MbgNbdParams;

export interface BgNbdFit extends BgNbdParams {
  /** Log-likelihood at the optimum, summed over all rows (not averaged). */
  readonly logLikelihood: number;
}

export interface MbgNbdFit extends MbgNbdParams {
  /** Log-likelihood at the optimum, summed over all rows (not averaged). */
  readonly logLikelihood: number;
}

export type PurchaseModelFit = BgNbdFit | MbgNbdFit;

/** Input for the spend model: repeat purchases and the mean value of those repeat purchases. */
export interface SpendRow {
  readonly frequency: number;
  /** Mean value of the repeat purchases, in the caller's money unit (e.g. minor units). */
  readonly monetaryValue: number;
}

/** Gamma-Gamma parameters: purchase value ~ Gamma(p, nu), nu ~ Gamma(q, v); v is in money units. */
export interface GammaGammaParams {
  readonly p: number;
  readonly q: number;
  readonly v: number;
}

export interface GammaGammaFit extends GammaGammaParams {
  /** Log-likelihood at the optimum, summed over the rows with frequency > 0. */
  readonly logLikelihood: number;
}

export interface FitOptions<Name extends string> {
  /** Starting point for the optimiser; a data-driven guess is used for anything left out. */
  readonly initial?: Readonly<Partial<Record<Name, number>>>;
  /**
   * Cap on likelihood evaluations (default 5,000). A normal fit needs a few dozen; the cap only
   * bites when the data has no finite optimum (e.g. a tiny or one-sided cohort), where the
   * parameters drift towards 0 or infinity and the best point found is returned.
   */
  readonly maxEvaluations?: number;
}

export type PurchaseFitOptions = FitOptions<'r' | 'alpha' | 'a' | 'b'>;
export type SpendFitOptions = FitOptions<'p' | 'q' | 'v'>;

/** Default evaluation budget of the model fits; see FitOptions.maxEvaluations. */
export const DEFAULT_MAX_EVALUATIONS = 5_000;
