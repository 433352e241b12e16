import { describe, expect, it } from 'vitest';
import { makeNbdObjective, nbdRowLogLikelihood, type ExtraDropoutChances } from './nbd-likelihood';
import { groupPurchaseRows } from './row-groups';
import { numericGradient } from './testing/numeric-gradient';
import { simulateNbdCustomers } from './testing/simulate';

const rows = simulateNbdCustomers({ r: 0.5, alpha: 5, a: 0.8, b: 2.5 }, 500, {
  seed: 3,
  model: 'mbg-nbd',
  minT: 10,
  maxT: 40,
}).map((row) => ({ ...row, recency: Math.round(row.recency), T: Math.round(row.T) }));

describe('NBD-family objective', () => {
  for (const extra of [0, 1] as ExtraDropoutChances[]) {
    const name = extra === 0 ? 'BG/NBD' : 'MBG/NBD';

    it(`${name}: equals minus the mean of the per-row log-likelihoods after grouping`, () => {
      const params = { r: 0.4, alpha: 6, a: 0.9, b: 2 };
      const objective = makeNbdObjective(groupPurchaseRows(rows), extra);
      const direct = rows.reduce((sum, row) => sum + nbdRowLogLikelihood(params, row, extra), 0) / rows.length;
      expect(objective([0.4, 6, 0.9, 2])).toBeCloseTo(-direct, 12);
    });

    it(`${name}: supplies an analytic gradient that matches finite differences`, () => {
      const objective = makeNbdObjective(groupPurchaseRows(rows), extra);
      for (const point of [
        [0.4, 6, 0.9, 2],
        [2.5, 0.7, 3.1, 0.6],
      ]) {
        const gradient = new Float64Array(4);
        objective(point, gradient);
        const numeric = numericGradient(objective, point);
        numeric.forEach((g, i) => expect(Math.abs((gradient[i] as number) - g)).toBeLessThan(1e-6 * Math.max(1, Math.abs(g))));
      }
    });
  }
});
