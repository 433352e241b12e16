import { hyp2f1Minus1 } from './hypergeometric';

// Both BG/NBD and MBG/NBD predictions reduce to one quantity: the expected purchases of a customer
// known to be alive now, whose rate is Gamma(r, alpha) and who may drop out after each future
// purchase with probability p ~ Beta(a, b). Conditioning on a history only updates the four
// parameters (r + x, alpha + T, and b shifted by the survived dropout chances), so the two models
// share this one careful implementation.

// Below this distance from a = 1 the closed form is 0/0; see expectedPurchasesWhileAlive.
const NEAR_ONE = 1e-4;
// Horizons with (r + 1) t / alpha below this use a series in t instead of the closed form.
const SHORT_HORIZON = 1e-7;

function closedForm(r: number, alpha: number, a: number, b: number, t: number): number {
  const c = a + b - 1;
  const z = t / (alpha + t);
  // Euler's transformation: (1-z)^r 2F1(r, b; c; z) = (1-z)^(c-b) 2F1(c-r, c-b; c; z). The right
  // side stays bounded as z -> 1 (the left is a huge 2F1 times a tiny power, which overflows for
  // customers with many purchases), and c - b = a - 1 does not grow with the purchase count.
  // With (1-z)^(a-1) = e^L and 2F1 = 1 + S, the bracket 1 - e^L (1 + S) is rewritten as
  // -expm1(L) - e^L S so short horizons (both parts tiny) keep their relative accuracy.
  const logPower = -(a - 1) * Math.log1p(t / alpha);
  const tail = hyp2f1Minus1(c - r, a - 1, c, z);
  return (c / (a - 1)) * (-Math.expm1(logPower) - Math.exp(logPower) * tail);
}

/**
 * Expected number of purchases in the next t time units for a customer alive now, with purchase
 * rate ~ Gamma(r, alpha) (alpha in the same time unit as t) and dropout probability after each
 * purchase ~ Beta(a, b):  (a+b-1)/(a-1) · [1 − (alpha/(alpha+t))^r · 2F1(r, b; a+b−1; t/(alpha+t))].
 * Returns 0 for t <= 0. As t → ∞ it tends to E[1/p], which is infinite when a <= 1.
 */
export function expectedPurchasesWhileAlive(r: number, alpha: number, a: number, b: number, t: number): number {
  if (!(t > 0)) return 0;
  if (t === Number.POSITIVE_INFINITY) return a > 1 ? (a + b - 1) / (a - 1) : Number.POSITIVE_INFINITY;
  const ratio = t / alpha;
  if ((r + 1) * ratio < SHORT_HORIZON) {
    // Two-term expansion in t: E[λ]t minus the dropouts' first-order effect. Its relative error
    // is O(((r + 1) t/alpha)^2) < 1e-14 here, while the closed form is a difference of two
    // numbers that both vanish with t and loses everything once t is denormal-small.
    return ((r * t) / alpha) * (1 - ((r + 1) * ratio * a) / (2 * (a + b)));
  }
  if (Math.abs(a - 1) >= NEAR_ONE) return closedForm(r, alpha, a, b, t);
  // The expectation is smooth in a, but the closed form cancels catastrophically at a = 1. Linear
  // interpolation between a = 1 ± 1e-4 costs ~1e-8 relative error and loses only ~4 digits.
  const below = closedForm(r, alpha, 1 - NEAR_ONE, b, t);
  const above = closedForm(r, alpha, 1 + NEAR_ONE, b, t);
  return below + ((a - (1 - NEAR_ONE)) / (2 * NEAR_ONE)) * (above - below);
}
