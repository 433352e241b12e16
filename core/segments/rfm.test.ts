import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeRfmCutPoints,
  higherIsBetterCutPoints,
  lowerIsBetterCutPoints,
  quintileScores,
  rfmThresholdsSchema,
  scoreHigherIsBetter,
  scoreLowerIsBetter,
  scoreRfm,
} from './rfm';
import { RFM_SEGMENT_IDS, rfmSegment, rfmSegmentLabel } from './rfm-segments';

const values = fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 200 });

describe('quintile scores', () => {
  it('scores ten distinct values two per bucket', () => {
    expect(quintileScores([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'higher-is-better')).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(quintileScores([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'lower-is-better')).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });

  it('gives all-equal values the same score (the lowest)', () => {
    expect(quintileScores([7, 7, 7, 7], 'higher-is-better')).toEqual([1, 1, 1, 1]);
    const cuts = higherIsBetterCutPoints([7, 7, 7, 7]);
    expect(cuts).toEqual([Infinity, Infinity, Infinity, Infinity]);
    expect(scoreHigherIsBetter(7, cuts)).toBe(1);
  });

  it('puts ties in the lower bucket', () => {
    // 60% bought once: they share score 1; the 2s have 6 of 10 strictly below → 1 + floor(5·6/10) = 4.
    expect(quintileScores([1, 1, 1, 1, 1, 1, 2, 2, 3, 9], 'higher-is-better')).toEqual([1, 1, 1, 1, 1, 1, 4, 4, 5, 5]);
  });

  it('always gives tied values the same score, and better values no lower score (property)', () => {
    fc.assert(
      fc.property(values, fc.constantFrom('higher-is-better' as const, 'lower-is-better' as const), (vs, dir) => {
        const scores = quintileScores(vs, dir);
        for (let i = 0; i < vs.length; i++) {
          for (let j = 0; j < vs.length; j++) {
            const a = vs[i] as number;
            const b = vs[j] as number;
            if (a === b) expect(scores[i]).toBe(scores[j]);
            const aBetter = dir === 'higher-is-better' ? a > b : a < b;
            if (aBetter) expect(scores[i]).toBeGreaterThanOrEqual(scores[j] as number);
          }
        }
      }),
    );
  });

  it('cut points reproduce the rank formula exactly, whatever the order (property)', () => {
    fc.assert(
      fc.property(values, (vs) => {
        const up = higherIsBetterCutPoints(vs);
        const down = lowerIsBetterCutPoints(vs);
        expect(vs.map((v) => scoreHigherIsBetter(v, up))).toEqual(quintileScores(vs, 'higher-is-better'));
        expect(vs.map((v) => scoreLowerIsBetter(v, down))).toEqual(quintileScores(vs, 'lower-is-better'));
        expect(higherIsBetterCutPoints([...vs].reverse())).toEqual(up);
      }),
    );
  });

  it('uses fixed thresholds for small books in place of quintiles', () => {
    const cuts = computeRfmCutPoints(
      { recencyDays: [1, 2], frequency: [1, 2], monetaryMinor: [5, 6] },
      { recencyDays: [365, 180, 90, 30], frequency: [2, 3, 5, 10], monetaryMinor: [10_000, 50_000, 100_000, 500_000] },
    );
    const r = scoreRfm({ recencyDays: 45, frequency: 5, monetaryMinor: 600_000 }, cuts);
    expect([r.recency, r.frequency, r.monetary]).toEqual([4, 4, 5]);
    expect(r.segment).toBe('champions');
    expect(rfmThresholdsSchema.safeParse({ frequency: [1, 2, 3] }).success).toBe(false);
  });
});

describe('RFM segments', () => {
  it('places every score combination in exactly one segment and reaches all eleven', () => {
    const seen = new Set<string>();
    for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) for (let m = 1; m <= 5; m++) seen.add(rfmSegment(r, f, m));
    expect([...seen].sort()).toEqual([...RFM_SEGMENT_IDS].sort());
  });

  it('follows the R × average(F, M) grid', () => {
    expect(rfmSegment(5, 5, 4)).toBe('champions');
    expect(rfmSegment(5, 1, 1)).toBe('new');
    expect(rfmSegment(4, 1, 2)).toBe('promising');
    expect(rfmSegment(5, 2, 3)).toBe('potential-loyalist');
    expect(rfmSegment(3, 4, 5)).toBe('loyal');
    expect(rfmSegment(3, 2, 2)).toBe('need-attention');
    expect(rfmSegment(2, 2, 3)).toBe('about-to-sleep');
    expect(rfmSegment(2, 5, 5)).toBe('at-risk');
    expect(rfmSegment(1, 4, 5)).toBe('cant-lose');
    expect(rfmSegment(1, 2, 2)).toBe('hibernating');
    expect(rfmSegment(1, 1, 2)).toBe('lost');
    expect(rfmSegmentLabel('cant-lose', 'pt-BR')).toBe('Não pode perder');
    expect(rfmSegmentLabel('about-to-sleep', 'pt-PT')).toBe('Prestes a adormecer');
  });
});
