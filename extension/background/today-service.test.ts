import { describe, expect, it } from 'vitest';
import { restoreBackupFile, serializeBackupLines, type TodayItem } from '../../core';
import { openTestBook } from '../../core/store/test-book';
import { todayBookDocument } from '../../core/today/testing/today-book';
import type { BookResponses, Reply } from '../messaging/protocol';
import { BookTableService } from './book-table-service';
import { CustomerSearch } from './customer-search';
import { handleRequest, type BookServices } from './handle-request';
import { InsightService } from './insights';

const NOW = new Date('2026-12-01T13:00:00.000Z');

async function setup() {
  const book = await openTestBook(NOW);
  const { document, answer } = todayBookDocument(NOW);
  await restoreBackupFile(book, serializeBackupLines(document).join(''));
  const search = new CustomerSearch(book);
  const table = new BookTableService(book, search, { mainCurrency: 'BRL', timeZone: 'America/Sao_Paulo', locale: 'pt-BR', now: () => NOW });
  book.onChange((change) => table.changed(change));
  const services: BookServices = { book, insights: new InsightService(book, { mainCurrency: 'BRL', timeZone: 'America/Sao_Paulo' }, () => NOW), search, table, locale: 'pt-BR', now: () => NOW };
  const ask = async <T extends keyof BookResponses>(request: { type: T } & Record<string, unknown>): Promise<BookResponses[T]> => {
    const reply = (await handleRequest(services, request)) as Reply<BookResponses[T]>;
    if (!reply.ok) throw new Error(reply.error);
    return reply.data;
  };
  return { book, answer, ask };
}

function names(reply: BookResponses['today/list'], kind: TodayItem['kind']): string[] {
  return reply.items.filter((item) => item.kind === kind).map((item) => reply.customers[item.customerId]?.name ?? '?').sort();
}

describe('the Hoje list in the background', () => {
  it('holds exactly the due follow-ups, the late customers, the new low feedback and the new store prospects of a book built to a known answer', async () => {
    const { answer, ask } = await setup();
    const reply = await ask({ type: 'today/list' });
    expect(names(reply, 'follow-up')).toEqual(answer.followUps);
    expect(names(reply, 'late')).toEqual(answer.late);
    expect(names(reply, 'low-feedback')).toEqual(answer.lowFeedback);
    expect(names(reply, 'new-prospect')).toEqual(answer.prospects);
    expect(reply.counts).toEqual({ 'follow-up': 2, late: 2, 'low-feedback': 1, 'new-prospect': 1 });
    expect(reply.urgent).toBe(5);
    expect(reply.today).toBe('2026-12-01');
    expect(reply.items.find((item) => item.customerId === 'ana')).toMatchObject({ kind: 'late', daysLate: 10, intervalDays: 30 });
    expect(reply.customers.ana).toMatchObject({ name: 'Ana Atrasada', lifecycleStage: expect.any(String), totals: [{ currency: 'BRL', orders: 3 }] });
  });

  it('marks a follow-up done in the book, hides a late customer until they buy again, and snoozes until the chosen day', async () => {
    const { book, ask } = await setup();
    const first = await ask({ type: 'today/list' });
    const keyOf = (customerId: string) => first.items.find((item) => item.customerId === customerId)?.key as string;
    await ask({ type: 'today/done', key: 'follow-up:helena-now' });
    expect((await book.followUps.listByCustomer('helena'))[0]?.done).toBe(true);
    await ask({ type: 'today/done', key: keyOf('ana') });
    await ask({ type: 'today/snooze', key: keyOf('ivo'), days: 3 });
    const after = await ask({ type: 'today/list' });
    expect(after.items.map((item) => item.customerId)).toEqual(['gabi', 'bruno', 'julia']);
    // Ana buys again: no longer late, and her "done" was for the purchase before.
    await book.orders.add({ customerId: 'ana', placedAt: '2026-11-30T12:00:00.000Z', totalMinor: 5_000, currency: 'BRL', channel: 'whatsapp', source: 'manual', items: [] });
    expect((await ask({ type: 'today/list' })).items.some((item) => item.customerId === 'ana')).toBe(false);
    // A low rating arriving after the list was read (and kept) is listed the next time it is asked.
    const unhappy = await book.feedback.add({ customerId: 'gabi', kind: 'csat', score: 1, comment: 'Chegou quebrado', receivedAt: '2026-12-01T11:00:00.000Z', source: 'manual', verified: true });
    expect((await ask({ type: 'today/list' })).items.some((item) => item.kind === 'low-feedback' && item.feedbackId === unhappy.id)).toBe(true);
    expect(await handleRequest({} as BookServices, { type: 'today/snooze', key: 'x', days: 2 })).toMatchObject({ ok: false, error: expect.stringMatching(/^Malformed request: days/) });
  });

  it('answers Hoje opened again unchanged as it was, and anew once a listed customer changes', async () => {
    const { book, ask } = await setup();
    const first = await ask({ type: 'today/list' });
    expect(await ask({ type: 'today/list' })).toBe(first);
    await book.customers.update('ana', { displayName: 'Ana Renomeada', funnelStage: 'decision' });
    const after = await ask({ type: 'today/list' });
    expect(after).not.toBe(first);
    expect(after.customers.ana).toMatchObject({ name: 'Ana Renomeada', funnelStage: 'decision' });
    expect(after.items.map((item) => item.key)).toEqual(first.items.map((item) => item.key));
  });

  it('reads a customer’s own interval again when their orders change, though their last purchase did not', async () => {
    const { book, ask } = await setup();
    expect((await ask({ type: 'today/list' })).items.some((item) => item.customerId === 'carla')).toBe(false);
    // Carla bought 40, 20 and 5 days ago (about every 18 days); four more days in a row, 44 to 41 days ago, make her
    // rhythm a day: expected 4 days ago.
    for (const day of [44, 43, 42, 41]) {
      await book.orders.add({ customerId: 'carla', placedAt: new Date(NOW.getTime() - day * 86_400_000).toISOString(), totalMinor: 1_000, currency: 'BRL', channel: 'whatsapp', source: 'manual', items: [] });
    }
    expect((await ask({ type: 'today/list' })).items.find((item) => item.customerId === 'carla')).toMatchObject({ kind: 'late', intervalDays: 1, daysLate: 4 });
  });
});
