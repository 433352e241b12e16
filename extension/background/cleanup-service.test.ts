import { describe, expect, it } from 'vitest';
import { CLEANUP_ARCHIVES_KEY, restoreBackupFile, serializeBackupLines } from '../../core';
import { cleanupBookDocument } from '../../core/cleanup/testing/cleanup-book';
import { openTestBook } from '../../core/store/test-book';
import type { BookResponses, Reply } from '../messaging/protocol';
import { BookTableService } from './book-table-service';
import { CustomerSearch } from './customer-search';
import { handleRequest, type BookServices } from './handle-request';
import { InsightService } from './insights';

const NOW = new Date('2026-12-01T13:00:00.000Z');

async function setup() {
  const book = await openTestBook(NOW);
  const { document, answer } = cleanupBookDocument(NOW);
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

type ListReply = BookResponses['cleanup/list'];
const nameOf = (reply: ListReply, id: string) => reply.customers[id]?.name ?? id;
const groupNames = (reply: ListReply) => Object.fromEntries(reply.groups.map((group) => [group.reason, group.ids.map((id) => nameOf(reply, id))]));

describe('the Limpeza lists in the background', () => {
  it('groups exactly the known candidates by their first reason, and lists the good lost customers by past value', async () => {
    const { answer, ask } = await setup();
    const reply = await ask({ type: 'cleanup/list' });
    expect(groupNames(reply)).toEqual(answer.groups);
    expect(reply.winBack).toEqual({ ids: ['ana', 'julia'], count: 2 });
    const listed = new Set([...reply.groups.flatMap((group) => group.ids), ...reply.winBack.ids].map((id) => nameOf(reply, id)));
    for (const name of answer.absent) expect(listed.has(name)).toBe(false);
    // What explains each: Júlia is lost and unhappy (NPS 3), silent 380 days, every 20 days, spend score 4 of 5.
    expect(reply.customers.julia).toMatchObject({
      reasons: ['lost', 'unhappy'],
      activity: 'lost',
      daysSinceLastOrder: 380,
      intervalDays: 20,
      spendScore: 4,
      latestFeedback: { kind: 'nps', score: 3 },
      totals: [{ currency: 'BRL', totalMinor: 80_000, orders: 2 }],
    });
    expect(reply.customers.carla).toMatchObject({ reasons: ['inactive-low-value'], activity: 'inactive', spendScore: 1, daysSinceLastOrder: 120 });
    expect(reply.customers.fabio).toMatchObject({ reasons: ['never-bought-old'], daysSinceCreated: 200, lastPurchaseAt: null });
    expect(reply.archives).toEqual([]);
  });

  it('archives with a reason in one write and logs it; undo brings back exactly those customers, even one changed meanwhile', async () => {
    const { book, ask } = await setup();
    const { archive } = await ask({ type: 'cleanup/archive', customerIds: ['bruno', 'lia', 'ivo'], reason: { kind: 'text', text: 'Sem resposta há meses' } });
    // Ivo was archived already: not this archive's to undo.
    expect(archive).toMatchObject({ customerIds: ['bruno', 'lia'], reason: { kind: 'text', text: 'Sem resposta há meses' }, undoneAt: null, at: NOW.toISOString() });
    expect((await book.customers.get('bruno'))?.archivedAt).toBe(NOW.toISOString());
    const after = await ask({ type: 'cleanup/list' });
    expect(after.groups.find((group) => group.reason === 'lost')?.ids).toEqual(['julia', 'ana']);
    expect(after.archives).toHaveLength(1);
    expect(after.archives[0]?.customers).toEqual([
      { id: 'bruno', name: 'Bruno Sumido', archived: true },
      { id: 'lia', name: 'Lia Perdida Média', archived: true },
    ]);
    // Lia is renamed and buys meanwhile: still unarchived by the undo, her new name and order kept.
    await book.customers.update('lia', { displayName: 'Lia Voltou' });
    await book.orders.add({ customerId: 'lia', placedAt: '2026-11-30T12:00:00.000Z', totalMinor: 1_000, currency: 'BRL', channel: 'whatsapp', source: 'manual', items: [] });
    const undone = await ask({ type: 'cleanup/undo', archiveId: archive.id });
    expect(undone.restored).toBe(2);
    expect(undone.archive.undoneAt).toBe(NOW.toISOString());
    expect(await book.customers.get('lia')).toMatchObject({ archivedAt: null, displayName: 'Lia Voltou' });
    expect((await book.customers.get('bruno'))?.archivedAt).toBeNull();
    expect((await book.customers.get('ivo'))?.archivedAt).not.toBeNull();
    const back = await ask({ type: 'cleanup/list' });
    expect(back.groups.find((group) => group.reason === 'lost')?.ids).toEqual(['julia', 'bruno', 'ana']);
    expect(back.archives[0]?.undoneAt).toBe(NOW.toISOString());
    await expect(ask({ type: 'cleanup/undo', archiveId: archive.id })).rejects.toThrow(/already undone/);
  });

  it('writes nothing when one customer is unknown, and reads a damaged log as empty', async () => {
    const { book, ask } = await setup();
    await expect(ask({ type: 'cleanup/archive', customerIds: ['bruno', 'nobody'], reason: { kind: 'reason', reason: 'lost' } })).rejects.toThrow(/ids\[1\]/);
    expect((await book.customers.get('bruno'))?.archivedAt).toBeNull();
    expect(await book.cleanupArchives()).toEqual([]);
    await book.meta.set(CLEANUP_ARCHIVES_KEY, [{ id: 'x', at: 'yesterday', customerIds: 'bruno' }]);
    expect((await ask({ type: 'cleanup/list' })).archives).toEqual([]);
    expect(await handleRequest({} as BookServices, { type: 'cleanup/archive', customerIds: ['a'], reason: { kind: 'text', text: ' ' } })).toMatchObject({ ok: false, error: expect.stringMatching(/^Malformed request: reason/) });
  });
});
