import type { PositiveObjective } from '../optimize';

/** Test-only central differences with a relative step h, to check analytic gradients. */
export function numericGradient(f: PositiveObjective, x: readonly number[], h = 1e-6): number[] {
  return x.map((xi, i) => {
    const up = [...x];
    const down = [...x];
    up[i] = xi * (1 + h);
    down[i] = xi * (1 - h);
    return (f(up) - f(down)) / (2 * xi * h);
  });
}
