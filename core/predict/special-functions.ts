// Special functions needed by the customer-base models. Everything here is unit-free: the
// arguments are pure numbers, so time units never enter this file.

const HALF_LOG_TWO_PI = 0.9189385332046727;

// Lanczos approximation with g = 7 and nine terms: about 15 significant digits of Gamma on
// x >= 0.5, which is comfortably inside the 1e-13 budget the likelihoods need.
const LANCZOS_G = 7;
const LANCZOS_COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
] as const;

/**
 * Natural log of the Gamma function for x > 0 (dimensionless; no time unit involved).
 * Returns NaN for x <= 0 or NaN, since the models never need Gamma of a non-positive number.
 */
export function logGamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  if (x === Number.POSITIVE_INFINITY) return x;
  // Below 0.5 the Lanczos sum loses accuracy; shifting by one keeps it in its good range and
  // log(x) is exact enough on its own.
  if (x < 0.5) return logGamma(x + 1) - Math.log(x);
  const y = x - 1;
  let sum = LANCZOS_COEFFICIENTS[0];
  for (let k = 1; k < LANCZOS_COEFFICIENTS.length; k++) {
    sum += (LANCZOS_COEFFICIENTS[k] as number) / (y + k);
  }
  const t = y + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}

// Asymptotic-series coefficients B_2k / (2k) for k = 1..6.
const DIGAMMA_ASYMPTOTIC = [1 / 12, -1 / 120, 1 / 252, -1 / 240, 1 / 132, -691 / 32760] as const;

/**
 * Digamma ψ(x) = d/dx log Γ(x) for x > 0 (dimensionless), used for analytic likelihood gradients.
 * Recurrence up to x >= 10 and then the asymptotic series, which is good to ~1e-15 there.
 */
export function digamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  if (x === Number.POSITIVE_INFINITY) return x;
  let shift = 0;
  while (x < 10) {
    shift += 1 / x;
    x += 1;
  }
  const inverseSquare = 1 / (x * x);
  let series = 0;
  for (let k = DIGAMMA_ASYMPTOTIC.length - 1; k >= 0; k--) {
    series = series * inverseSquare + (DIGAMMA_ASYMPTOTIC[k] as number);
  }
  return Math.log(x) - 0.5 / x - series * inverseSquare - shift;
}

/** Natural log of the Beta function B(a, b) for a, b > 0 (dimensionless). */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/**
 * log(exp(x) + exp(y)) without overflow or underflow (dimensionless). Either argument may be
 * -Infinity, which stands for a zero-probability term.
 */
export function logAddExp(x: number, y: number): number {
  if (x === Number.NEGATIVE_INFINITY) return y;
  if (y === Number.NEGATIVE_INFINITY) return x;
  return x > y ? x + Math.log1p(Math.exp(y - x)) : y + Math.log1p(Math.exp(x - y));
}

/** log(sum(exp(values))) computed around the largest value (dimensionless); -Infinity if empty. */
export function logSumExp(values: readonly number[]): number {
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) if (v > max) max = v;
  if (max === Number.NEGATIVE_INFINITY || !Number.isFinite(max)) return max;
  let sum = 0;
  for (const v of values) sum += Math.exp(v - max);
  return max + Math.log(sum);
}

// 2F1 lives in its own file (it is most of the numerical care); re-exported so callers find all
// special functions in one place.
export { hyp2f1 } from './hypergeometric';
