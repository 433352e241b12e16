import { minimizePositive, type PositiveObjective } from './optimize';
import { digamma, logGamma } from './special-functions';
import { DEFAULT_MAX_EVALUATIONS, type GammaGammaFit, type GammaGammaParams, type SpendFitOptions, type SpendRow } from './types';

// Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV: Using iso-value curves"):
// each purchase value ~ Gamma(p, ν) around a customer-specific ν ~ Gamma(q, v). The mean of x
// purchase values is then Gamma(p·x, ν·x), which integrates over ν in closed form. Only customers
// with repeat purchases carry information, and monetaryValue is the mean of those repeat
// purchases (the first purchase is excluded, as in the literature). Time plays no role here;
// money is in whatever unit the caller uses (e.g. minor units), and v comes back in that unit.

interface SpendGroups {
  readonly size: number;
  readonly weight: Float64Array;
  readonly frequency: Float64Array;
  readonly monetary: Float64Array;
  /** x·ln m + x·ln x, the part of ∂/∂p that does not depend on the parameters. */
  readonly logTerms: Float64Array;
  readonly frequencyIndex: Int32Array;
  readonly distinctFrequency: Float64Array;
  readonly totalWeight: number;
  readonly meanMonetary: number;
}

function groupSpendRows(rows: readonly SpendRow[]): SpendGroups {
  const groupOf = new Map<number, Map<number, number>>();
  const frequencyOf = new Map<number, number>();
  const weight: number[] = [];
  const frequency: number[] = [];
  const monetary: number[] = [];
  const frequencyIndex: number[] = [];
  let total = 0;
  let sumMonetary = 0;
  rows.forEach((row, i) => {
    const x = row.frequency;
    const m = row.monetaryValue;
    if (!Number.isInteger(x) || x < 0) throw new RangeError(`Row ${i}: frequency must be a non-negative integer`);
    if (x === 0) return;
    if (!(m > 0) || !Number.isFinite(m)) throw new RangeError(`Row ${i}: monetaryValue must be positive when frequency > 0`);
    total++;
    sumMonetary += m;
    let byValue = groupOf.get(x);
    if (byValue === undefined) {
      byValue = new Map();
      groupOf.set(x, byValue);
    }
    const existing = byValue.get(m);
    if (existing !== undefined) {
      weight[existing] = (weight[existing] as number) + 1;
      return;
    }
    byValue.set(m, weight.length);
    weight.push(1);
    frequency.push(x);
    monetary.push(m);
    let fi = frequencyOf.get(x);
    if (fi === undefined) {
      fi = frequencyOf.size;
      frequencyOf.set(x, fi);
    }
    frequencyIndex.push(fi);
  });
  if (total === 0) throw new RangeError('Gamma-Gamma needs at least one row with frequency > 0');
  return {
    size: weight.length,
    weight: Float64Array.from(weight),
    frequency: Float64Array.from(frequency),
    monetary: Float64Array.from(monetary),
    logTerms: Float64Array.from(frequency, (x, g) => x * Math.log(monetary[g] as number) + x * Math.log(x)),
    frequencyIndex: Int32Array.from(frequencyIndex),
    distinctFrequency: Float64Array.from(frequencyOf.keys()),
    totalWeight: total,
    meanMonetary: sumMonetary / total,
  };
}

/** Log-likelihood of one customer's mean repeat-purchase value (money in the caller's unit). */
function rowLogLikelihood({ p, q, v }: GammaGammaParams, x: number, m: number): number {
  const px = p * x;
  return (
    logGamma(px + q) - logGamma(px) - logGamma(q) + q * Math.log(v) +
    (px - 1) * Math.log(m) + px * Math.log(x) - (px + q) * Math.log(v + x * m)
  );
}

/**
 * Negative mean log-likelihood of [p, q, v] (v in the rows' money unit) with its gradient, over
 * the rows with frequency > 0, computed once per distinct (frequency, monetaryValue).
 */
export function makeGammaGammaObjective(rows: readonly SpendRow[]): PositiveObjective {
  return makeObjective(groupSpendRows(rows));
}

function makeObjective(groups: SpendGroups): PositiveObjective {
  const { size, weight, frequency, monetary, logTerms, frequencyIndex, distinctFrequency, totalWeight } = groups;
  const lgammaDiff = new Float64Array(distinctFrequency.length);
  const psiPxq = new Float64Array(distinctFrequency.length);
  const psiPx = new Float64Array(distinctFrequency.length);
  return (params, gradient) => {
    const p = params[0] as number;
    const q = params[1] as number;
    const v = params[2] as number;
    for (let j = 0; j < distinctFrequency.length; j++) {
      const px = p * (distinctFrequency[j] as number);
      lgammaDiff[j] = logGamma(px + q) - logGamma(px);
      if (gradient) {
        psiPxq[j] = digamma(px + q);
        psiPx[j] = digamma(px);
      }
    }
    const logV = Math.log(v);
    let sum = 0;
    let dP = 0;
    let dQ = 0;
    let dV = 0;
    for (let g = 0; g < size; g++) {
      const w = weight[g] as number;
      const x = frequency[g] as number;
      const m = monetary[g] as number;
      const f = frequencyIndex[g] as number;
      const px = p * x;
      const spread = v + x * m;
      const logSpread = Math.log(spread);
      sum += w * ((lgammaDiff[f] as number) + p * (logTerms[g] as number) - Math.log(m) - (px + q) * logSpread);
      if (gradient) {
        const psiSum = psiPxq[f] as number;
        dP += w * (x * (psiSum - (psiPx[f] as number)) + (logTerms[g] as number) - x * logSpread);
        dQ += w * (psiSum - logSpread);
        dV -= w * ((px + q) / spread);
      }
    }
    sum += totalWeight * (q * logV - logGamma(q));
    if (gradient) {
      gradient[0] = -dP / totalWeight;
      gradient[1] = -(dQ + totalWeight * (logV - digamma(q))) / totalWeight;
      gradient[2] = -(dV + (totalWeight * q) / v) / totalWeight;
    }
    return -sum / totalWeight;
  };
}

/**
 * Maximum-likelihood Gamma-Gamma fit on rows with frequency > 0 (others are ignored).
 * monetaryValue is the mean value of the repeat purchases, in the caller's money unit; v comes
 * back in that unit and p, q are unit-free. Throws RangeError if no row has frequency > 0.
 */
export function fitGammaGamma(rows: readonly SpendRow[], options: SpendFitOptions = {}): GammaGammaFit {
  const groups = groupSpendRows(rows);
  const p0 = options.initial?.p ?? 2;
  const q0 = options.initial?.q ?? 3;
  // Population mean spend is p·v/(q−1); matching the observed mean keeps the start in the basin.
  const v0 = options.initial?.v ?? (groups.meanMonetary * (q0 - 1)) / p0;
  const result = minimizePositive(makeObjective(groups), [p0, q0, v0 > 0 ? v0 : 1], {
    useGradient: true,
    maxEvaluations: options.maxEvaluations ?? DEFAULT_MAX_EVALUATIONS,
  });
  const [p, q, v] = result.x as [number, number, number];
  return { p, q, v, logLikelihood: -result.value * groups.totalWeight };
}

/** Total Gamma-Gamma log-likelihood of the rows with frequency > 0 (money in the caller's unit). */
export function gammaGammaLogLikelihood(params: GammaGammaParams, rows: readonly SpendRow[]): number {
  let sum = 0;
  for (const row of rows) if (row.frequency > 0) sum += rowLogLikelihood(params, row.frequency, row.monetaryValue);
  return sum;
}

/**
 * E[mean purchase value | x repeat purchases averaging monetaryValue], in the money unit of
 * monetaryValue: a credibility-weighted blend of the population mean p·v/(q−1) and the
 * customer's own mean. With frequency 0 the population mean is returned; it is Infinity when
 * q <= 1 (the fitted spend distribution then has no finite mean).
 */
export function conditionalExpectedSpend(params: GammaGammaParams, row: SpendRow): number {
  const { p, q, v } = params;
  const x = row.frequency;
  if (!Number.isInteger(x) || x < 0) throw new RangeError('frequency must be a non-negative integer');
  const denominator = p * x + q - 1;
  if (!(denominator > 0)) return Number.POSITIVE_INFINITY;
  if (x === 0) return (p * v) / denominator;
  return (p * (v + x * row.monetaryValue)) / denominator;
}
