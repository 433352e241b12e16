import { minimizePositive, type PositiveObjective } from './optimize';
import { groupPurchaseRows, type PurchaseRowGroups } from './row-groups';
import { digamma, logAddExp, logGamma } from './special-functions';
import { DEFAULT_MAX_EVALUATIONS, type PurchaseFitOptions, type PurchaseRow } from './types';

// BG/NBD and MBG/NBD share one likelihood. Both say: purchases follow a Poisson process with rate
// λ ~ Gamma(r, α) while the customer is alive, and at each "dropout chance" the customer leaves
// with probability p ~ Beta(a, b). The only difference is how many dropout chances a customer with
// x repeat purchases has survived to still be alive: x for BG/NBD (one after each repeat purchase)
// and x + 1 for MBG/NBD (the first purchase counts too). `extraChances` is that 0 or 1.
//
// With k = x + extraChances, per customer (Fader, Hardie & Lee 2005, eq. 6 and its MBG analogue):
//   L = B(a, b+k)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+T)^(r+x))
//     + [k > 0] B(a+1, b+k-1)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+t_x)^(r+x))
// evaluated in logs as A1 + A2 + logAddExp(A3, A4) so neither term under- nor overflows.

export type ExtraDropoutChances = 0 | 1;

export interface NbdParameters {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

/**
 * Log-likelihood of one customer (x repeat purchases, last at t_x, observed for T; all three and
 * alpha in the same time unit). Recency is ignored when x = 0.
 */
export function nbdRowLogLikelihood(
  { r, alpha, a, b }: NbdParameters,
  row: PurchaseRow,
  extraChances: ExtraDropoutChances,
): number {
  const x = row.frequency;
  const k = x + extraChances;
  const a1 = logGamma(r + x) - logGamma(r) + r * Math.log(alpha);
  const a2 = logGamma(a + b) + logGamma(b + k) - logGamma(b) - logGamma(a + b + k);
  const a3 = -(r + x) * Math.log(alpha + row.T);
  if (k === 0) return a1 + a2 + a3;
  const recency = x === 0 ? 0 : row.recency;
  const a4 = Math.log(a) - Math.log(b + k - 1) - (r + x) * Math.log(alpha + recency);
  return a1 + a2 + logAddExp(a3, a4);
}

/**
 * Builds the negative mean log-likelihood over grouped rows as a function of [r, alpha, a, b]
 * (alpha in the rows' time unit), optionally writing its gradient. Scratch arrays are allocated
 * once here so the optimiser's hot loop allocates nothing.
 */
export function makeNbdObjective(groups: PurchaseRowGroups, extraChances: ExtraDropoutChances): PositiveObjective {
  const { size, weight, frequency, frequencyIndex, tIndex, recencyIndex } = groups;
  const { distinctFrequency, distinctT, distinctRecency, totalWeight } = groups;
  const logAlphaPlusT = new Float64Array(distinctT.length);
  const inverseAlphaPlusT = new Float64Array(distinctT.length);
  const logAlphaPlusRecency = new Float64Array(distinctRecency.length);
  const inverseAlphaPlusRecency = new Float64Array(distinctRecency.length);
  const base = new Float64Array(distinctFrequency.length);
  const deadRatio = new Float64Array(distinctFrequency.length);
  const inverseBk = new Float64Array(distinctFrequency.length);
  // Per-frequency weight totals: the x-only terms are then summed once per distinct x.
  const frequencyWeight = new Float64Array(distinctFrequency.length);
  for (let g = 0; g < size; g++) {
    const f = frequencyIndex[g] as number;
    frequencyWeight[f] = (frequencyWeight[f] as number) + (weight[g] as number);
  }

  return (params, gradient) => {
    const r = params[0] as number;
    const alpha = params[1] as number;
    const a = params[2] as number;
    const b = params[3] as number;
    for (let j = 0; j < distinctT.length; j++) {
      const v = alpha + (distinctT[j] as number);
      logAlphaPlusT[j] = Math.log(v);
      inverseAlphaPlusT[j] = 1 / v;
    }
    for (let j = 0; j < distinctRecency.length; j++) {
      const v = alpha + (distinctRecency[j] as number);
      logAlphaPlusRecency[j] = Math.log(v);
      inverseAlphaPlusRecency[j] = 1 / v;
    }
    const logAlpha = Math.log(alpha);
    const shared = r * logAlpha - logGamma(r) + logGamma(a + b) - logGamma(b);
    const logA = Math.log(a);
    let sum = 0;
    for (let j = 0; j < distinctFrequency.length; j++) {
      const x = distinctFrequency[j] as number;
      const k = x + extraChances;
      base[j] = shared + logGamma(r + x) + logGamma(b + k) - logGamma(a + b + k);
      deadRatio[j] = k > 0 ? logA - Math.log(b + k - 1) : Number.NEGATIVE_INFINITY;
      inverseBk[j] = k > 0 ? 1 / (b + k - 1) : 0;
      sum += (frequencyWeight[j] as number) * (base[j] as number);
    }
    // Weighted sums of the per-group derivative pieces; wDead is the posterior weight of the
    // "already dropped out" term, i.e. d(logAddExp)/d(dead).
    let sumR = 0;
    let sumAlpha = 0;
    let sumDead = 0;
    let sumDeadOverBk = 0;
    for (let g = 0; g < size; g++) {
      const f = frequencyIndex[g] as number;
      const ti = tIndex[g] as number;
      const w = weight[g] as number;
      const rx = r + (frequency[g] as number);
      const logT = logAlphaPlusT[ti] as number;
      const alive = -rx * logT;
      const ratio = deadRatio[f] as number;
      if (ratio === Number.NEGATIVE_INFINITY) {
        sum += w * alive;
        sumR += w * logT;
        sumAlpha += w * rx * (inverseAlphaPlusT[ti] as number);
        continue;
      }
      const ri = recencyIndex[g] as number;
      const logR = logAlphaPlusRecency[ri] as number;
      const dead = ratio - rx * logR;
      let term: number;
      let wDead: number;
      if (alive > dead) {
        const e = Math.exp(dead - alive);
        term = alive + Math.log1p(e);
        wDead = e / (1 + e);
      } else {
        const e = Math.exp(alive - dead);
        term = dead + Math.log1p(e);
        wDead = 1 / (1 + e);
      }
      const wAlive = 1 - wDead;
      sum += w * term;
      sumR += w * (wAlive * logT + wDead * logR);
      sumAlpha += w * rx * (wAlive * (inverseAlphaPlusT[ti] as number) + wDead * (inverseAlphaPlusRecency[ri] as number));
      sumDead += w * wDead;
      sumDeadOverBk += w * wDead * (inverseBk[f] as number);
    }
    if (gradient) {
      const psiR = digamma(r);
      const psiAB = digamma(a + b);
      const psiB = digamma(b);
      let dR = -sumR;
      let dA = sumDead / a;
      let dB = -sumDeadOverBk;
      for (let j = 0; j < distinctFrequency.length; j++) {
        const x = distinctFrequency[j] as number;
        const k = x + extraChances;
        const w = frequencyWeight[j] as number;
        const psiABK = digamma(a + b + k);
        dR += w * (logAlpha - psiR + digamma(r + x));
        dA += w * (psiAB - psiABK);
        dB += w * (psiAB - psiB + digamma(b + k) - psiABK);
      }
      const dAlpha = (r / alpha) * totalWeight - sumAlpha;
      gradient[0] = -dR / totalWeight;
      gradient[1] = -dAlpha / totalWeight;
      gradient[2] = -dA / totalWeight;
      gradient[3] = -dB / totalWeight;
    }
    return -sum / totalWeight;
  };
}

// A start near the optimum matters more than anything else for fit speed. Matching the mean
// purchase rate (ignoring dropout) pins r/alpha and scales alpha with the time unit, so the same
// data in days or weeks takes the same optimiser path; r = 1, a = 1, b = 3 (mean dropout 25%) are
// typical of published cohorts.
function startingPoint(groups: PurchaseRowGroups, initial: PurchaseFitOptions['initial']): number[] {
  const r = initial?.r ?? 1;
  const rate = Math.max(groups.sumFrequency, 0.5) / groups.sumT;
  const alpha = initial?.alpha ?? (rate > 0 && Number.isFinite(rate) ? r / rate : 1);
  return [r, alpha, initial?.a ?? 1, initial?.b ?? 3];
}

/**
 * Maximum-likelihood fit of the NBD family (times in the same unit as the rows; alpha comes
 * back in that unit). Rows are grouped first, so cost scales with distinct rows, not customers.
 */
export function fitNbdParameters(
  rows: readonly PurchaseRow[],
  extraChances: ExtraDropoutChances,
  options: PurchaseFitOptions = {},
): NbdParameters & { logLikelihood: number } {
  const groups = groupPurchaseRows(rows);
  const objective = makeNbdObjective(groups, extraChances);
  const result = minimizePositive(objective, startingPoint(groups, options.initial), {
    useGradient: true,
    maxEvaluations: options.maxEvaluations ?? DEFAULT_MAX_EVALUATIONS,
  });
  const [r, alpha, a, b] = result.x as [number, number, number, number];
  return { r, alpha, a, b, logLikelihood: -result.value * groups.totalWeight };
}
