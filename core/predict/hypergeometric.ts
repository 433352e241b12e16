// Gauss hypergeometric function 2F1 for the BG/NBD family's predictions. Arguments are pure
// numbers; time units never enter this file.

const EPSILON = 1e-16;
const MAX_TERMS = 100_000;
// Beyond z = 1/2 the power series is still the best tool whenever it converges in this many
// terms; otherwise the ODE continuation takes over.
const SERIES_BUDGET_NEAR_ONE = 5_000;
// Caps each Taylor step so that rounding errors, which excite the ODE's other solutions, grow by
// at most about e^STEP_GROWTH per step.
const STEP_GROWTH = 1;
// Taylor terms a continuation may sum in all. More means c (or c - a - b) is in the tens of thousands: the step
// shrinks as 1/c and the walk would take millions of steps. Such parameters come from degenerate fits (see
// table/predicted-values.ts); the answer is then NaN, never a hung worker. Ordinary continuations sum hundreds.
const MAX_WORK = 1_000_000;

interface SeriesResult {
  /** Sum of the terms after the leading 1, kept apart so 2F1 − 1 keeps full relative accuracy. */
  readonly tail: number;
  readonly slope: number;
  readonly converged: boolean;
}

// Power series around 0 with its derivative. Always converges for |z| <= 1/2 (ratio -> z); near
// z = 1 it converges fast only when c - a - b is large, which is the usual case for customers with
// many purchases.
function seriesAtZero(a: number, b: number, c: number, z: number, maxTerms: number): SeriesResult {
  let term = 1;
  let tail = 0;
  let slope = 0;
  for (let n = 0; n < maxTerms; n++) {
    // term is the n-th coefficient times z^n; its contribution to the derivative is n * term / z.
    const next = (term * (a + n) * (b + n) * z) / ((c + n) * (n + 1));
    if (next === 0) return { tail, slope, converged: true };
    tail += next;
    slope += ((n + 1) * next) / z;
    term = next;
    // Only stop once the terms are shrinking, so a tiny term early in a growing stretch (large
    // a, b) cannot end the sum prematurely.
    const ratio = Math.abs(((a + n + 1) * (b + n + 1) * z) / ((c + n + 1) * (n + 2)));
    if (Math.abs(next) <= EPSILON * Math.abs(tail) && ratio < 1) return { tail, slope, converged: true };
  }
  return { tail, slope, converged: false };
}

/**
 * Continues the solution of z(1-z)w'' + [c-(a+b+1)z]w' - ab w = 0 with value w0 and slope dw0 at
 * z0 to z1 by Taylor steps. Steps stay within 60% of the distance to z = 1 (so each series
 * converges geometrically) and short enough, relative to c and c - a - b, that rounding errors
 * cannot be amplified by the other, huge-coefficient solutions. No Gamma-function connection
 * formula is involved, so integer c - a - b (where those formulas degenerate) needs no special case.
 */
function continueAlongOde(a: number, b: number, c: number, z0: number, w0: number, dw0: number, z1: number): number {
  // z^(1-c) (for c > 1) and (1-z)^(c-a-b) (for c - a - b > 0) are the solutions that rounding
  // errors can excite; with c - a - b < 0 the second one dominates anyway and needs no guard.
  const atZero = Math.max(1, c - 1);
  const atOne = Math.max(1, c - a - b);
  // Track u = 1 - z rather than z: near z = 1 the function can behave like (1-z)^(c-a-b), and an
  // absolute rounding error in z would be a large relative error in 1 - z.
  const target = 1 - z1;
  let u = 1 - z0;
  let w = w0;
  let dw = dw0;
  let work = 0;
  while (u > target) {
    const limit = Math.min((STEP_GROWTH * (1 - u)) / atZero, (STEP_GROWTH * u) / atOne);
    const last = u - target <= Math.min(0.6 * u, limit);
    const h = last ? u - target : Math.min(0.5 * u, limit);
    const p0 = (1 - u) * u;
    const p1 = 2 * u - 1;
    const q0 = c - a - b - 1 + (a + b + 1) * u;
    // Taylor coefficients of w(z + s) scaled by h^n (so each is that term's contribution), from
    // the ODE's three-term recurrence.
    let previous = w;
    let current = dw * h;
    let value = previous + current;
    let slope = dw;
    for (let n = 0; n < MAX_TERMS; n++) {
      if (++work > MAX_WORK) return Number.NaN;
      const next =
        ((a + n) * (b + n) * previous * h * h - (n + 1) * (p1 * n + q0) * current * h) / (p0 * (n + 1) * (n + 2));
      value += next;
      slope += ((n + 2) * next) / h;
      const small = Math.abs(next) <= EPSILON * Math.abs(value) && Math.abs(current) <= EPSILON * Math.abs(value);
      previous = current;
      current = next;
      if (small && n > 8) break;
    }
    w = value;
    dw = slope;
    u = last ? target : u - h;
  }
  return w;
}

/**
 * Gauss hypergeometric function 2F1(a, b; c; z) for real z < 1 (dimensionless).
 *
 * Why this scheme: the BG/NBD family needs z = t / (alpha + T + t), which approaches 1 for long
 * horizons or young customers, where the power series can need millions of terms. We use
 * - Pfaff's transformation z -> z/(z-1) for z < 0 (it maps (-inf, 0) onto (0, 1); accuracy there
 *   is not a goal, the models never need negative z),
 * - the power series for 0 <= z <= 1/2, and beyond that whenever it converges quickly,
 * - otherwise analytic continuation of the hypergeometric ODE from z = 1/2 (cost grows like
 *   log(1/(1-z)) plus |c| and |c-a-b|).
 * Tested to ~1e-13 relative on [0, 1) for the models' parameter ranges. c must not be a
 * non-positive integer (2F1 has a pole there). Returns NaN for z >= 1.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(z < 1) || Number.isNaN(a + b + c)) return Number.NaN;
  if (z < 0) return Math.pow(1 - z, -a) * hyp2f1(a, c - b, c, z / (z - 1));
  if (z === 0 || a === 0 || b === 0) return 1;
  if (z <= 0.5) return 1 + seriesAtZero(a, b, c, z, MAX_TERMS).tail;
  const direct = seriesAtZero(a, b, c, z, SERIES_BUDGET_NEAR_ONE);
  if (direct.converged) return 1 + direct.tail;
  const start = seriesAtZero(a, b, c, 0.5, MAX_TERMS);
  return continueAlongOde(a, b, c, 0.5, 1 + start.tail, start.slope, z);
}

/**
 * 2F1(a, b; c; z) − 1 (dimensionless), accurate relative to its own size when z is small, where
 * computing hyp2f1(...) − 1 would lose every digit. Needed for expected purchases over short
 * horizons, which are differences of numbers close to 1.
 */
export function hyp2f1Minus1(a: number, b: number, c: number, z: number): number {
  if (z >= 0 && z <= 0.5) return z === 0 ? 0 : seriesAtZero(a, b, c, z, MAX_TERMS).tail;
  return hyp2f1(a, b, c, z) - 1;
}
