import { describe, expect, it } from 'vitest';
import { SegmentationEngine } from '../segments/engine';
import { customer, csat, nps, order } from '../segments/testing/builders';
import { DEFAULT_ACTIVITY_CONFIG } from '../segments/activity';
import { dayOfIso } from '../today/today-marks';
import { type Goal, engineGoalInputs, goalProgress, parseGoal, readGoals, withGoal, withoutGoal, countRecoveredCustomers } from '.';

const SP = 'America/Sao_Paulo';
/** An instant given as São Paulo's wall clock (UTC−3, no DST since 2019). */
const sp = (local: string) => new Date(`${local}-03:00`).toISOString();
const spMs = (local: string) => Date.parse(`${local}-03:00`);

/**
 * March 2027 in São Paulo. Ana buys at 22:00 on the 1st (01:00 UTC on the 2nd: still the 1st); Bia on the 5th and
 * the 9th; Duda at 22:30 on 28 February (1 March in UTC: February for the seller) and again on the 7th.
 * March so far: R$ 400,00 in 4 orders from 3 buyers, 2 of them new (Ana, Bia); Bia and Duda bought on two days;
 * February's only buyer (Duda) came back. Ratings in March: CSAT 5, 4, 2; NPS 10, 9, 3.
 */
function marchBook() {
  const customers = ['ana', 'bia', 'duda'].map((id) => customer(id, { createdAt: sp('2027-01-01T10:00:00') }));
  const orders = [
    order('ana', sp('2027-03-01T22:00:00'), { totalMinor: 15_000 }),
    order('bia', sp('2027-03-05T12:00:00'), { totalMinor: 9_000 }),
    order('bia', sp('2027-03-09T12:00:00'), { totalMinor: 6_000 }),
    order('duda', sp('2027-02-28T22:30:00'), { totalMinor: 4_000 }),
    order('duda', sp('2027-03-07T12:00:00'), { totalMinor: 10_000 }),
    order('duda', sp('2027-03-08T12:00:00'), { totalMinor: 99_000, status: 'refunded' }),
  ];
  const feedback = [
    csat('ana', 5, sp('2027-03-02T10:00:00')),
    csat('bia', 4, sp('2027-03-06T10:00:00')),
    csat('duda', 2, sp('2027-03-08T10:00:00')),
    nps('ana', 10, sp('2027-03-02T10:00:00')),
    nps('bia', 9, sp('2027-03-06T10:00:00')),
    nps('duda', 3, sp('2027-03-08T10:00:00')),
    csat('duda', 1, sp('2027-02-27T10:00:00')),
  ];
  return { customers, orders, feedback };
}

const MID_MARCH = spMs('2027-03-10T15:00:00');

function progressAt(goal: Partial<Goal> & Pick<Goal, 'metric' | 'target'>, now = MID_MARCH) {
  const engine = new SegmentationEngine(marchBook(), { mainCurrency: 'BRL', timeZone: SP, now });
  return goalProgress(parseGoal({ id: 'g', start: '2027-03-01', deadline: '2027-03-31', ...goal }), engineGoalInputs(engine), now, SP);
}

describe('goalProgress over a São Paulo March', () => {
  it('counts the days of the span on the seller calendar', () => {
    const p = progressAt({ metric: 'orders', target: 12 });
    expect(p).toMatchObject({ today: '2027-03-10', spanDays: 31, elapsedDays: 10, daysLeft: 21 });
  });

  it('revenue: a 22:00 sale counts on its day, a refund not at all; projected linearly', () => {
    const p = progressAt({ metric: 'revenue', target: 120_000, currency: 'BRL' });
    expect(p.value).toBe(40_000);
    expect(p.projected).toBeCloseTo(124_000, 6);
    expect(p.progress).toBeCloseTo(40_000 / 120_000, 9);
    expect(p.verdict).toBe('on-track');
    const behind = progressAt({ metric: 'revenue', target: 130_000, currency: 'BRL' });
    expect(behind.verdict).toBe('behind');
    expect(behind.neededPerDay).toBeCloseTo(90_000 / 22, 6);
    expect(progressAt({ metric: 'revenue', target: 40_000, currency: 'BRL' }).verdict).toBe('reached');
    expect(progressAt({ metric: 'revenue', target: 100, currency: 'USD' }).value).toBe(0);
  });

  it('counts: orders and new customers', () => {
    expect(progressAt({ metric: 'orders', target: 12 })).toMatchObject({ value: 4, verdict: 'on-track' });
    expect(progressAt({ metric: 'orders', target: 13 })).toMatchObject({ value: 4, verdict: 'behind' });
    const fresh = progressAt({ metric: 'newCustomers', target: 7 });
    expect(fresh).toMatchObject({ value: 2, verdict: 'behind' });
    expect(fresh.projected).toBeCloseTo(6.2, 9);
  });

  it('ratios: where they stand now against the target', () => {
    const ticket = progressAt({ metric: 'averageTicket', target: 15_000, currency: 'BRL' });
    expect(ticket).toMatchObject({ value: 10_000, projected: 10_000, verdict: 'behind' });
    expect(ticket.progress).toBeCloseTo(2 / 3, 9);
    expect(progressAt({ metric: 'retention', target: 70 })).toMatchObject({ value: 100, progress: 1, verdict: 'on-track' });
    const repurchase = progressAt({ metric: 'repurchaseRate', target: 50 });
    expect(repurchase.value).toBeCloseTo(200 / 3, 9);
    expect(repurchase.verdict).toBe('on-track');
    const satisfied = progressAt({ metric: 'csat', target: 80 });
    expect(satisfied.value).toBeCloseTo(200 / 3, 9);
    expect(satisfied.verdict).toBe('behind');
    const promoters = progressAt({ metric: 'nps', target: 30 });
    expect(promoters.value).toBeCloseTo(100 / 3, 9);
    expect(promoters.verdict).toBe('on-track');
    expect(progressAt({ metric: 'averageTicket', target: 100, currency: 'USD' })).toMatchObject({ value: null, progress: 0, verdict: 'behind' });
  });

  it('after the deadline: reached or missed', () => {
    const april = spMs('2027-04-02T09:00:00');
    expect(progressAt({ metric: 'revenue', target: 130_000, currency: 'BRL' }, april)).toMatchObject({ verdict: 'missed', daysLeft: 0, elapsedDays: 31, neededPerDay: null });
    expect(progressAt({ metric: 'revenue', target: 40_000, currency: 'BRL' }, april).verdict).toBe('reached');
    expect(progressAt({ metric: 'averageTicket', target: 15_000, currency: 'BRL' }, april).verdict).toBe('missed');
    expect(progressAt({ metric: 'retention', target: 70 }, april).verdict).toBe('reached');
  });

  it('before the start: not started, nothing read', () => {
    const p = progressAt({ metric: 'orders', target: 5 }, spMs('2027-02-20T09:00:00'));
    expect(p).toMatchObject({ verdict: 'not-started', value: null, elapsedDays: 0, daysLeft: 39, projected: null });
  });

  it('asks the metrics of the whole span, from the start day’s midnight to the end of the deadline day', () => {
    const periods: { start: number; end: number }[] = [];
    const inputs = {
      metrics: (period: { start: number | Date; end: number | Date }) => {
        periods.push({ start: Number(period.start), end: Number(period.end) });
        return new SegmentationEngine({ customers: [], orders: [], feedback: [] }, { mainCurrency: 'BRL', timeZone: SP, now: MID_MARCH }).metrics(period);
      },
      recoveredCustomers: () => 0,
    };
    goalProgress(parseGoal({ id: 'g', metric: 'orders', target: 3, start: '2027-03-01', deadline: '2027-03-31' }), inputs, MID_MARCH, SP);
    expect(periods).toEqual([{ start: spMs('2027-03-01T00:00:00'), end: spMs('2027-04-01T00:00:00') }]);
  });
});

describe('recovered customers', () => {
  /**
   * Judged in March 2027, São Paulo. Rui, monthly (1 Oct, 1 Nov, 1 Dec: every 30.5 days), comes back on 10 March
   * after 99 days (> 3 × 30.5: inactive) → recovered. Sol, weekly through February, comes on 5 March after 11 days
   * (> 1.5 × 7 only: at risk) → not. Téo returns on 3 March after two years (> 365 days: lost) → recovered. Uri
   * buys every week into March → not. Vera buys for the first time in March → not. Wil, a one-time buyer of May
   * 2026, came back on 10 February (lost by the store's interval) → recovered, but in February. Xuxa's March order
   * was refunded → not a purchase. Answer for March: 2 (Rui, Téo); for 1 February – 20 March: 3.
   */
  function recoveryBook() {
    const day = (d: string) => sp(`${d}T12:00:00`);
    const plan: Record<string, string[]> = {
      rui: ['2026-10-01', '2026-11-01', '2026-12-01', '2027-03-10'],
      sol: ['2027-02-01', '2027-02-08', '2027-02-15', '2027-02-22', '2027-03-05'],
      teo: ['2025-01-10', '2027-03-03'],
      uri: ['2027-02-22', '2027-03-01', '2027-03-08', '2027-03-15'],
      vera: ['2027-03-12'],
      wil: ['2026-05-01', '2027-02-10'],
      xuxa: ['2026-06-01'],
    };
    const orders = Object.entries(plan).flatMap(([id, days]) => days.map((d) => order(id, day(d))));
    orders.push(order('xuxa', day('2027-03-05'), { status: 'refunded' }));
    const customers = Object.keys(plan).map((id) => customer(id, { createdAt: sp('2024-01-01T10:00:00') }));
    return new SegmentationEngine({ customers, orders, feedback: [] }, { mainCurrency: 'BRL', timeZone: SP, now: spMs('2027-03-20T18:00:00') });
  }

  it('counts the customers back after a silence their own rhythm did not allow', () => {
    const inputs = engineGoalInputs(recoveryBook());
    expect(inputs.recoveredCustomers(dayOfIso('2027-03-01'), dayOfIso('2027-03-31'))).toBe(2);
    expect(inputs.recoveredCustomers(dayOfIso('2027-02-01'), dayOfIso('2027-03-20'))).toBe(3);
    expect(inputs.recoveredCustomers(dayOfIso('2027-03-04'), dayOfIso('2027-03-09'))).toBe(0);
  });

  it('is a goal like any count', () => {
    const engine = recoveryBook();
    const goal = parseGoal({ id: 'r', metric: 'recoveredCustomers', target: 5, start: '2027-03-01', deadline: '2027-03-31' });
    const p = goalProgress(goal, engineGoalInputs(engine), spMs('2027-03-20T18:00:00'), SP);
    expect(p).toMatchObject({ value: 2, elapsedDays: 20, verdict: 'behind' });
    expect(p.projected).toBeCloseTo((2 / 20) * 31, 9);
  });

  it('counts a customer once, and never on a first purchase', () => {
    const days = [0, 100, 200, 300].map((d) => d + 20_000);
    expect(countRecoveredCustomers([days, [20_150]], 20_000, 20_400, 30, DEFAULT_ACTIVITY_CONFIG)).toBe(1);
  });
});

describe('goal schema', () => {
  const valid = { id: 'g', metric: 'averageTicket', target: 15_000, currency: 'BRL', start: '2027-03-01', deadline: '2027-03-31' };

  it('names the field of each problem', () => {
    expect(() => parseGoal({ ...valid, currency: undefined })).toThrow(/currency: a money goal needs its currency/);
    expect(() => parseGoal({ ...valid, target: 0 })).toThrow(/target/);
    expect(() => parseGoal({ ...valid, metric: 'retention', currency: undefined, target: 120 })).toThrow(/target: must be a percentage/);
    expect(() => parseGoal({ ...valid, metric: 'orders', currency: undefined, target: 2.5 })).toThrow(/target: must be a whole number/);
    expect(() => parseGoal({ ...valid, deadline: '2027-02-28' })).toThrow(/deadline: must not be before the start/);
    expect(() => parseGoal({ ...valid, start: '2027-02-30' })).toThrow(/start/);
    expect(parseGoal(valid)).toEqual(valid);
  });

  it('reads stored goals entry by entry and edits the list', () => {
    expect(readGoals(undefined)).toEqual([]);
    expect(readGoals('nonsense')).toEqual([]);
    expect(readGoals([valid, { ...valid, id: 'bad', target: -1 }])).toEqual([valid]);
    const second = parseGoal({ ...valid, id: 'h', target: 20_000 });
    const both = withGoal([parseGoal(valid)], second);
    expect(both.map((g) => g.id)).toEqual(['g', 'h']);
    expect(withGoal(both, { ...second, target: 1 }).map((g) => g.target)).toEqual([15_000, 1]);
    expect(withoutGoal(both, 'g').map((g) => g.id)).toEqual(['h']);
  });
});
