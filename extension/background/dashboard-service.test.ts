import { describe, expect, it } from 'vitest';
import { restoreBackupFile, serializeBackupLines } from '../../core';
import { openTestBook } from '../../core/store/test-book';
import { dashboardBookDocument } from '../../core/segments/testing/dashboard-book';
import { monthAnswer, monthBefore, monthKey, retentionOf } from '../../core/segments/testing/dashboard-answer';
import type { BookResponses, Reply } from '../messaging/protocol';
import { BookTableService } from './book-table-service';
import { CustomerSearch } from './customer-search';
import { handleRequest, type BookServices } from './handle-request';
import { InsightService } from './insights';

const NOW = new Date('2026-12-01T13:00:00.000Z');
const SP = 'America/Sao_Paulo';

async function setup() {
  const book = await openTestBook(NOW);
  const document = dashboardBookDocument(NOW);
  await restoreBackupFile(book, serializeBackupLines(document).join(''));
  const search = new CustomerSearch(book);
  const table = new BookTableService(book, search, { mainCurrency: 'BRL', timeZone: SP, locale: 'pt-BR', now: () => NOW });
  const services: BookServices = { book, insights: new InsightService(book, { mainCurrency: 'BRL', timeZone: SP }, () => NOW), search, table, locale: 'pt-BR', now: () => NOW };
  const ask = async (period: string): Promise<BookResponses['dashboard/figures']> => {
    const reply = (await handleRequest(services, { type: 'dashboard/figures', period })) as Reply<BookResponses['dashboard/figures']>;
    if (!reply.ok) throw new Error(reply.error);
    return reply.data;
  };
  return { book, document, ask, table, services };
}

describe('the Painel figures in the background', () => {
  it('give the month so far and the whole month before, equal to a count over the seeded orders', async () => {
    const { document, ask } = await setup();
    const reply = await ask('month');
    const current = monthKey(NOW.getTime(), SP);
    for (const [window, month] of [
      [reply.current, current],
      [reply.previous, monthBefore(current)],
    ] as const) {
      const answer = monthAnswer(document, month, SP);
      expect(window.revenueMinor, month).toEqual(answer.revenueMinor);
      expect(window.orders, month).toBe(answer.orders);
      expect(window.averageTicketMinor, month).toEqual(answer.averageTicketMinor);
      expect(window.revenuePerCustomerMinor, month).toEqual(answer.revenuePerCustomerMinor);
      expect(window.newCustomers, month).toBe(answer.newCustomers);
      // Retention against the whole month before it.
      expect(window.retentionRate, month).toBe(retentionOf(answer, monthAnswer(document, monthBefore(month), SP)));
    }
    expect(reply.current.partial).toBe(true);
    expect(reply.previous.partial).toBe(false);
    // Lia's 22:00 sale on November 30 (São Paulo) is November's.
    expect(reply.previous.revenueMinor.BRL).toBeGreaterThan(monthAnswer({ orders: document.orders.filter((o) => o.customerId !== 'lia') }, '2026-11', SP).revenueMinor.BRL as number);
  });

  it('answer again unchanged from what they kept, and follow a new order and a new rating at once', async () => {
    const { book, document, ask, table } = await setup();
    book.onChange((change) => table.changed(change));
    const first = await ask('month');
    expect(await ask('month')).toBe(first);
    const buyer = document.customers[0]?.id ?? '';
    await book.orders.add({ customerId: buyer, placedAt: '2026-12-01T12:00:00.000Z', totalMinor: 12_345, currency: 'BRL' });
    const after = await ask('month');
    expect(after.current.revenueMinor.BRL).toBe((first.current.revenueMinor.BRL ?? 0) + 12_345);
    expect(after.current.orders).toBe(first.current.orders + 1);
    await book.feedback.add({ customerId: buyer, kind: 'nps', score: 10, comment: null, receivedAt: '2026-12-01T12:30:00.000Z', source: 'manual', verified: true });
    const rated = await ask('month');
    expect(rated.current.npsResponses).toBe(first.current.npsResponses + 1);
  });

  it('chart the last twelve months per currency, customers by activity, at most twelve cohorts and ratings per month', async () => {
    const { document, ask } = await setup();
    const reply = await ask('quarter');
    expect(reply.revenue.months).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    for (const [k, month] of reply.revenue.months.entries()) {
      const answer = monthAnswer(document, month, SP);
      expect(reply.revenue.revenueMinor.BRL?.[k] ?? 0, month).toBe(answer.revenueMinor.BRL ?? 0);
      expect(reply.revenue.revenueMinor.EUR?.[k] ?? 0, month).toBe(answer.revenueMinor.EUR ?? 0);
    }
    const notArchived = document.customers.filter((c) => c.archivedAt === null).length;
    expect(Object.values(reply.activity).reduce((a, b) => a + b, 0)).toBe(notArchived);
    expect(reply.cohorts.length).toBeLessThanOrEqual(12);
    expect(reply.cohorts.every((cohort) => cohort.buyers.length <= 12 && cohort.buyers[0] === cohort.customers)).toBe(true);
    expect(reply.feedback.months).toEqual(reply.revenue.months);
    const novemberCsat = document.feedback.filter((f) => f.kind === 'csat' && monthKey(Date.parse(f.receivedAt), SP) === '2026-11');
    expect(reply.feedback.csatResponses[10]).toBe(novemberCsat.length);
    expect(reply.feedback.csatPercent[10]).toBeCloseTo((100 * novemberCsat.filter((f) => f.score >= 4).length) / novemberCsat.length, 9);
    expect(reply.mainCurrency).toBe('BRL');
  });

  it('compare a quarter with the whole one before and the last 30 days with the 30 before', async () => {
    const { ask } = await setup();
    const quarter = await ask('quarter');
    expect(new Date(quarter.current.start).toISOString()).toBe('2026-10-01T03:00:00.000Z');
    expect(new Date(quarter.previous.start).toISOString()).toBe('2026-07-01T03:00:00.000Z');
    const days = await ask('30d');
    expect(days.current.end - days.previous.end).toBe(30 * 86_400_000);
    await expect(ask('week')).rejects.toThrow(/period/);
  });

  it('carry the book’s predicted 90 days once the models are fitted', async () => {
    const { ask, table } = await setup();
    await ask('month');
    const state = await table.predictions();
    const reply = await ask('month');
    expect(state).toBe('ready');
    expect(reply.predictions).toBe('ready');
    // 43 customers, less the archived one and the three who pay in EUR only.
    expect(reply.predicted).toMatchObject({ currency: 'BRL', customers: 39, fittedAtMs: expect.any(Number) });
    expect(reply.predicted?.minor).toBeGreaterThan(0);
  });
});
