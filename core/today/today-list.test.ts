import { describe, expect, it } from 'vitest';
import type { Feedback, FollowUp } from '../model';
import { calendarOf } from '../locale/calendar';
import { todayList, type TodayCustomer } from './today-list';

const SP = calendarOf('America/Sao_Paulo');
// 2026-12-01 10:00 in São Paulo (13:00 UTC).
const NOW = Date.parse('2026-12-01T13:00:00Z');
const TODAY = SP.day(NOW);
const dayOf = (date: string) => SP.day(Date.parse(`${date}T15:00:00Z`));

function customer(id: string, fields: Partial<TodayCustomer> = {}): TodayCustomer {
  return { id, archived: false, createdAt: Date.parse('2026-01-01T12:00:00Z'), lastPurchaseDay: null, ownIntervalDays: null, activity: 'prospect', predictedMinor: null, fromStore: false, ...fields };
}
function followUp(id: string, customerId: string, due: string, done = false): FollowUp {
  return { id, customerId, due, text: `texto ${id}`, done, createdAt: '2026-11-01T12:00:00.000Z' };
}
function feedback(id: string, customerId: string, kind: 'csat' | 'nps', score: number, receivedAt: string, status?: 'pending'): Feedback {
  const claim = status ? { site: 'loja', email: null, phone: null, name: null, consent: null, status } : null;
  return { id, customerId, kind, score, receivedAt, comment: 'ruim', source: 'storefront', verified: false, externalId: null, claim } as Feedback;
}

/**
 * A hand-built book whose answer is known: every customer is named for why they are (or are not) on the list.
 * Intervals are each customer's own; "late" means last purchase day + interval < 2026-12-01.
 */
function book() {
  const customers = [
    // Bought 2026-11-01 every 20 days: expected 2026-11-21, 10 days late.
    customer('late-10', { lastPurchaseDay: dayOf('2026-11-01'), ownIntervalDays: 20, activity: 'active', predictedMinor: 5_000 }),
    // Expected 2026-11-29, 2 days late, worth more.
    customer('late-2-rich', { lastPurchaseDay: dayOf('2026-10-30'), ownIntervalDays: 30, activity: 'active', predictedMinor: 90_000 }),
    // Expected today: not late yet.
    customer('due-today', { lastPurchaseDay: dayOf('2026-11-21'), ownIntervalDays: 10, activity: 'active' }),
    // A one-time buyer has no rhythm of their own.
    customer('one-time', { lastPurchaseDay: dayOf('2026-06-01'), ownIntervalDays: null, activity: 'inactive' }),
    // Judged lost: left to win-back campaigns.
    customer('lost', { lastPurchaseDay: dayOf('2025-06-01'), ownIntervalDays: 30, activity: 'lost', predictedMinor: 1 }),
    customer('archived-late', { archived: true, lastPurchaseDay: dayOf('2026-09-01'), ownIntervalDays: 10, activity: 'inactive' }),
    // Late, not yet predicted: after the predicted ones.
    customer('late-unpredicted', { lastPurchaseDay: dayOf('2026-10-01'), ownIntervalDays: 15, activity: 'inactive' }),
    customer('store-new', { fromStore: true, createdAt: Date.parse('2026-11-30T12:00:00Z') }),
    customer('store-newer', { fromStore: true, createdAt: Date.parse('2026-12-01T11:00:00Z') }),
    customer('store-old', { fromStore: true, createdAt: Date.parse('2026-11-20T12:00:00Z') }),
    customer('typed-prospect', { createdAt: Date.parse('2026-11-30T12:00:00Z') }),
    customer('follow', {}),
  ];
  const followUps = [
    // 22:00 in São Paulo today is 01:00 UTC tomorrow: due today.
    followUp('tonight', 'follow', '2026-12-02T01:00:00.000Z'),
    followUp('last-week', 'follow', '2026-11-24T12:00:00.000Z'),
    followUp('tomorrow', 'follow', '2026-12-02T12:00:00.000Z'),
    followUp('done', 'follow', '2026-11-20T12:00:00.000Z', true),
    followUp('archived', 'archived-late', '2026-11-20T12:00:00.000Z'),
  ];
  const rows = [
    feedback('csat-2', 'late-10', 'csat', 2, '2026-11-29T12:00:00.000Z'),
    feedback('csat-3', 'late-10', 'csat', 3, '2026-11-30T12:00:00.000Z'),
    feedback('nps-6', 'follow', 'nps', 6, '2026-11-30T18:00:00.000Z'),
    feedback('nps-7', 'follow', 'nps', 7, '2026-11-30T18:00:00.000Z'),
    feedback('old-csat-1', 'follow', 'csat', 1, '2026-11-01T12:00:00.000Z'),
    feedback('claim-waiting', 'follow', 'csat', 1, '2026-11-30T12:00:00.000Z', 'pending'),
  ];
  return { customers, followUps, feedback: rows };
}

describe('todayList', () => {
  it('lists due follow-ups (oldest first), late customers by predicted value, new low feedback and new store prospects (newest first)', () => {
    const items = todayList({ calendar: SP, today: TODAY, ...book() });
    expect(items.map((item) => `${item.kind} ${item.kind === 'follow-up' ? item.followUpId : item.kind === 'low-feedback' ? item.feedbackId : item.customerId}`)).toEqual([
      'follow-up last-week',
      'follow-up tonight',
      'late late-2-rich',
      'late late-10',
      'late late-unpredicted',
      'low-feedback nps-6',
      'low-feedback csat-2',
      'new-prospect store-newer',
      'new-prospect store-new',
    ]);
  });

  it('says by how many days a customer is late and on which day they were expected, in the seller’s zone', () => {
    const late = todayList({ calendar: SP, today: TODAY, ...book() }).find((item) => item.customerId === 'late-10');
    expect(late).toMatchObject({ kind: 'late', daysLate: 10, intervalDays: 20, predictedMinor: 5_000, expectedAt: Date.parse('2026-11-21T03:00:00Z') });
  });

  it('counts a follow-up due at 22:00 in São Paulo on that São Paulo day, and not the day before', () => {
    const customers = [customer('follow')];
    const tonight = [followUp('tonight', 'follow', '2026-12-02T01:00:00.000Z')];
    expect(todayList({ calendar: SP, today: TODAY, customers, followUps: tonight, feedback: [] })).toHaveLength(1);
    expect(todayList({ calendar: SP, today: TODAY - 1, customers, followUps: tonight, feedback: [] })).toHaveLength(0);
    // The same instant in UTC is tomorrow's.
    expect(todayList({ calendar: calendarOf('UTC'), today: TODAY, customers, followUps: tonight, feedback: [] })).toHaveLength(0);
  });

  it('leaves out what the seller marked done or snoozed', () => {
    const hidden = new Set(['follow-up:tonight', `late:late-10:${dayOf('2026-11-01')}`, 'feedback:nps-6', 'prospect:store-new']);
    const items = todayList({ calendar: SP, today: TODAY, ...book(), hidden: (key) => hidden.has(key) });
    expect(items.map((item) => item.key)).not.toEqual(expect.arrayContaining([...hidden]));
    expect(items).toHaveLength(5);
  });

  it('is empty for an empty book', () => {
    expect(todayList({ calendar: SP, today: TODAY, customers: [], followUps: [], feedback: [] })).toEqual([]);
  });
});
