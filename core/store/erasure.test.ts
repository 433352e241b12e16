import { describe, expect, it } from 'vitest';
import type { Order } from '../model';
import { dumpBookDatabase, openTestBook, testBookName } from './test-book';

/** Totals per currency and status: what the seller's reports add up. */
function currencyTotals(orders: readonly Order[]): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const order of orders) totals[`${order.currency}:${order.status}`] = (totals[`${order.currency}:${order.status}`] ?? 0) + order.totalMinor;
  return totals;
}

const NAME = 'Marília Quintanilha';
const PHONE_DIGITS = '987651234';
const NOTE = 'Mora na Rua das Acácias 42';

async function bookWithMarilia() {
  const name = testBookName();
  const book = await openTestBook(new Date('2026-11-22T12:00:00.000Z'), name);
  const vip = await book.tags.create({ name: 'VIP', colour: '#aa0000' });
  const marilia = await book.customers.create({
    displayName: NAME,
    identities: [{ kind: 'phone', value: `11 ${PHONE_DIGITS}` }, { kind: 'email', value: 'marilia.q@example.com' }, { kind: 'instagram', value: '@mariliaq' }],
    tagIds: [vip.id],
    customFields: { cpf: '123.456.789-09', endereco: 'Rua das Acácias' },
  });
  const other = await book.customers.create({ displayName: 'Bruno', identities: [{ kind: 'phone', value: '11 91111-2222' }] });
  await book.orders.add({ customerId: marilia.id, placedAt: '2026-10-01T10:00:00Z', totalMinor: 15990, currency: 'BRL', items: [{ name: 'Vestido', category: null, quantity: 1, unitPriceMinor: 15990 }], externalRef: `pedido ${NAME}` });
  await book.orders.add({ customerId: marilia.id, placedAt: '2026-10-09T10:00:00Z', totalMinor: 5000, currency: 'BRL', status: 'refunded' });
  await book.orders.add({ customerId: other.id, placedAt: '2026-10-01T10:00:00Z', totalMinor: 700, currency: 'BRL' });
  await book.notes.add(marilia.id, NOTE);
  await book.followUps.add(marilia.id, '2026-12-01T12:00:00Z', `Ligar para ${NAME}`);
  await book.feedback.add({ customerId: marilia.id, kind: 'nps', score: 9, comment: `Sou a ${NAME}, amei`, receivedAt: '2026-10-02T10:00:00Z', source: 'storefront', verified: true, externalId: 'fb-1' });
  // Feedback left under someone else that claims her email: it carries her contact, so it goes too.
  await book.feedback.add({
    customerId: other.id,
    kind: 'csat',
    score: 4,
    comment: 'ok',
    receivedAt: '2026-10-03T10:00:00Z',
    source: 'storefront',
    verified: false,
    externalId: 'fb-2',
    claim: { site: 'loja', email: 'marilia.q@example.com', phone: null, name: NAME, consent: null, status: 'dismissed' },
  });
  return { book, name, marilia, other };
}

describe('erasing a customer (LGPD)', () => {
  it('leaves no trace of the name, phone, email or note in any store, and keeps the order totals', async () => {
    const { book, name, marilia, other } = await bookWithMarilia();
    // A merge whose undo record holds her data: it must go too.
    const copy = await book.customers.create({ displayName: `${NAME} (2)`, identities: [{ kind: 'instagram', value: '@mariliaq2' }] });
    await book.merge(marilia.id, [copy.id]);
    const totalsBefore = currencyTotals(await book.orders.list());
    const before = await dumpBookDatabase(name);
    for (const trace of ['Marília', PHONE_DIGITS, 'marilia.q@example.com', 'mariliaq', NOTE, '123.456.789-09']) expect(before).toContain(trace);

    const seen: string[][] = [];
    book.onChange((change) => seen.push(change.customerIds));
    const erased = await book.forget(marilia.id, { displayName: 'Cliente apagado' });
    expect(erased.displayName).toBe('Cliente apagado');
    expect(seen).toEqual([[marilia.id]]);

    const after = await dumpBookDatabase(name);
    for (const trace of ['Marília', 'Quintanilha', PHONE_DIGITS, 'marilia.q@example.com', 'mariliaq', 'Acácias', '123.456.789-09']) expect(after).not.toContain(trace);
    expect(currencyTotals(await book.orders.list())).toEqual(totalsBefore);
    expect((await book.orders.listByCustomer(marilia.id)).map((o) => o.totalMinor)).toEqual([5000, 15990]);
    expect(await book.notes.listByCustomer(marilia.id)).toEqual([]);
    expect(await book.followUps.listByCustomer(marilia.id)).toEqual([]);
    expect((await book.feedback.listByCustomer(marilia.id)).map((f) => [f.score, f.comment, f.externalId])).toEqual([[9, null, 'fb-1']]);
    expect(await book.feedback.listByCustomer(other.id)).toEqual([]);
    expect(await book.customers.findByIdentity('phone', `11 ${PHONE_DIGITS}`)).toEqual([]);
    expect(await book.lastMerge(marilia.id)).toBeNull();
    expect(await book.erasures()).toEqual([{ customerId: marilia.id, erasedAt: '2026-11-22T12:00:00.000Z' }]);
    expect((await book.dossier(marilia.id)).erasedAt).toBe('2026-11-22T12:00:00.000Z');
    expect((await book.integrity()).ok).toBe(true);
  });

  it('gathers everything held about one customer for the right of access', async () => {
    const { book, marilia } = await bookWithMarilia();
    const dossier = await book.dossier(marilia.id);
    expect(dossier.customer.displayName).toBe(NAME);
    expect(dossier.tags.map((t) => t.name)).toEqual(['VIP']);
    expect(dossier.orders.map((o) => o.totalMinor)).toEqual([15990, 5000]);
    expect(dossier.notes.map((n) => n.text)).toEqual([NOTE]);
    expect(dossier.followUps).toHaveLength(1);
    expect(dossier.feedback.map((f) => f.externalId)).toEqual(['fb-1']);
    expect(dossier.erasedAt).toBeNull();
  });

  it('writes nothing for a customer who is not there', async () => {
    const { book, name } = await bookWithMarilia();
    const before = await dumpBookDatabase(name);
    await expect(book.forget('nobody', { displayName: 'Cliente apagado' })).rejects.toThrow(/nobody/);
    expect(await dumpBookDatabase(name)).toBe(before);
  });
});
