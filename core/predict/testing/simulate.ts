import type { GammaGammaParams, PurchaseRow } from '../types';
import { mulberry32, sampleBeta, sampleExponential, sampleGamma } from './random';

// Test-only simulators that follow the models' stories literally (not their formulas), so a fit
// that recovers the generating parameters is evidence the likelihood is right.

export interface NbdTruth {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

/**
 * Customers whose first purchase is at time 0 and who are observed until T (drawn uniformly from
 * [minT, maxT]). Purchases arrive at rate λ ~ Gamma(r, alpha); after each purchase the customer
 * leaves with probability p ~ Beta(a, b) — after repeat purchases only (BG/NBD) or after the first
 * purchase too (MBG/NBD).
 */
export function simulateNbdCustomers(
  truth: NbdTruth,
  count: number,
  options: { seed: number; model: 'bg-nbd' | 'mbg-nbd'; minT: number; maxT: number },
): PurchaseRow[] {
  const rand = mulberry32(options.seed);
  const rows: PurchaseRow[] = [];
  for (let i = 0; i < count; i++) {
    const lambda = sampleGamma(rand, truth.r, truth.alpha);
    const p = sampleBeta(rand, truth.a, truth.b);
    const T = options.minT + (options.maxT - options.minT) * rand();
    let frequency = 0;
    let recency = 0;
    let alive = !(options.model === 'mbg-nbd' && rand() < p);
    let time = 0;
    while (alive) {
      time += sampleExponential(rand, lambda);
      if (time > T) break;
      frequency++;
      recency = time;
      alive = rand() >= p;
    }
    rows.push({ frequency, recency, T });
  }
  return rows;
}

/**
 * Gamma-Gamma spend: each customer gets ν ~ Gamma(q, v), then `frequency` purchase values
 * ~ Gamma(p, ν); monetaryValue is their mean. Frequencies are drawn uniformly from 1..maxFrequency.
 */
export function simulateSpend(
  truth: GammaGammaParams,
  count: number,
  options: { seed: number; maxFrequency: number },
): { frequency: number; monetaryValue: number }[] {
  const rand = mulberry32(options.seed);
  const rows: { frequency: number; monetaryValue: number }[] = [];
  for (let i = 0; i < count; i++) {
    const nu = sampleGamma(rand, truth.q, truth.v);
    const frequency = 1 + Math.floor(rand() * options.maxFrequency);
    let total = 0;
    for (let j = 0; j < frequency; j++) total += sampleGamma(rand, truth.p, nu);
    rows.push({ frequency, monetaryValue: total / frequency });
  }
  return rows;
}
