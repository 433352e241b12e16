import { describe, expect, it } from 'vitest';
import { tableQuerySchema, type NewOrder } from '../../core';
import { openTestBook } from '../../core/store/test-book';
import type { BookResponses, Reply } from '../messaging/protocol';
import { BookTableService } from './book-table-service';
import { CustomerSearch } from './customer-search';
import { handleRequest, type BookServices } from './handle-request';
import { InsightService } from './insights';

const NOW = new Date('2026-12-01T13:00:00.000Z');
const DAY = 86_400_000;

/** Customer i (0…9) has i paid orders on i different days; one archived customer has 5. */
async function setup() {
  const book = await openTestBook(NOW);
  const customers = await book.customers.createMany(Array.from({ length: 10 }, (_, i) => ({ displayName: `Cliente ${i}` })));
  const [archived] = await book.customers.createMany([{ displayName: 'Arquivada' }]);
  const orders: NewOrder[] = [];
  customers.forEach((customer, i) => {
    for (let k = 0; k < i; k++) orders.push({ customerId: customer.id, placedAt: new Date(NOW.getTime() - (k * 30 + 2) * DAY).toISOString(), status: 'paid', currency: 'BRL', totalMinor: 10_000, items: [] });
  });
  for (let k = 0; k < 5; k++) orders.push({ customerId: archived!.id, placedAt: new Date(NOW.getTime() - (k * 30 + 2) * DAY).toISOString(), status: 'paid', currency: 'BRL', totalMinor: 10_000, items: [] });
  await book.orders.addMany(orders);
  await book.customers.updateMany([archived!.id], { kind: 'archive', archived: true });
  const search = new CustomerSearch(book);
  const table = new BookTableService(book, search, { mainCurrency: 'BRL', timeZone: 'America/Sao_Paulo', locale: 'pt-BR', now: () => NOW });
  book.onChange((change) => table.changed(change));
  const services: BookServices = { book, insights: new InsightService(book, { mainCurrency: 'BRL', timeZone: 'America/Sao_Paulo' }, () => NOW), search, table, locale: 'pt-BR', now: () => NOW };
  const ask = async <T extends keyof BookResponses>(request: { type: T } & Record<string, unknown>): Promise<BookResponses[T]> => {
    const reply = (await handleRequest(services, request)) as Reply<BookResponses[T]>;
    if (!reply.ok) throw new Error(reply.error);
    return reply.data;
  };
  return { book, ask, customers, archived: archived! };
}

const atLeast = (orders: number) => ({ all: [{ field: 'orderCount', op: 'gte', value: orders }] });

describe('segments in the background', () => {
  it('counts a rule’s customers, archived ones left out unless the rule asks about them', async () => {
    const { ask } = await setup();
    expect(await ask({ type: 'segments/count', rule: atLeast(3) })).toEqual({ ok: true, count: 7, includesArchived: false });
    expect(await ask({ type: 'segments/count', rule: atLeast(6) })).toEqual({ ok: true, count: 4, includesArchived: false });
    expect(await ask({ type: 'segments/count', rule: { all: [{ field: 'archived', op: 'eq', value: true }] } })).toEqual({ ok: true, count: 1, includesArchived: true });
    expect(await ask({ type: 'segments/count', rule: { any: [] } })).toEqual({ ok: true, count: 0, includesArchived: false });
  });

  it('names each problem of a rule in the seller’s words, by its condition', async () => {
    const { ask } = await setup();
    const reply = await ask({
      type: 'segments/count',
      rule: { all: [{ field: 'orderCount', op: 'gte', value: 'três' }, { field: 'tags', op: 'hasAny', value: [] }, { field: 'latestCsat', op: 'gte', value: 9 }, { field: 'orderCount', op: 'between', value: [5, 2] }, { field: 'orderCount', op: 'gte' }] },
    });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.problems).toEqual([
      { at: 'all.0', part: 'value', text: 'Condição 1, Número de pedidos: digite um número' },
      { at: 'all.1', part: 'value', text: 'Condição 2, Etiquetas: escolha ao menos um valor' },
      { at: 'all.2', part: 'value', text: 'Condição 3, Último CSAT (0 a 5): deve ser no máximo 5' },
      { at: 'all.3', part: 'value', text: 'Condição 4, Número de pedidos: o primeiro valor não pode ser maior que o segundo' },
      { at: 'all.4', part: 'value', text: 'Condição 5, Número de pedidos: preencha o valor' },
    ]);
    const op = await ask({ type: 'segments/count', rule: { any: [{ not: { field: 'activity', op: 'gte', value: 'lost' } }] } });
    expect(op).toEqual({ ok: false, problems: [{ at: 'any.0.not', part: 'op', text: 'Condição 1, Atividade: esta comparação não vale para este campo' }] });
  });

  it('saves a named rule all or nothing, lists it with its count, opens it as exactly its members and removes it', async () => {
    const { ask, customers } = await setup();
    const refused = await ask({ type: 'segments/save', name: '  ', rule: { all: [{ field: 'orderCount', op: 'gte', value: -1 }] } });
    expect(refused).toEqual({
      ok: false,
      problems: [
        { at: '', part: 'name', text: 'Nome: dê um nome ao segmento' },
        { at: 'all.0', part: 'value', text: 'Condição 1, Número de pedidos: deve ser 0 ou mais' },
      ],
    });
    expect((await ask({ type: 'segments/list' })).segments).toEqual([]);

    const saved = await ask({ type: 'segments/save', name: 'Fiéis', rule: atLeast(6) });
    if (!saved.ok) throw new Error(JSON.stringify(saved.problems));
    expect(saved.segment).toMatchObject({ name: 'Fiéis', count: 4 });
    const list = await ask({ type: 'segments/list' });
    expect(list.mainCurrency).toBe('BRL');
    expect(list.segments.map(({ name, count }) => ({ name, count }))).toEqual([{ name: 'Fiéis', count: 4 }]);

    const query = tableQuerySchema.parse({ filters: { segment: saved.segment.id } });
    const opened = await ask({ type: 'table/query', ...query, offset: 0, limit: 100 });
    expect(opened.total).toBe(4);
    expect(opened.rows.map((row) => row.name).sort()).toEqual(customers.slice(6).map((c) => c.displayName).sort());
    const ids = await ask({ type: 'table/ids', ...query });
    expect([...ids.ids].sort()).toEqual(customers.slice(6).map((c) => c.id).sort());

    // An edit of the rule changes who opens.
    const edited = await ask({ type: 'segments/save', id: saved.segment.id, name: 'Fiéis', rule: atLeast(8) });
    expect(edited.ok && edited.segment.count).toBe(2);
    expect((await ask({ type: 'table/query', ...query, offset: 0, limit: 100 })).total).toBe(2);

    await ask({ type: 'segments/remove', id: saved.segment.id });
    expect((await ask({ type: 'segments/list' })).segments).toEqual([]);
    expect((await ask({ type: 'table/query', ...query, offset: 0, limit: 100 })).total).toBe(0);
  });
});
