import { logBeta } from '../special-functions';

// Test-only brute-force integration, an independent route to the closed forms that use 2F1.

/** Composite Simpson's rule on [lo, hi] with an even number of intervals. */
export function simpson(f: (x: number) => number, lo: number, hi: number, intervals: number): number {
  const n = intervals % 2 === 0 ? intervals : intervals + 1;
  const h = (hi - lo) / n;
  let sum = f(lo) + f(hi);
  for (let i = 1; i < n; i++) sum += (i % 2 === 1 ? 4 : 2) * f(lo + i * h);
  return (sum * h) / 3;
}

// Pieces [0, 1e-14], [1e-14, 1e-13], ..., [0.1, 1]: integrands with features near 0 (long horizons
// make g vary on the scale alpha/t) get resolved without millions of uniform points.
function simpsonNearZero(f: (x: number) => number, intervalsPerPiece: number): number {
  let sum = simpson(f, 0, 1e-14, intervalsPerPiece);
  for (let k = -14; k < 0; k++) sum += simpson(f, 10 ** k, 10 ** (k + 1), intervalsPerPiece);
  return sum;
}

/**
 * E[g(p)] for p ~ Beta(a, b) with b >= 1. Substituting p = u^(1/a) absorbs the p^(a−1) factor,
 * which is singular (a < 1) or nearly a step (a just above 1) at p = 0, so Simpson's rule sees a
 * smooth integrand. For larger a the plain integrand is smooth and the substitution would hurt.
 */
export function betaExpectation(g: (p: number) => number, a: number, b: number, intervalsPerPiece = 2_000): number {
  const norm = Math.exp(logBeta(a, b));
  if (a >= 1.25) {
    return simpsonNearZero((p) => g(p) * Math.pow(p, a - 1) * Math.pow(1 - p, b - 1), intervalsPerPiece) / norm;
  }
  const integrand = (u: number): number => {
    const p = Math.pow(u, 1 / a);
    return g(p) * Math.pow(1 - p, b - 1);
  };
  return simpsonNearZero(integrand, intervalsPerPiece) / (a * norm);
}

/**
 * Expected purchases in the next t for a customer alive now, rate ~ Gamma(r, alpha), dropout p
 * ~ Beta(a, b): E over p of (1/p)(1 − (alpha/(alpha + p t))^r), by quadrature rather than 2F1.
 */
export function aliveExpectationByQuadrature(r: number, alpha: number, a: number, b: number, t: number): number {
  const g = (p: number): number => (p === 0 ? (r * t) / alpha : -Math.expm1(-r * Math.log1p((p * t) / alpha)) / p);
  return betaExpectation(g, a, b);
}
