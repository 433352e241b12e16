import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activityConfig, computeActivity, purchaseDaysOf, storeTypicalIntervalDays, typicalIntervalDays } from './activity';
import { describeActivity } from './activity-text';
import { NOW, daysAgo, order } from './testing/builders';
import { calendarOf } from '../locale/calendar';

const calendar = calendarOf('UTC');

const today = calendar.day(NOW);

function activityOf(ago: number[], storeIntervalDays: number | null = null) {
  const days = purchaseDaysOf(ago.map((d) => order('c', daysAgo(d))), calendar);
  return computeActivity({ purchaseDays: days, today, calendar, storeIntervalDays });
}

describe('purchase days', () => {
  it('counts same-day orders once and ignores refunds and cancellations', () => {
    const orders = [
      order('c', '2026-05-01T09:00:00Z'),
      order('c', '2026-05-01T22:00:00Z'),
      order('c', '2026-05-03T10:00:00Z', { status: 'refunded' }),
      order('c', '2026-05-04T10:00:00Z', { status: 'cancelled' }),
      order('c', '2026-05-10T10:00:00Z'),
    ];
    expect(purchaseDaysOf(orders, calendar)).toEqual([calendar.day(Date.parse('2026-05-01T00:00:00Z')), calendar.day(Date.parse('2026-05-10T00:00:00Z'))]);
  });

  it('takes the median gap as the typical interval', () => {
    expect(typicalIntervalDays([0, 10, 40, 50])).toBe(10);
    expect(typicalIntervalDays([0, 10, 30])).toBe(15);
    expect(typicalIntervalDays([5])).toBeNull();
    expect(storeTypicalIntervalDays([10, null, 30, 20])).toBe(20);
    expect(storeTypicalIntervalDays([null])).toBeNull();
  });
});

describe('activity status', () => {
  it('marks a monthly buyer inactive after three silent months', () => {
    const result = activityOf([185, 155, 125, 95]);
    expect(result.status).toBe('inactive');
    expect(result.reason).toMatchObject({ rule: 'past-inactive', intervalDays: 30, intervalSource: 'own', daysSinceLastPurchase: 95, thresholdDays: 90 });
    expect(describeActivity(result, 'en')).toBe('buys about every 30 days; last purchase 95 days ago');
    expect(describeActivity(result, 'pt-BR')).toBe('compra a cada 30 dias, mais ou menos; última compra há 95 dias');
    expect(describeActivity(result, 'pt-PT')).toBe('compra a cada 30 dias, mais ou menos; última compra há 95 dias');
    expect(describeActivity(result, 'es')).toBe('compra cada 30 días, más o menos; última compra hace 95 días');
    expect(describeActivity(result, 'en-GB', { withStatus: true })).toBe('Inactive: buys about every 30 days; last purchase 95 days ago');
  });

  it('walks a monthly buyer through active, at risk, inactive and lost', () => {
    const statusAfter = (silence: number) => activityOf([silence + 60, silence + 30, silence]).status;
    expect(statusAfter(0)).toBe('active');
    expect(statusAfter(45)).toBe('active');
    expect(statusAfter(46)).toBe('at-risk');
    expect(statusAfter(90)).toBe('at-risk');
    expect(statusAfter(91)).toBe('inactive');
    expect(statusAfter(180)).toBe('inactive');
    expect(statusAfter(181)).toBe('lost');
  });

  it('calls a yearly buyer lost after 365 silent days even within their rhythm', () => {
    const result = activityOf([800, 500, 366]);
    expect(result.reason.intervalDays).toBe(217);
    expect(result.status).toBe('lost');
    expect(result.reason.rule).toBe('past-lost-days');
  });

  it('treats a single recent purchase as new, using the store rhythm, then ages it like anyone', () => {
    expect(activityOf([10], 20)).toMatchObject({ status: 'new', reason: { intervalSource: 'store', intervalDays: 20 } });
    expect(activityOf([25], 20).status).toBe('active');
    expect(activityOf([31], 20).status).toBe('at-risk');
    expect(describeActivity(activityOf([10], 20), 'pt-BR')).toBe(
      'comprou uma vez; seus clientes compram a cada 20 dias, mais ou menos; última compra há 10 dias',
    );
  });

  it('falls back to 30 days when nobody in the store bought twice', () => {
    const result = activityOf([1], null);
    expect(result.reason).toMatchObject({ intervalSource: 'default', intervalDays: 30 });
    expect(describeActivity(result, 'en')).toBe('bought once; we expect a purchase about every 30 days; last purchase yesterday');
  });

  it('gives customers without a paid order their own status', () => {
    const days = purchaseDaysOf([order('c', daysAgo(3), { status: 'refunded' })], calendar);
    const result = computeActivity({ purchaseDays: days, today, calendar, storeIntervalDays: 30 });
    expect(result).toMatchObject({ status: 'prospect', nextPurchaseExpectedAt: null });
    expect(describeActivity(result, 'pt-BR')).toBe('ainda não comprou');
    expect(describeActivity(result, 'en', { withStatus: true })).toBe('Prospect: hasn’t bought yet');
  });

  it('uses plural rules for a daily cadence and says today', () => {
    const daily = activityOf([2, 1, 0]);
    expect(describeActivity(daily, 'en')).toBe('buys about every day; last purchase today');
    expect(describeActivity(daily, 'pt-BR')).toBe('compra todo dia, mais ou menos; última compra hoje');
  });

  it('expects the next purchase one interval after the last', () => {
    const result = activityOf([40, 20]);
    expect(result.nextPurchaseExpectedAt).toBe((today - 20 + 20) * 86_400_000);
    expect(result.daysOverdue).toBe(0);
    expect(activityOf([70, 40]).daysOverdue).toBe(10);
  });

  it('honours custom thresholds and refuses ones that do not climb', () => {
    const strict = activityConfig({ atRiskMultiple: 1.1 });
    const days = purchaseDaysOf([order('c', daysAgo(60)), order('c', daysAgo(34))], calendar);
    expect(computeActivity({ purchaseDays: days, today, calendar, storeIntervalDays: null }, strict).status).toBe('at-risk');
    expect(() => activityConfig({ inactiveMultiple: 1 })).toThrow(/inactiveMultiple/);
    expect(() => activityConfig({ lostAfterDays: -1 })).toThrow(/lostAfterDays/);
  });

  it('never gets better with more silence (property)', () => {
    const rank = { new: 0, active: 0, 'at-risk': 1, inactive: 2, lost: 3, prospect: -1 } as const;
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 2000 }), { minLength: 1, maxLength: 12 }), fc.nat(800), (days, extra) => {
        const sorted = [...days].sort((a, b) => a - b);
        const last = sorted[sorted.length - 1] as number;
        const a = computeActivity({ purchaseDays: sorted, today: last + extra, calendar, storeIntervalDays: 30 });
        const b = computeActivity({ purchaseDays: sorted, today: last + extra + 1, calendar, storeIntervalDays: 30 });
        expect(rank[b.status]).toBeGreaterThanOrEqual(rank[a.status]);
      }),
    );
  });
});
