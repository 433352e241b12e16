import { describe, expect, it } from 'vitest';
import { openTestBook } from '../../core/store/test-book';
import { recordBackup, saveSchedule } from '../backup/backup-settings';
import type { BookResponses, Reply } from '../messaging/protocol';
import { CustomerSearch } from './customer-search';
import { handleRequest, type BookServices } from './handle-request';
import { InsightService } from './insights';

const NOW = new Date('2026-11-22T12:00:00.000Z');

async function services(): Promise<BookServices> {
  const book = await openTestBook(NOW);
  return { book, insights: new InsightService(book, { mainCurrency: 'BRL', timeZone: 'UTC' }, () => NOW), search: new CustomerSearch(book), locale: 'pt-BR', now: () => NOW };
}

async function ask<T extends keyof BookResponses>(s: BookServices, request: { type: T } & Record<string, unknown>): Promise<BookResponses[T]> {
  const reply = (await handleRequest(s, request)) as Reply<BookResponses[T]>;
  if (!reply.ok) throw new Error(reply.error);
  return reply.data;
}

describe('background request handling', () => {
  it('answers a valid request from the book', async () => {
    const s = await services();
    await ask(s, { type: 'customers/create', displayName: 'Ana', identities: [{ kind: 'whatsapp', value: '5511987654321@c.us' }] });
    expect(await handleRequest(s, { type: 'book/summary' })).toEqual({ ok: true, data: { customerCount: 1 } });
    const found = await ask(s, { type: 'customers/find-by-identity', kind: 'phone', value: '11 98765-4321' });
    expect(found.customers.map((c) => c.displayName)).toEqual(['Ana']);
  });

  it('refuses a malformed message naming the bad field, and writes nothing', async () => {
    const s = await services();
    expect(await handleRequest(s, { type: 'customers/create', displayName: 'Ana', identities: [{ kind: 'fax', value: '1' }] })).toEqual({
      ok: false,
      error: expect.stringMatching(/^Malformed request: identities\[0\]\.kind: /),
    });
    expect(await handleRequest(s, { type: 'customers/delete-everything' })).toEqual({ ok: false, error: expect.stringMatching(/^Malformed request: type: /) });
    expect(await handleRequest(s, 'book/summary')).toMatchObject({ ok: false });
    expect(await s.book.customers.count()).toBe(0);
  });

  it('turns a failure in the book into an error reply instead of a throw', async () => {
    const s = await services();
    expect(await handleRequest(s, { type: 'customers/find-by-identity', kind: 'phone', value: 'não sei' })).toEqual({ ok: false, error: expect.stringMatching(/not a valid phone number/) });
  });
});

describe('the sidebar flows behind the protocol', () => {
  it('looks up a chat without writing: a hidden-number id the customer lacks comes back unlinked until the seller links it', async () => {
    const s = await services();
    const identities = [{ kind: 'whatsapp', value: '5521998877665' }, { kind: 'whatsapp-lid', value: '123456789012345' }];
    expect(await ask(s, { type: 'chat/lookup', identities })).toEqual({ profile: null, unlinked: [] });
    const { profile } = await ask(s, { type: 'customers/create', displayName: 'Bruno', identities: identities.slice(0, 1) });
    const changes: unknown[] = [];
    s.book.onChange((change) => changes.push(change));
    const found = await ask(s, { type: 'chat/lookup', identities });
    expect(found.profile?.customer.id).toBe(profile.customer.id);
    expect(found.unlinked).toEqual([{ kind: 'whatsapp-lid', value: '123456789012345' }]);
    expect(found.profile?.customer.identities.map((i) => i.kind)).toEqual(['whatsapp']);
    expect(changes).toEqual([]);
    expect((await ask(s, { type: 'chat/lookup', identities: [{ kind: 'whatsapp-lid', value: '123456789012345' }] })).profile).toBeNull();

    await ask(s, { type: 'customers/link-identities', customerId: profile.customer.id, identities: found.unlinked });
    const linked = await ask(s, { type: 'chat/lookup', identities });
    expect(linked.unlinked).toEqual([]);
    expect((await ask(s, { type: 'chat/lookup', identities: [{ kind: 'whatsapp-lid', value: '123456789012345' }] })).profile?.customer.displayName).toBe('Bruno');
  });

  it('links an Instagram handle to a customer found by search', async () => {
    const s = await services();
    const { profile } = await ask(s, { type: 'customers/create', displayName: 'Ana Souza', identities: [{ kind: 'phone', value: '11 98765-4321' }] });
    const { hits } = await ask(s, { type: 'customers/search', query: 'ana sou' });
    expect(hits.map((h) => h.id)).toEqual([profile.customer.id]);
    expect((await ask(s, { type: 'customers/search', query: '98765' })).hits.map((h) => h.id)).toEqual([profile.customer.id]);
    await ask(s, { type: 'customers/link-identities', customerId: profile.customer.id, identities: [{ kind: 'instagram', value: 'ana.loja' }] });
    expect((await ask(s, { type: 'chat/lookup', identities: [{ kind: 'instagram', value: 'ana.loja' }] })).profile?.customer.id).toBe(profile.customer.id);
  });

  it('records a quick sale typed the Brazilian way and updates the summary at once', async () => {
    const s = await services();
    const { profile } = await ask(s, { type: 'customers/create', displayName: 'Ana', identities: [] });
    const id = profile.customer.id;
    await ask(s, { type: 'orders/quick-add', customerId: id, amount: '1.234,56', placedOn: '2026-10-01' });
    const after = (await ask(s, { type: 'orders/quick-add', customerId: id, amount: 'R$ 50', items: 'Vestido azul' })).profile;
    expect(after.orderCount).toBe(2);
    expect(after.totals).toEqual([{ currency: 'BRL', totalMinor: 128456, averageTicketMinor: 64228, orders: 2 }]);
    expect(after.recentOrders[0]?.items.map((i) => i.name)).toEqual(['Vestido azul']);
    expect(after.customer.lastOrderAt).toBe(NOW.toISOString());
    expect(after.insight?.activity.status).toBe('active');
    await expect(ask(s, { type: 'orders/quick-add', customerId: id, amount: 'cinquenta' })).rejects.toThrowError(/amount: "cinquenta" is not an amount/);
  });

  it('creates a tag inline and puts it on the customer; toggling takes it off', async () => {
    const s = await services();
    const { profile } = await ask(s, { type: 'customers/create', displayName: 'Ana', identities: [] });
    const { tag, profile: tagged } = await ask(s, { type: 'tags/create', name: 'VIP', customerId: profile.customer.id });
    expect(tagged?.customer.tagIds).toEqual([tag.id]);
    expect((await ask(s, { type: 'customers/toggle-tag', customerId: profile.customer.id, tagId: tag.id })).profile.customer.tagIds).toEqual([]);
  });

  it('sets a funnel stage from the list and refuses one that is not', async () => {
    const s = await services();
    const { profile } = await ask(s, { type: 'customers/create', displayName: 'Ana', identities: [] });
    expect((await ask(s, { type: 'customers/set-funnel-stage', customerId: profile.customer.id, stage: 'decision' })).profile.customer.funnelStage).toBe('decision');
    await expect(ask(s, { type: 'customers/set-funnel-stage', customerId: profile.customer.id, stage: 'bogus' })).rejects.toThrowError(/stage: /);
  });
});

describe('backups behind the protocol', () => {
  const COUNTS = { tags: 0, customers: 1, orders: 0, notes: 0, feedback: 0, followUps: 0, segments: 0, quickReplies: 0 };

  it('tells the sidebar when the last copy was made and whether one is due', async () => {
    const s = await services();
    let granted = false;
    s.backups = { downloadsGranted: async () => granted, run: async () => ({ outcome: 'opened-book-page' }), timeZone: 'America/Sao_Paulo' };
    expect(await ask(s, { type: 'backup/status' })).toEqual({
      settings: { schedule: 'weekly', encrypt: false },
      last: null,
      history: [],
      downloadsGranted: false,
      due: true,
      daysSinceLast: null,
    });
    // NOW is 09:00 on the 22nd in São Paulo; 3 calendar days before, late in the evening.
    const record = { at: '2026-11-20T01:30:00.000Z', fileName: 'Clientela/clientela-backup-2026-11-19_22-30.json', reason: 'manual' as const, encrypted: false, counts: COUNTS, downloadId: 3 };
    await recordBackup(s.book, record);
    granted = true;
    expect(await ask(s, { type: 'backup/status' })).toMatchObject({ last: record, history: [record], downloadsGranted: true, due: false, daysSinceLast: 3 });
    await saveSchedule(s.book, 'daily');
    expect(await ask(s, { type: 'backup/status' })).toMatchObject({ settings: { schedule: 'daily' }, due: true });
  });

  it('adds the integrity report only when asked (it reads every store’s keys)', async () => {
    const s = await services();
    s.backups = { downloadsGranted: async () => false, run: async () => ({ outcome: 'opened-book-page' }) };
    await ask(s, { type: 'customers/create', displayName: 'Ana', identities: [] });
    expect(await ask(s, { type: 'backup/status' })).not.toHaveProperty('integrity');
    const { integrity } = await ask(s, { type: 'backup/status', integrity: true });
    expect(integrity?.counts).toMatchObject({ customers: 1, orders: 0 });
    expect(integrity?.ok).toBe(true);
  });

  it('runs a backup only through the background, and refuses a malformed request', async () => {
    const s = await services();
    expect(await handleRequest(s, { type: 'backup/status' })).toEqual({ ok: false, error: 'Backups are answered by the background' });
    let runs = 0;
    s.backups = { downloadsGranted: async () => true, run: async () => ((runs += 1), { outcome: 'opened-book-page' }) };
    expect(await ask(s, { type: 'backup/run' })).toEqual({ outcome: 'opened-book-page' });
    expect(runs).toBe(1);
    expect(await handleRequest(s, { type: 'backup/status', integrity: 'yes' })).toEqual({ ok: false, error: expect.stringMatching(/^Malformed request: integrity: /) });
  });
});
