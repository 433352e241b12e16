import type { RunOutcome } from './nelder-mead';

// Quasi-Newton minimisation for objectives that can supply their gradient. optimize.ts feeds it
// log-parameters, so coordinates here are unit-free.

export interface GradientRunOptions {
  /** Maximum number of objective evaluations (each also computes the gradient). */
  readonly budget: number;
  /** Converged when every gradient component is at most this in absolute value. */
  readonly gradientTolerance: number;
  /** Longest step (max-norm) tried per iteration; in log space 2 means a factor e² per parameter. */
  readonly maxStep: number;
}

const ARMIJO = 1e-4;
const MAX_BACKTRACKS = 40;
// A step gaining less than this (relative) is rounding noise, not progress.
const STALL = 1e-14;
// How far above the gradient tolerance a stalled run may be and still count as converged.
const NOISE_FLOOR_FACTOR = 1e3;

/**
 * BFGS over unit-free coordinates (log-parameters when called from optimize.ts), updating the
 * inverse Hessian, with a backtracking (Armijo) line search. Deterministic. Falls back
 * to steepest descent whenever the quasi-Newton direction stops pointing downhill. Non-finite
 * objective values are treated as "step too long". Returns converged = false when the budget runs
 * out or the line search cannot improve a point whose gradient is still large, so the caller can
 * switch to a derivative-free method.
 */
export function bfgs(
  objective: (x: Float64Array, gradient: Float64Array) => number,
  start: Float64Array,
  { budget, gradientTolerance, maxStep }: GradientRunOptions,
): RunOutcome {
  const n = start.length;
  let x = Float64Array.from(start);
  let g = new Float64Array(n);
  let f = objective(x, g);
  let used = 1;
  if (!Number.isFinite(f)) return { x, value: Number.POSITIVE_INFINITY, evaluations: used, converged: false };

  const h = identity(n);
  let scaled = false;
  const direction = new Float64Array(n);
  let xNew = new Float64Array(n);
  let gNew = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);
  const hy = new Float64Array(n);

  while (true) {
    if (maxAbs(g) <= gradientTolerance) return { x, value: f, evaluations: used, converged: true };
    if (used >= budget) return { x, value: f, evaluations: used, converged: false };

    multiply(h, g, direction);
    let slope = 0;
    for (let i = 0; i < n; i++) {
      direction[i] = -(direction[i] as number);
      slope += (direction[i] as number) * (g[i] as number);
    }
    if (!(slope < 0)) {
      resetToIdentity(h);
      scaled = false;
      for (let i = 0; i < n; i++) direction[i] = -(g[i] as number);
      slope = -dot(g, g);
    }
    const longest = maxAbs(direction);
    let t = longest > maxStep ? maxStep / longest : 1;

    let fNew = Number.NaN;
    let accepted = false;
    for (let k = 0; k < MAX_BACKTRACKS && used < budget; k++) {
      for (let i = 0; i < n; i++) xNew[i] = (x[i] as number) + t * (direction[i] as number);
      fNew = objective(xNew, gNew);
      used++;
      // Strictly lower, too: at the rounding floor "no worse" would let it wander forever.
      if (Number.isFinite(fNew) && fNew <= f + ARMIJO * t * slope && fNew < f) {
        accepted = true;
        break;
      }
      // Minimiser of the quadratic through f, the slope and fNew, kept within [0.1t, 0.5t].
      const quadratic = Number.isFinite(fNew) ? (-slope * t * t) / (2 * (fNew - f - slope * t)) : 0.1 * t;
      t = Math.min(0.5 * t, Math.max(0.1 * t, quadratic));
    }
    // Rounding noise in f can stop progress before the gradient test passes; that is success as
    // long as the gradient is already small, otherwise the caller should try something else.
    if (!accepted) return { x, value: f, evaluations: used, converged: maxAbs(g) <= NOISE_FLOOR_FACTOR * gradientTolerance };
    if (f - fNew <= STALL * (1 + Math.abs(f))) {
      return { x: xNew, value: fNew, evaluations: used, converged: maxAbs(gNew) <= NOISE_FLOOR_FACTOR * gradientTolerance };
    }

    let sy = 0;
    for (let i = 0; i < n; i++) {
      s[i] = (xNew[i] as number) - (x[i] as number);
      y[i] = (gNew[i] as number) - (g[i] as number);
      sy += (s[i] as number) * (y[i] as number);
    }
    [x, xNew] = [xNew, x];
    [g, gNew] = [gNew, g];
    f = fNew;
    // Skip the update when curvature information is unreliable; keeps H positive definite.
    if (sy <= 1e-14 * Math.sqrt(dot(s, s) * dot(y, y))) continue;
    if (!scaled) {
      // Shanno–Phua scaling gives the first inverse-Hessian guess the right magnitude.
      const gamma = sy / dot(y, y);
      h.forEach((row, i) => {
        row.fill(0);
        row[i] = gamma;
      });
      scaled = true;
    }
    updateInverseHessian(h, s, y, sy, hy);
  }
}

// H ← H + (sy + yᵀHy) ssᵀ / sy² − (Hy sᵀ + s yᵀH) / sy, the standard BFGS inverse update.
function updateInverseHessian(h: Float64Array[], s: Float64Array, y: Float64Array, sy: number, hy: Float64Array): void {
  const n = s.length;
  multiply(h, y, hy);
  const yhy = dot(y, hy);
  const factor = (sy + yhy) / (sy * sy);
  for (let i = 0; i < n; i++) {
    const row = h[i] as Float64Array;
    const si = s[i] as number;
    const hyi = hy[i] as number;
    for (let j = 0; j < n; j++) {
      const sj = s[j] as number;
      row[j] = (row[j] as number) + factor * si * sj - (hyi * sj + si * (hy[j] as number)) / sy;
    }
  }
}

function identity(n: number): Float64Array[] {
  const m = Array.from({ length: n }, () => new Float64Array(n));
  resetToIdentity(m);
  return m;
}

function resetToIdentity(m: Float64Array[]): void {
  m.forEach((row, i) => {
    row.fill(0);
    row[i] = 1;
  });
}

function multiply(m: Float64Array[], v: Float64Array, out: Float64Array): void {
  for (let i = 0; i < m.length; i++) out[i] = dot(m[i] as Float64Array, v);
}

function dot(u: Float64Array, v: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < u.length; i++) sum += (u[i] as number) * (v[i] as number);
  return sum;
}

function maxAbs(v: Float64Array): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i] as number));
  return m;
}
