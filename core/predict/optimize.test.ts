import { describe, expect, it } from 'vitest';
import { minimizePositive, type PositiveObjective } from './optimize';

// Rosenbrock's banana valley shifted into the positive quadrant: minimum 0 at (1, 2).
const banana: PositiveObjective = ([x = 0, y = 0], gradient) => {
  const u = 1 - x;
  const w = y - 1 - x * x;
  if (gradient) {
    gradient[0] = -2 * u - 400 * x * w;
    gradient[1] = 200 * w;
  }
  return u * u + 100 * w * w;
};

describe('minimizePositive', () => {
  it('finds the minimum of a curved valley without derivatives', () => {
    const result = minimizePositive(banana, [0.3, 3]);
    expect(result.method).toBe('nelder-mead');
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 5);
    expect(result.x[1]).toBeCloseTo(2, 5);
  });

  it('finds the same minimum with BFGS in far fewer evaluations when given the gradient', () => {
    const simplex = minimizePositive(banana, [0.3, 3]);
    const quasiNewton = minimizePositive(banana, [0.3, 3], { useGradient: true });
    expect(quasiNewton.method).toBe('bfgs');
    expect(quasiNewton.x[0]).toBeCloseTo(1, 6);
    expect(quasiNewton.x[1]).toBeCloseTo(2, 6);
    expect(quasiNewton.evaluations).toBeLessThan(simplex.evaluations / 2);
  });

  it('falls back to Nelder–Mead when the gradient is wrong', () => {
    const lying: PositiveObjective = (x, gradient) => {
      if (gradient) gradient.fill(1); // points uphill half the time
      return banana(x);
    };
    const result = minimizePositive(lying, [0.3, 3], { useGradient: true });
    expect(result.method).toBe('nelder-mead');
    expect(result.x[0]).toBeCloseTo(1, 4);
    expect(result.x[1]).toBeCloseTo(2, 4);
  });

  it('keeps parameters positive even when the unconstrained optimum is not', () => {
    // Minimum over the reals is at x = −1; over x > 0 the infimum is approached at x → 0.
    const result = minimizePositive(([x = 0]) => (x + 1) * (x + 1), [5]);
    expect(result.x[0]).toBeGreaterThan(0);
    expect(result.x[0]).toBeLessThan(1e-3);
  });

  it('backs away from points where the objective is NaN or infinite', () => {
    const walled: PositiveObjective = ([x = 0, y = 0]) => (x > 3 || y > 3 ? Number.NaN : (x - 2) ** 2 + (y - 0.5) ** 2);
    const result = minimizePositive(walled, [1, 1]);
    expect(result.x[0]).toBeCloseTo(2, 5);
    expect(result.x[1]).toBeCloseTo(0.5, 5);
  });

  it('is deterministic', () => {
    expect(minimizePositive(banana, [0.3, 3])).toEqual(minimizePositive(banana, [0.3, 3]));
    expect(minimizePositive(banana, [0.3, 3], { useGradient: true })).toEqual(
      minimizePositive(banana, [0.3, 3], { useGradient: true }),
    );
  });

  it('reports non-convergence when the evaluation budget runs out', () => {
    const result = minimizePositive(banana, [0.3, 3], { maxEvaluations: 20 });
    expect(result.converged).toBe(false);
    expect(result.evaluations).toBeLessThanOrEqual(20);
  });

  it('rejects a start that is not strictly positive', () => {
    expect(() => minimizePositive(banana, [0, 1])).toThrow(RangeError);
    expect(() => minimizePositive(banana, [1, Number.POSITIVE_INFINITY])).toThrow(RangeError);
    expect(() => minimizePositive(banana, [])).toThrow(RangeError);
  });
});
