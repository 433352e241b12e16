import { describe, expect, it } from 'vitest';
import { calendarOf, GOALS_KEY, isoDay, restoreBackupFile, serializeBackupLines } from '../../core';
import { openTestBook } from '../../core/store/test-book';
import { goalsBookDocument } from '../../core/goals/testing/goals-book';
import type { BookResponses, Reply } from '../messaging/protocol';
import { BookTableService } from './book-table-service';
import { CustomerSearch } from './customer-search';
import { handleRequest, type BookServices } from './handle-request';
import { InsightService } from './insights';

const SP = 'America/Sao_Paulo';
// 10 March 2027, 10:00 in São Paulo.
const NOW = new Date('2027-03-10T13:00:00.000Z');

async function setup() {
  const book = await openTestBook(NOW);
  const document = goalsBookDocument(NOW);
  await restoreBackupFile(book, serializeBackupLines(document).join(''));
  const search = new CustomerSearch(book);
  const table = new BookTableService(book, search, { mainCurrency: 'BRL', timeZone: SP, locale: 'pt-BR', now: () => NOW });
  book.onChange((change) => table.changed(change));
  const services: BookServices = { book, insights: new InsightService(book, { mainCurrency: 'BRL', timeZone: SP }, () => NOW), search, table, locale: 'pt-BR', now: () => NOW };
  const send = (request: { type: string } & Record<string, unknown>) => handleRequest(services, request);
  const ask = async <T extends keyof BookResponses>(request: { type: T } & Record<string, unknown>): Promise<BookResponses[T]> => {
    const reply = (await send(request)) as Reply<BookResponses[T]>;
    if (!reply.ok) throw new Error(reply.error);
    return reply.data;
  };
  return { book, document, ask, send };
}

/** Paid BRL revenue of the São Paulo days from `start` to today, summed straight from the seeded orders. */
function revenueSince(document: ReturnType<typeof goalsBookDocument>, start: string): number {
  const calendar = calendarOf(SP);
  return document.orders
    .filter((o) => o.status === 'paid' && o.currency === 'BRL' && isoDay(calendar.day(Date.parse(o.placedAt))) >= start)
    .reduce((sum, o) => sum + o.totalMinor, 0);
}

describe('goals in the background', () => {
  it('saves a goal with a new id, lists it with its progress from the table, edits and removes it', async () => {
    const { book, document, ask } = await setup();
    expect(await ask({ type: 'goals/list' })).toEqual({ today: '2027-03-10', goals: [] });
    const saved = await ask({ type: 'goals/save', goal: { metric: 'revenue', target: 150_000, currency: 'BRL', start: '2027-03-01', deadline: '2027-03-31', name: 'Março' } });
    expect(saved.goals).toHaveLength(1);
    const [{ goal, progress }] = saved.goals as [BookResponses['goals/list']['goals'][number]];
    expect(goal).toMatchObject({ metric: 'revenue', target: 150_000, name: 'Março', id: expect.any(String) });
    const expected = revenueSince(document, '2027-03-01');
    expect(expected).toBeGreaterThan(0);
    expect(progress).toMatchObject({ value: expected, elapsedDays: 10, spanDays: 31, daysLeft: 21 });
    expect(progress.projected).toBeCloseTo((expected / 10) * 31, 6);

    const edited = await ask({ type: 'goals/save', goal: { ...goal, target: 1_000 } });
    expect(edited.goals.map((g) => [g.goal.id, g.goal.target, g.progress.verdict])).toEqual([[goal.id, 1_000, 'reached']]);
    const second = await ask({ type: 'goals/save', goal: { metric: 'orders', target: 30, start: '2027-03-01', deadline: '2027-03-31' } });
    expect(second.goals.map((g) => g.goal.metric)).toEqual(['revenue', 'orders']);
    const removed = await ask({ type: 'goals/remove', id: goal.id });
    expect(removed.goals.map((g) => g.goal.metric)).toEqual(['orders']);
    expect((await book.meta.get<unknown[]>(GOALS_KEY))?.length).toBe(1);
  });

  it('follows new orders', async () => {
    const { book, ask } = await setup();
    await ask({ type: 'goals/save', goal: { metric: 'orders', target: 30, start: '2027-03-10', deadline: '2027-03-31' } });
    const before = (await ask({ type: 'goals/list' })).goals[0]?.progress.value as number;
    await book.orders.add({ customerId: 'c1', placedAt: '2027-03-10T12:30:00.000Z', totalMinor: 5_000, currency: 'BRL', channel: 'whatsapp', source: 'manual', items: [] });
    expect((await ask({ type: 'goals/list' })).goals[0]?.progress.value).toBe(before + 1);
  });

  it('refuses a goal that fails its schema, naming the field, and writes nothing', async () => {
    const { book, send } = await setup();
    const reply = await send({ type: 'goals/save', goal: { metric: 'retention', target: 170, start: '2027-03-01', deadline: '2027-03-31' } });
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/goal\.target: must be a percentage/) });
    expect(await book.meta.get(GOALS_KEY)).toBeUndefined();
  });

  it('writes nothing when the stored list is full', async () => {
    const { book, send } = await setup();
    const goal = (i: number) => ({ id: `g${i}`, metric: 'orders', target: 5, start: '2027-03-01', deadline: '2027-03-31' });
    await book.meta.set(GOALS_KEY, Array.from({ length: 50 }, (_, i) => goal(i)));
    const reply = await send({ type: 'goals/save', goal: goal(99) });
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/at most 50 goals/) });
    expect((await book.meta.get<unknown[]>(GOALS_KEY))?.length).toBe(50);
  });
});
