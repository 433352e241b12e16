import { describe, expect, it } from 'vitest';
import { computeMetrics } from './metrics';
import { lastMonths, monthlyFeedback } from './monthly-feedback';
import { csat, nps } from './testing/builders';

const SP = 'America/Sao_Paulo';

describe('monthly feedback', () => {
  it('names the months that end with now’s, on the seller’s calendar', () => {
    // 02:00 UTC on January 1 is still December 31 in São Paulo.
    expect(lastMonths(Date.parse('2027-01-01T02:00:00Z'), SP, 3)).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(lastMonths(Date.parse('2027-01-01T02:00:00Z'), 'UTC', 2)).toEqual(['2026-12', '2027-01']);
  });

  it('works out CSAT and NPS per month as the period metrics do, a 22:00 rating on the month’s last day in that month', () => {
    const feedback = [
      csat('a', 5, '2026-10-05T12:00:00Z'),
      csat('b', 2, '2026-10-20T12:00:00Z'),
      // 22:30 on October 31 in São Paulo.
      csat('c', 4, '2026-11-01T01:30:00Z'),
      nps('a', 10, '2026-11-03T12:00:00Z'),
      nps('b', 9, '2026-11-04T12:00:00Z'),
      nps('c', 3, '2026-11-05T12:00:00Z'),
      nps('d', 8, '2026-11-06T12:00:00Z'),
      csat('d', 5, '2026-08-01T12:00:00Z'),
    ];
    const months = ['2026-10', '2026-11', '2026-12'];
    expect(monthlyFeedback(feedback, SP, months)).toEqual({
      months,
      csatResponses: [3, 0, 0],
      csatPercent: [(100 * 2) / 3, null, null],
      npsResponses: [0, 4, 0],
      // 2 promoters, 1 detractor, 1 passive of 4.
      nps: [null, 25, null],
    });
    const november = computeMetrics({ customers: [], orders: [], feedback, period: { start: Date.parse('2026-11-01T03:00:00Z'), end: Date.parse('2026-12-01T03:00:00Z') }, now: Date.parse('2026-12-15T00:00:00Z'), timeZone: SP }).current;
    expect(november.nps).toBe(25);
    expect(monthlyFeedback(feedback, 'UTC', months).csatResponses).toEqual([2, 1, 0]);
  });
});
