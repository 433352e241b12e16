import { describe, expect, it } from 'vitest';
import type { BookChange } from '../../core';
import { shopifyReading } from '../../core/io/store-order/testing/readings';
import { openTestBook } from '../../core/store/test-book';
import { saveTimeZone } from '../i18n/time-zone';
import type { BookResponses, Reply } from '../messaging/protocol';
import { handleRequest, type BookServices } from './handle-request';
import { InsightService } from './insights';

const NOW = new Date('2026-11-22T12:00:00.000Z');

async function services(): Promise<BookServices & { changes: BookChange[] }> {
  const book = await openTestBook(NOW);
  await saveTimeZone(book, 'America/Sao_Paulo');
  const changes: BookChange[] = [];
  book.onChange((change) => changes.push(change));
  return { book, insights: new InsightService(book, { mainCurrency: 'BRL', timeZone: 'America/Sao_Paulo' }, () => NOW), locale: 'pt-BR', now: () => NOW, changes };
}

async function ask<T extends keyof BookResponses>(s: BookServices, request: { type: T } & Record<string, unknown>): Promise<BookResponses[T]> {
  const reply = (await handleRequest(s, request)) as Reply<BookResponses[T]>;
  if (!reply.ok) throw new Error(reply.error);
  return reply.data;
}

describe('a store order page behind the protocol', () => {
  it('previews a new buyer’s order without writing, then saves it and announces the write', async () => {
    const s = await services();
    s.changes.length = 0;
    const preview = await ask(s, { type: 'store/preview-order', reading: shopifyReading() });
    expect(preview).toEqual({
      read: { reference: '#1001', placedAt: '2026-03-25T01:36:00.000Z', total: { amount: 15_000, currency: 'BRL' }, status: 'paid', items: 2, buyerName: 'Ana Souza' },
      identities: [
        { kind: 'email', value: 'ana@exemplo.com.br' },
        { kind: 'phone', value: '+5511987654321' },
      ],
      missing: [{ field: 'cpf', reason: 'absent' }],
      refusal: null,
      profile: null,
    });
    expect(s.changes).toEqual([]);
    expect(await s.book.customers.count()).toBe(0);

    const saved = await ask(s, { type: 'store/save-order', reading: shopifyReading() });
    expect(saved).toMatchObject({ outcome: 'created', newCustomer: true, missing: [{ field: 'cpf', reason: 'absent' }] });
    if (saved.outcome === 'refused') throw new Error('refused');
    expect(saved.profile.customer).toMatchObject({ id: saved.customerId, displayName: 'Ana Souza', lastOrderAt: '2026-03-25T01:36:00.000Z' });
    expect(saved.profile.recentOrders.map((order) => [order.id, order.source])).toEqual([['import:shopify:#1001', 'store-page']]);
    expect(saved.profile.totals).toEqual([{ currency: 'BRL', totalMinor: 15_000, averageTicketMinor: 15_000, orders: 1 }]);
    expect(s.changes).toEqual([{ stores: ['customers', 'orders'], customerIds: [saved.customerId] }]);

    // The preview now finds her, as a chat lookup would.
    const again = await ask(s, { type: 'store/preview-order', reading: shopifyReading({ buyer: { email: null } }) });
    expect(again.profile?.customer.id).toBe(saved.customerId);
    expect((await ask(s, { type: 'chat/lookup', identities: [{ kind: 'whatsapp', value: '5511987654321' }] })).profile?.customer.id).toBe(saved.customerId);
  });

  it('finds the customer the book has, saves once however often asked, and stops counting an order the store cancelled', async () => {
    const s = await services();
    const { profile: bia } = await ask(s, { type: 'customers/create', displayName: 'Bia Lima', identities: [{ kind: 'whatsapp', value: '5511987654321@c.us' }] });
    const reading = shopifyReading({ buyer: { name: 'Beatriz', email: null, phone: '(11) 98765-4321' } });
    expect((await ask(s, { type: 'store/preview-order', reading })).profile?.customer.id).toBe(bia.customer.id);
    expect(await ask(s, { type: 'store/save-order', reading })).toMatchObject({ outcome: 'created', customerId: bia.customer.id, newCustomer: false });
    s.changes.length = 0;
    expect(await ask(s, { type: 'store/save-order', reading })).toMatchObject({ outcome: 'unchanged', customerId: bia.customer.id });
    expect(s.changes).toEqual([]);

    const cancelled = await ask(s, { type: 'store/save-order', reading: { ...reading, status: 'Cancelado' } });
    expect(cancelled).toMatchObject({ outcome: 'updated', customerId: bia.customer.id });
    if (cancelled.outcome === 'refused') throw new Error('refused');
    expect(cancelled.profile.totals).toEqual([]);
    expect(cancelled.profile.orderCount).toBe(0);
    expect(cancelled.profile.customer.lastOrderAt).toBeNull();
    expect(cancelled.profile.recentOrders.map((order) => order.status)).toEqual(['cancelled']);
  });

  it('previews the customer the save will use when the e-mail and the phone belong to two: the e-mail’s, as the import matches', async () => {
    const s = await services();
    await ask(s, { type: 'customers/create', displayName: 'Dono do telefone', identities: [{ kind: 'phone', value: '11 98765-4321' }] });
    const { profile: byEmail } = await ask(s, { type: 'customers/create', displayName: 'Dona do e-mail', identities: [{ kind: 'email', value: 'ana@exemplo.com.br' }] });
    expect((await ask(s, { type: 'store/preview-order', reading: shopifyReading() })).profile?.customer.id).toBe(byEmail.customer.id);
    expect(await ask(s, { type: 'store/save-order', reading: shopifyReading() })).toMatchObject({ customerId: byEmail.customer.id, newCustomer: false });
  });

  it('refuses an order with no buyer identity in the preview and on save, writing nothing, even beside a namesake', async () => {
    const s = await services();
    await ask(s, { type: 'customers/create', displayName: 'Ana Souza', identities: [] });
    const before = await s.book.exportAll();
    const reading = shopifyReading({ buyer: { email: 'a***@gmail.com', phone: null } });
    const preview = await ask(s, { type: 'store/preview-order', reading });
    expect(preview).toMatchObject({ refusal: 'no-identity', identities: [], profile: null, read: { buyerName: 'Ana Souza' } });
    expect(preview.missing).toEqual([
      { field: 'email', reason: 'masked', text: 'a***@gmail.com' },
      { field: 'phone', reason: 'absent' },
      { field: 'cpf', reason: 'absent' },
    ]);
    expect(await ask(s, { type: 'store/save-order', reading })).toEqual({ outcome: 'refused', refusal: 'no-identity', missing: preview.missing });
    expect(await s.book.exportAll()).toEqual(before);
  });

  it('checks the reading at the trust boundary, naming the field, for both requests', async () => {
    const s = await services();
    for (const type of ['store/preview-order', 'store/save-order']) {
      expect(await handleRequest(s, { type, reading: { ...shopifyReading(), buyer: { ...shopifyReading().buyer, phone: 42 } } })).toEqual({ ok: false, error: expect.stringMatching(/^Malformed request: reading\.buyer\.phone: /) });
      expect(await handleRequest(s, { type, reading: { ...shopifyReading(), store: 'amazon' } })).toEqual({ ok: false, error: expect.stringMatching(/^Malformed request: reading\.store: /) });
      expect(await handleRequest(s, { type })).toEqual({ ok: false, error: expect.stringMatching(/^Malformed request: reading: /) });
    }
    expect(await s.book.customers.count()).toBe(0);
  });

  it('reads the page’s dates on the seller’s clock from the book’s settings', async () => {
    const s = await services();
    const reading = shopifyReading({ placedAt: '29/11/2026 14:03' });
    expect((await ask(s, { type: 'store/preview-order', reading })).read.placedAt).toBe('2026-11-29T17:03:00.000Z');
    await saveTimeZone(s.book, 'Europe/Lisbon');
    expect((await ask(s, { type: 'store/preview-order', reading })).read.placedAt).toBe('2026-11-29T14:03:00.000Z');
  });
});
