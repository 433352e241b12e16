import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CSV_DIALECTS, LOCALES, type Book, type TableQuery, type Tag } from '../../../../../core';
import { readCustomersCsv, readOrdersCsv } from '../../../../../core/io/import';
import { addManyCustomers, openTestBook } from '../../../../../core/store/test-book';
import { translate, type Locale } from '../../../../i18n/translate';
import { localBackground } from '../../testing/local-background';
import { exportCsv, type ExportRequest, type ExportTools } from './export-csv';
import type { Ask } from './read-list';

const NOW = new Date('2026-11-29T12:00:00.000Z');
const ZONE = 'America/Sao_Paulo';
const LIST: TableQuery = { filters: { tagMode: 'any', archived: 'exclude' }, sort: { column: 'name', direction: 'asc' }, search: '' };

const toolsIn = (locale: Locale, tags: readonly Tag[]): ExportTools => ({
  t: (key, params) => translate(locale, key, params),
  locale,
  timeZone: ZONE,
  tags: new Map(tags.map((tag) => [tag.id, tag])),
});
const textOf = (parts: readonly string[]) => parts.join('');

let book: Book;
let vip: Tag;
let ids: Record<'ana' | 'bia' | 'caio' | 'dani' | 'edu', string>;

/** A small book with the awkward cases: separators and quotes in a name, digits-only phone and CPF, a sale at 22:30. */
beforeEach(async () => {
  book = await openTestBook(NOW);
  vip = await book.tags.create({ name: 'VIP', colour: '#1a7f37' });
  const [ana, bia, caio, dani, edu] = await book.customers.createMany([
    { displayName: 'Ana Souza', identities: [{ kind: 'phone', value: '(11) 98765-4321' }, { kind: 'email', value: 'Ana@Example.com' }, { kind: 'cpf', value: '529.982.247-25' }], tagIds: [vip.id] },
    { displayName: 'Bia "Lima"; Silva, Jr', identities: [{ kind: 'instagram', value: '@bia.lima' }, { kind: 'email', value: 'bia@example.com' }] },
    { displayName: 'Caio Prado', identities: [{ kind: 'whatsapp', value: '5511912345678' }] },
    { displayName: 'Dani Arquivada', identities: [{ kind: 'email', value: 'dani@example.com' }] },
    { displayName: 'Edu Sem Compra', identities: [{ kind: 'cpf', value: '11144477735' }] },
  ]);
  ids = { ana: ana!.id, bia: bia!.id, caio: caio!.id, dani: dani!.id, edu: edu!.id };
  await book.orders.addMany([
    { customerId: ids.ana, placedAt: '2026-10-01T13:05:00.000Z', totalMinor: 123456, currency: 'BRL', externalRef: 'LOJA-1001', items: [{ name: 'Bolo', category: null, quantity: 2, unitPriceMinor: 50000 }, { name: 'Torta', category: null, quantity: 1, unitPriceMinor: 23456 }] },
    { customerId: ids.ana, placedAt: '2026-11-02T10:00:00.000Z', totalMinor: 9990, currency: 'BRL', status: 'refunded' },
    { customerId: ids.bia, placedAt: '2026-09-15T18:45:00.000Z', totalMinor: 5, currency: 'BRL', status: 'cancelled' },
    // 22:30 in São Paulo, already the next day in UTC.
    { customerId: ids.caio, placedAt: '2026-11-28T01:30:00.000Z', totalMinor: 900, currency: 'EUR' },
    { customerId: ids.dani, placedAt: '2026-08-01T12:00:00.000Z', totalMinor: 1000, currency: 'BRL' },
  ]);
  await book.customers.setArchived([ids.dani], true);
});
afterEach(() => book.close());

const run = (request: Partial<ExportRequest>, locale: Locale = 'pt-BR') =>
  exportCsv({ book, ask: localBackground(book, NOW).ask }, { what: 'customers', dialect: 'excel-br', query: LIST, selected: new Set(), ...request }, toolsIn(locale, [vip]));

describe('the customers CSV', () => {
  it('writes every customer of the list in its order, with headers in the seller’s language, as Excel in Brazil opens it', async () => {
    const file = await run({});
    const text = textOf(file.parts);
    expect(file.rows).toBe(4);
    expect(text.startsWith('\uFEFFNome;Telefone;WhatsApp;E-mail;Instagram;')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'Nome;Telefone;WhatsApp;E-mail;Instagram;Messenger;Telegram;Nome de usuário do WhatsApp;WhatsApp (número oculto);Loja;CPF;Etiquetas;Atividade;Segmento RFM;Estágio;Etapa do funil;Última compra;Pedidos;Total gasto;Moeda;Valor previsto;Moeda do valor previsto;Chance de voltar a comprar (%);Cliente desde',
    );
    expect(lines.slice(1, 5).map((line) => line.split(';')[0])).toEqual(['Ana Souza', '"Bia ""Lima""', 'Caio Prado', 'Edu Sem Compra']);
    const ana = lines[1]?.split(';') ?? [];
    expect(ana.slice(0, 4)).toEqual(['Ana Souza', '(11) 98765-4321', '', 'Ana@Example.com']);
    expect(ana[10]).toBe('529.982.247-25');
    expect(ana[11]).toBe('VIP');
    // Last purchase, orders and total spent count paid orders only (the refund does not); money is a number Excel adds up.
    expect(ana.slice(16, 20)).toEqual(['01/10/2026', '1', '1234,56', 'BRL']);
    expect(ana[23]).toBe('29/11/2026 09:00');
    // A phone typed as digits only is written as E.164 behind the formula guard, so Excel keeps every digit.
    expect(lines[3]?.split(';')[2]).toBe("'+5511912345678");
    expect(lines[3]?.split(';').slice(18, 20)).toEqual(['9,00', 'EUR']);
    expect(lines[4]?.split(';')[10]).toBe('111.444.777-35');
    expect(text).not.toContain('Dani');
  });

  it('follows the list’s filters, search and sort, not the rows in view', async () => {
    const file = await run({ query: { ...LIST, sort: { column: 'name', direction: 'desc' }, search: 'example' } }, 'en');
    const lines = textOf(file.parts).split('\r\n');
    expect(lines[0]?.startsWith('\uFEFFName;Phone;WhatsApp;Email;')).toBe(true);
    expect(lines.slice(1, -1).map((line) => line.split(';')[0])).toEqual(['"Bia ""Lima""', 'Ana Souza']);
  });

  it('writes the selected customers only, archived ones too, in the list’s sort, and formulas as text', async () => {
    await book.customers.update(ids.caio, { displayName: '=HYPERLINK("x")' });
    const file = await run({ what: 'selection', dialect: 'standard', selected: new Set([ids.caio, ids.dani]) });
    const lines = textOf(file.parts).split('\r\n');
    expect(file.rows).toBe(2);
    expect(lines[0]?.startsWith('Nome,Telefone,')).toBe(true);
    expect(lines.slice(1, -1).map((line) => line.split(',')[0])).toEqual(['"\'=HYPERLINK(""x"")"', 'Dani Arquivada']);
    expect(lines[2]).toContain(',2026-11-29T09:00:00-03:00');
  });

  it('stops when cancelled, making no file', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(exportCsv({ book, ask: localBackground(book, NOW).ask }, { what: 'orders', dialect: 'standard', query: LIST, selected: new Set() }, toolsIn('pt-BR', []), { signal: controller.signal })).rejects.toThrow();
  });
});

describe('the orders CSV', () => {
  it('writes every order of the list’s customers, customer by customer, oldest first, with items and statuses in words', async () => {
    const progress: number[] = [];
    const file = await exportCsv({ book, ask: localBackground(book, NOW).ask }, { what: 'orders', dialect: 'excel-br', query: LIST, selected: new Set() }, toolsIn('pt-BR', []), { onProgress: (done) => progress.push(done) });
    const lines = textOf(file.parts).slice(1).split('\r\n');
    expect(file.rows).toBe(4);
    expect(lines[0]).toBe('Pedido;Data;Status;Total;Moeda;Cliente;Telefone;E-mail;CPF;Itens;Canal');
    expect(lines[1]).toBe('LOJA-1001;01/10/2026 10:05;Pago;1234,56;BRL;Ana Souza;(11) 98765-4321;Ana@Example.com;529.982.247-25;"2× Bolo; 1× Torta";Outro');
    expect(lines[2]).toMatch(/^[^;]+;02\/11\/2026 07:00;Reembolsado;99,90;BRL;Ana Souza;/);
    expect(lines[3]).toMatch(/^[^;]+;15\/09\/2026 15:45;Cancelado;0,05;BRL;"Bia ""Lima""; Silva, Jr";;bia@example.com;;;/);
    expect(lines[4]).toMatch(/^[^;]+;27\/11\/2026 22:30;Pago;9,00;EUR;Caio Prado;'\+5511912345678;/);
    expect(textOf(file.parts)).not.toContain('Dani');
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });
});

describe('a big export', () => {
  it('writes in slices, yielding to the page between them, and a cancel while writing stops it', async () => {
    await addManyCustomers(book, 120, 50);
    // The orders export asks the table for the list's ids only; answered here from the book, so the background's
    // predictions (which never finish on this synthetic book: see the report on core/predict/hypergeometric.ts) stay out.
    const everyone = (await book.customers.list()).map((customer) => customer.id);
    const ask: Ask = async (request) => {
      if (request.type !== 'table/ids') throw new Error(`not asked in this test: ${request.type}`);
      return { ids: everyone, version: 1 } as never;
    };
    const source = { book, ask };
    const request: ExportRequest = { what: 'orders', dialect: 'standard', query: LIST, selected: new Set() };
    const progress: number[] = [];
    const whole = await exportCsv(source, request, toolsIn('en', []), { onProgress: (done) => progress.push(done) });
    expect(whole.rows).toBe(6004);
    // Two slices of writing (5,000 and 1,004 rows) after the reading.
    expect(progress.filter((done) => done > 0.75)).toEqual([0.7 + (5000 / 6004) * 0.3, 1, 1]);
    const controller = new AbortController();
    const cancelled = exportCsv(source, request, toolsIn('en', []), { signal: controller.signal, onProgress: (done) => done > 0.75 && controller.abort() });
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('an exported file read back by the importer', () => {
  for (const dialect of CSV_DIALECTS) {
    for (const locale of LOCALES) {
      it(`gives the same orders and customers (${dialect}, ${locale})`, async () => {
        const options = { timeZone: ZONE };
        const orders = readOrdersCsv(textOf((await run({ what: 'orders', dialect }, locale)).parts), options);
        expect(orders.errors).toEqual([]);
        expect(orders.preset).toBe('generic');
        const stored = (await book.orders.list()).filter((order) => order.customerId !== ids.dani);
        const expected = stored
          .map((order) => {
            const customer = { ana: { name: 'Ana Souza', phone: '+5511987654321', email: 'ana@example.com', cpf: '52998224725' }, bia: { name: 'Bia "Lima"; Silva, Jr', email: 'bia@example.com' }, caio: { name: 'Caio Prado', phone: '+5511912345678' } };
            const who = (Object.keys(ids) as (keyof typeof ids)[]).find((key) => ids[key] === order.customerId) as keyof typeof customer;
            return { externalId: order.externalRef ?? order.id, placedAt: order.placedAt, total: order.totalMinor, currency: order.currency, status: order.status, customer: customer[who] };
          })
          .sort((a, b) => a.externalId.localeCompare(b.externalId));
        const read = orders.rows.map(({ externalId, placedAt, total, currency, status, customer }) => ({ externalId, placedAt, total, currency, status, customer })).sort((a, b) => (a.externalId ?? '').localeCompare(b.externalId ?? ''));
        expect(read).toEqual(expected);

        const customers = readCustomersCsv(textOf((await run({ what: 'customers', dialect }, locale)).parts), options);
        expect(customers.errors).toEqual([]);
        expect(customers.preset).toBe('generic');
        expect(customers.rows.map(({ name, phone, email, cpf, tags, createdAt }) => ({ name, phone, email, cpf, tags, createdAt }))).toEqual([
          { name: 'Ana Souza', phone: '+5511987654321', email: 'ana@example.com', cpf: '52998224725', tags: ['VIP'], createdAt: NOW.toISOString() },
          { name: 'Bia "Lima"; Silva, Jr', phone: undefined, email: 'bia@example.com', cpf: undefined, tags: undefined, createdAt: NOW.toISOString() },
          { name: 'Caio Prado', phone: '+5511912345678', email: undefined, cpf: undefined, tags: undefined, createdAt: NOW.toISOString() },
          { name: 'Edu Sem Compra', phone: undefined, email: undefined, cpf: '11144477735', tags: undefined, createdAt: NOW.toISOString() },
        ]);
      });
    }
  }
});
