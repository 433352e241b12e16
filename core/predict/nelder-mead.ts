// One Nelder–Mead run over an unconstrained space. optimize.ts feeds it log-parameters, so the
// coordinates here are unit-free.

export interface SimplexRunOptions {
  /** Edge length of the initial simplex around the start. */
  readonly step: number;
  /** Maximum number of objective evaluations for this run. */
  readonly budget: number;
  /** Converged when the vertex values agree to this (absolute + relative to |f|)... */
  readonly functionTolerance: number;
  /** ...and the vertices are within this distance (max-norm) of the best one. */
  readonly parameterTolerance: number;
}

export interface RunOutcome {
  readonly x: Float64Array;
  readonly value: number;
  readonly evaluations: number;
  readonly converged: boolean;
}

/**
 * Deterministic Nelder–Mead over unit-free coordinates (log-parameters when called from
 * optimize.ts), with the standard coefficients (reflection 1, expansion 2,
 * contraction 1/2, shrink 1/2). The objective must return +Infinity rather than NaN for
 * infeasible points so comparisons stay meaningful. `startValue` saves one evaluation.
 */
export function nelderMead(
  objective: (x: Float64Array) => number,
  start: Float64Array,
  startValue: number,
  { step, budget, functionTolerance, parameterTolerance }: SimplexRunOptions,
): RunOutcome {
  const n = start.length;
  const simplex: Float64Array[] = [Float64Array.from(start)];
  const values: number[] = [startValue];
  let used = 0;
  for (let i = 0; i < n; i++) {
    const vertex = Float64Array.from(start);
    vertex[i] = (vertex[i] as number) + step;
    simplex.push(vertex);
    values.push(objective(vertex));
    used++;
  }
  const order = Array.from({ length: n + 1 }, (_, i) => i);
  const centroid = new Float64Array(n);
  const reflected = new Float64Array(n);
  const trial = new Float64Array(n);
  const at = (i: number): Float64Array => simplex[order[i] as number] as Float64Array;
  const valueAt = (i: number): number => values[order[i] as number] as number;
  const replaceWorst = (x: Float64Array, v: number): void => {
    (simplex[order[n] as number] as Float64Array).set(x);
    values[order[n] as number] = v;
  };

  while (true) {
    order.sort((i, j) => (values[i] as number) - (values[j] as number));
    const fBest = valueAt(0);
    const x0 = at(0);
    let spread = 0;
    for (let i = 1; i <= n; i++) {
      const xi = at(i);
      for (let k = 0; k < n; k++) spread = Math.max(spread, Math.abs((xi[k] as number) - (x0[k] as number)));
    }
    const flat = valueAt(n) - fBest <= functionTolerance * (1 + Math.abs(fBest));
    if (flat && spread <= parameterTolerance) {
      return { x: Float64Array.from(x0), value: fBest, evaluations: used, converged: true };
    }
    if (used + n + 2 > budget) return { x: Float64Array.from(x0), value: fBest, evaluations: used, converged: false };

    centroid.fill(0);
    for (let i = 0; i < n; i++) {
      const xi = at(i);
      for (let k = 0; k < n; k++) centroid[k] = (centroid[k] as number) + (xi[k] as number) / n;
    }
    const worst = at(n);
    const move = (coefficient: number, out: Float64Array): void => {
      for (let k = 0; k < n; k++) {
        const c = centroid[k] as number;
        out[k] = c + coefficient * (c - (worst[k] as number));
      }
    };

    move(1, reflected);
    const fReflected = objective(reflected);
    used++;
    if (fReflected < fBest) {
      move(2, trial);
      const fExpanded = objective(trial);
      used++;
      if (fExpanded < fReflected) replaceWorst(trial, fExpanded);
      else replaceWorst(reflected, fReflected);
      continue;
    }
    if (fReflected < valueAt(n - 1)) {
      replaceWorst(reflected, fReflected);
      continue;
    }
    // Contract towards the better of the worst point and its reflection.
    const outside = fReflected < valueAt(n);
    move(outside ? 0.5 : -0.5, trial);
    const fContracted = objective(trial);
    used++;
    if (fContracted < (outside ? fReflected : valueAt(n))) {
      replaceWorst(trial, fContracted);
      continue;
    }
    for (let i = 1; i <= n; i++) {
      const xi = at(i);
      for (let k = 0; k < n; k++) xi[k] = (x0[k] as number) + 0.5 * ((xi[k] as number) - (x0[k] as number));
      values[order[i] as number] = objective(xi);
      used++;
    }
  }
}
