import { describe, expect, it, vi } from 'vitest';
import type { Book, PredictionState } from '../../core';
import { syntheticBook } from '../../core/segments/testing/synthetic-book';
import { openTestBook } from '../../core/store/test-book';
import type { BookResponses, Reply } from '../messaging/protocol';
import { BookTableService } from './book-table-service';
import { CustomerSearch } from './customer-search';
import { handleRequest, type BookServices } from './handle-request';
import { InsightService } from './insights';

const NOW = new Date('2026-11-22T12:00:00.000Z');

interface Setup {
  book: Book;
  services: BookServices;
  table: BookTableService;
  updates: { version: number; predictions: PredictionState }[];
  /** Waits for the search index to take in the writes so far (the table itself waits for its own queue). */
  settled: () => Promise<void>;
}

async function setup(refreshAfterMs?: number): Promise<Setup> {
  const book = await openTestBook(NOW);
  const search = new CustomerSearch(book);
  const updates: Setup['updates'] = [];
  const table = new BookTableService(book, search, { mainCurrency: 'BRL', timeZone: 'UTC', locale: 'pt-BR', now: () => NOW, onUpdated: (update) => updates.push(update), ...(refreshAfterMs === undefined ? {} : { refreshAfterMs }) });
  const pending: Promise<void>[] = [];
  // What the background does with the change feed (entrypoints/background.ts).
  book.onChange((change) => {
    if (change.wholeBook) search.reset();
    else pending.push(search.update(change.customerIds));
    table.changed(change);
  });
  const services: BookServices = { book, insights: new InsightService(book, { mainCurrency: 'BRL', timeZone: 'UTC' }, () => NOW), search, table, locale: 'pt-BR', now: () => NOW };
  return { book, services, table, updates, settled: async () => void (await Promise.all(pending)) };
}

async function ask<T extends keyof BookResponses>(s: BookServices, request: { type: T } & Record<string, unknown>): Promise<BookResponses[T]> {
  const reply = (await handleRequest(s, request)) as Reply<BookResponses[T]>;
  if (!reply.ok) throw new Error(reply.error);
  return reply.data;
}

const names = (answer: BookResponses['table/query']) => answer.rows.map((row) => row.name);

describe('the customer table in the background', () => {
  it('finds a customer by a phone in any spelling and by an accent-free name', async () => {
    const { services } = await setup();
    await services.book.customers.create({ displayName: 'Ana Conceição', identities: [{ kind: 'whatsapp', value: '5511987654321@c.us' }] });
    await services.book.customers.create({ displayName: 'Bruno', identities: [{ kind: 'phone', value: '21 99887-7665' }] });
    for (const search of ['(11) 98765-4321', '11987654321', '+55 11 98765 4321', 'conceicao']) {
      expect(names(await ask(services, { type: 'table/query', search })), search).toEqual(['Ana Conceição']);
    }
    expect(names(await ask(services, { type: 'table/query' }))).toEqual(['Ana Conceição', 'Bruno']);
  });

  it('counts the customers from its table once built, following archives and new customers, without reading the book', async () => {
    const { book, services, table } = await setup();
    const ana = await book.customers.create({ displayName: 'Ana', identities: [] });
    await book.customers.create({ displayName: 'Bia', identities: [] });
    // Not built yet: the book is counted (a sidebar's summary does not build a 100k table).
    expect(await table.customerCount()).toBeNull();
    expect(await ask(services, { type: 'book/summary' })).toEqual({ customerCount: 2 });
    await ask(services, { type: 'table/query' });
    const counted = vi.spyOn(book.customers, 'count');
    expect(await ask(services, { type: 'book/summary' })).toEqual({ customerCount: 2 });
    await book.customers.updateMany([ana.id], { kind: 'archive', archived: true });
    await book.customers.create({ displayName: 'Caio', identities: [] });
    await book.customers.create({ displayName: 'Duda', identities: [] });
    expect(await ask(services, { type: 'book/summary' })).toEqual({ customerCount: await book.customers.count() });
    expect(await table.customerCount()).toBe(3);
    expect(counted).toHaveBeenCalledTimes(1);
  });

  it('follows notes, orders, tags and erasures after the first answer, and says so', async () => {
    const { book, services, updates, settled } = await setup();
    const ana = await book.customers.create({ displayName: 'Ana', identities: [{ kind: 'phone', value: '11 98765-4321' }] });
    const bia = await book.customers.create({ displayName: 'Bia', identities: [] });
    const first = await ask(services, { type: 'table/query', sort: { column: 'orders', direction: 'desc' } });
    // No orders yet: a tie, broken by the (random) ids.
    expect(names(first)).toEqual(ana.id < bia.id ? ['Ana', 'Bia'] : ['Bia', 'Ana']);

    await book.notes.add(bia.id, 'Prefere entrega à tarde');
    await book.orders.add({ customerId: bia.id, placedAt: '2026-11-20T10:00:00.000Z', totalMinor: 5_000, currency: 'BRL' });
    const afterOrder = await ask(services, { type: 'table/query', sort: { column: 'orders', direction: 'desc' } });
    expect(names(afterOrder)).toEqual(['Bia', 'Ana']);
    expect(afterOrder.rows[0]).toMatchObject({ orders: 1, totalSpent: [{ minor: 5_000, currency: 'BRL' }], lastPurchaseAt: '2026-11-20T10:00:00.000Z' });
    expect(afterOrder.version).toBeGreaterThan(first.version);
    expect(updates.length).toBeGreaterThanOrEqual(2);

    const vip = await book.tags.create({ name: 'VIP', colour: '#aa0000', key: null });
    await book.customers.toggleTag(ana.id, vip.id);
    await settled();
    expect(names(await ask(services, { type: 'table/query', filters: { tagIds: [vip.id] } }))).toEqual(['Ana']);
    expect(names(await ask(services, { type: 'table/query', search: 'vip' }))).toEqual(['Ana']);
    expect((await ask(services, { type: 'table/facets' })).tags).toEqual({ [vip.id]: 1 });

    await book.erase(ana.id);
    await settled();
    expect(names(await ask(services, { type: 'table/query' }))).toEqual(['Bia']);
    expect((await ask(services, { type: 'table/query', search: '98765-4321' })).total).toBe(0);
    expect((await ask(services, { type: 'table/ids' })).ids).toEqual([bia.id]);
  });

  it('rebuilds from the book after a whole-book change', async () => {
    const { book, services } = await setup();
    await book.customers.create({ displayName: 'Ana', identities: [] });
    expect((await ask(services, { type: 'table/query' })).total).toBe(1);
    const synthetic = syntheticBook({ customers: 40, orders: 200, feedback: 0, seed: 3, now: NOW.getTime() });
    await book.replaceAll({ tags: [], notes: [], followUps: [], segments: [], quickReplies: [], ...synthetic });
    const after = await ask(services, { type: 'table/query', limit: 500 });
    expect(after.total).toBe(40);
    expect(after.rows.map((row) => row.id).sort()).toEqual(synthetic.customers.map((customer) => customer.id).sort());
  });

  it('answers before predicting, then tells open pages the values are in', async () => {
    const { book, services, table, updates } = await setup();
    const synthetic = syntheticBook({ customers: 200, orders: 1_200, feedback: 0, seed: 5, now: NOW.getTime() });
    await book.replaceAll({ tags: [], notes: [], followUps: [], segments: [], quickReplies: [], ...synthetic });
    const first = await ask(services, { type: 'table/query', limit: 500 });
    expect(first.predictions).toBe('pending');
    expect(first.rows.every((row) => row.predictedValue === null)).toBe(true);
    expect(await table.predictions()).toBe('ready');
    expect(updates.at(-1)).toMatchObject({ predictions: 'ready' });
    const after = await ask(services, { type: 'table/query', limit: 500, sort: { column: 'predictedValue', direction: 'desc' } });
    expect(after.predictions).toBe('ready');
    expect(after.rows[0]?.predictedValue).toEqual({ minor: expect.any(Number), currency: 'BRL' });
    // A page whose table port opens after that announcement hears the same state on connecting.
    expect(await table.state()).toEqual({ version: after.version, predictions: 'ready' });
  });

  it('fits the predictions again once order writes settle, so the new buyer is predicted by a model that knows them', async () => {
    const { book, services, table } = await setup(5);
    const synthetic = syntheticBook({ customers: 200, orders: 1_200, feedback: 0, seed: 5, now: NOW.getTime() });
    await book.replaceAll({ tags: [], notes: [], followUps: [], segments: [], quickReplies: [], ...synthetic });
    await ask(services, { type: 'table/query' });
    const firstRun = table.predictions();
    expect(await firstRun).toBe('ready');
    const before = await table.read((built) => built.predictionModel);
    // A note changes no prediction: no refit.
    const someone = synthetic.customers[0]?.id ?? '';
    await book.notes.add(someone, 'ligar amanhã');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(table.predictions()).toBe(firstRun);
    const newcomer = await book.customers.create({ displayName: 'Nova Compradora', identities: [] });
    await book.orders.add({ customerId: newcomer.id, placedAt: '2026-11-20T15:00:00.000Z', totalMinor: 12_000, currency: 'BRL' });
    await vi.waitFor(() => expect(table.predictions()).not.toBe(firstRun));
    expect(await table.predictions()).toBe('ready');
    const after = await table.read((built) => built.predictionModel);
    expect(after).not.toBe(before);
    expect(after?.buyers).toBe((before?.buyers ?? 0) + 1);
    const row = (await ask(services, { type: 'table/query', search: 'Nova Compradora' })).rows[0];
    expect(row?.predictedValue).toEqual({ minor: expect.any(Number), currency: 'BRL' });
    expect(row?.probabilityAlive).toBeGreaterThan(0);
    // The detail's answer: the same prediction, by the model now fitted.
    const detail = await ask(services, { type: 'customers/prediction', customerId: newcomer.id });
    expect(detail).toMatchObject({ state: 'ready', currency: 'BRL', days: 90, buyers: after?.buyers, fittedAtMs: NOW.getTime() });
    expect(Math.round(detail?.prediction?.valueMinor ?? -1)).toBe(row?.predictedValue?.minor);
    expect(await ask(services, { type: 'customers/prediction', customerId: 'gone' })).toBeNull();
  });

  it('has no state to tell before its table is built', async () => {
    const { table } = await setup();
    expect(await table.state()).toBeNull();
  });

  it('selects every matching id, in the order asked', async () => {
    const { book, services } = await setup();
    for (const displayName of ['Carla', 'Ana', 'Bia']) await book.customers.create({ displayName, identities: [] });
    const { rows } = await ask(services, { type: 'table/query', sort: { column: 'name', direction: 'desc' } });
    expect((await ask(services, { type: 'table/ids', sort: { column: 'name', direction: 'desc' } })).ids).toEqual(rows.map((row) => row.id));
  });
});

describe('the table requests', () => {
  it('refuse a malformed request naming the field', async () => {
    const { services } = await setup();
    expect(await handleRequest(services, { type: 'table/query', limit: 501 })).toEqual({ ok: false, error: expect.stringMatching(/^Malformed request: limit: /) });
    expect(await handleRequest(services, { type: 'table/query', sort: { column: 'shoeSize' } })).toEqual({ ok: false, error: expect.stringMatching(/^Malformed request: sort\.column: /) });
    expect(await handleRequest(services, { type: 'table/ids', filters: { archived: 'sometimes' } })).toEqual({ ok: false, error: expect.stringMatching(/^Malformed request: filters\.archived: /) });
    expect(await handleRequest(services, { type: 'table/facets', search: 'x'.repeat(201) })).toEqual({ ok: false, error: expect.stringMatching(/^Malformed request: search: /) });
  });

  it('are answered by the background only', async () => {
    const { services } = await setup();
    const { table: _table, ...withoutTable } = services;
    expect(await handleRequest(withoutTable, { type: 'table/query' })).toEqual({ ok: false, error: 'The customer table is answered by the background' });
  });
});
