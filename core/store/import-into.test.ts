import { describe, expect, it } from 'vitest';
import type { BookChange } from './changes';
import type { ImportBatch, ImportBatchSource, ImportOrderInput } from './import-into';
import { importIntoBook, orderIdOf } from './import-into';
import { openTestBook } from './test-book';
import { NO_CONSENT } from '../model';
import type { Book } from './book';

/** The batches as a source, and how many were pulled. */
function sourceOf(batches: ImportBatch[]): ImportBatchSource & { pulled: number } {
  const source = {
    pulled: 0,
    next: () => batches[source.pulled++] ?? null,
  };
  return source;
}

const order = (line: number, externalId: string | undefined, customer: ImportOrderInput['customer'], total = 10_000, extra: Partial<ImportOrderInput> = {}): ImportOrderInput => ({
  line,
  ...(externalId === undefined ? {} : { externalId }),
  placedAt: `2026-0${(line % 9) + 1}-10T15:00:00.000Z`,
  total,
  currency: 'BRL',
  status: 'paid',
  customer,
  items: [{ name: 'Vestido', quantity: 1, unitPrice: total }],
  ...extra,
});

async function seller(): Promise<{ book: Book; ana: string }> {
  const book = await openTestBook();
  const ana = await book.customers.create({ displayName: 'Ana Souza', identities: [{ kind: 'whatsapp', value: '+55 11 98765-4321' }] });
  return { book, ana: ana.id };
}

const FILE: ImportBatch[] = [
  {
    orders: [
      // Ana, by her phone written another way: her WhatsApp and a phone are one key.
      order(2, '#1001', { name: 'Ana S.', phone: '(11) 98765-4321', email: 'ana@example.com' }, 15_000),
      order(3, '#1002', { name: 'Bruno Lima', email: 'bruno@example.com' }, 8_000),
    ],
    problems: [{ line: 4, column: 'Total', code: 'missing-total', message: 'Total: the total is missing' }],
    done: 100,
  },
  {
    // Bruno again, by the e-mail the first batch gave the new customer; and a buyer known only by CPF.
    orders: [order(5, '#1003', { email: 'BRUNO@example.com', phone: '21 99876-5432' }, 12_000), order(6, '#1004', { name: 'Carla Dias', cpf: '52998224725' }, 5_000)],
    done: 200,
  },
];

describe('importing a file into the book', () => {
  it('matches customers by any contact, creates the others once, and counts what it did', async () => {
    const { book, ana } = await seller();
    const changes: BookChange[] = [];
    book.onChange((change) => changes.push(change));
    const progress: number[] = [];
    const result = await importIntoBook(book, sourceOf(FILE), { source: 'shopify', onProgress: ({ done }) => progress.push(done) });
    expect(result.counts).toEqual({ newCustomers: 2, matchedCustomers: 1, newOrders: 4, updatedOrders: 0, unchangedOrders: 0, rows: 4 });
    expect(result.problems).toEqual([{ line: 4, column: 'Total', code: 'missing-total', message: 'Total: the total is missing' }]);
    expect(progress).toEqual([100, 200]);

    const anaNow = await book.customers.get(ana);
    // She gains the e-mail the file knew; her name stays the seller's.
    expect(anaNow?.displayName).toBe('Ana Souza');
    expect(anaNow?.identities.map((identity) => `${identity.kind}:${identity.value}`)).toEqual(['whatsapp:+5511987654321', 'email:ana@example.com']);
    expect(anaNow?.lastOrderAt).toBe('2026-03-10T15:00:00.000Z');
    expect((await book.orders.listByCustomer(ana)).map((o) => [o.id, o.totalMinor, o.source, o.externalRef])).toEqual([['import:shopify:#1001', 15_000, 'import', 'shopify:#1001']]);

    const [bruno] = await book.customers.findByIdentity('email', 'bruno@example.com');
    expect(bruno?.displayName).toBe('Bruno Lima');
    expect(bruno?.identities.map((identity) => identity.kind)).toEqual(['email', 'phone']);
    expect((await book.orders.listByCustomer(bruno!.id)).map((o) => o.totalMinor)).toEqual([12_000, 8_000]);
    // A customer from a file is as old as their first order in it.
    expect(bruno?.createdAt).toBe('2026-04-10T15:00:00.000Z');

    const [carla] = await book.customers.findByIdentity('cpf', '529.982.247-25');
    expect(carla?.displayName).toBe('Carla Dias');
    expect(changes).toHaveLength(1);
    expect(new Set(changes[0]?.customerIds)).toEqual(new Set([ana, bruno!.id, carla!.id]));
  });

  it('changes nothing when the same file is imported again, and updates an order whose status or total changed', async () => {
    const { book } = await seller();
    await importIntoBook(book, sourceOf(FILE), { source: 'shopify' });
    const before = await book.exportAll();
    const changes: BookChange[] = [];
    book.onChange((change) => changes.push(change));
    const again = await importIntoBook(book, sourceOf(FILE), { source: 'shopify' });
    expect(again.counts).toEqual({ newCustomers: 0, matchedCustomers: 3, newOrders: 0, updatedOrders: 0, unchangedOrders: 4, rows: 4 });
    expect(await book.exportAll()).toEqual(before);
    expect(changes).toEqual([]);

    // The shop refunded Bruno's later order: his last purchase goes back to the one before.
    const refunded: ImportBatch[] = [{ orders: [order(5, '#1003', { email: 'bruno@example.com' }, 12_000, { status: 'refunded' })] }];
    const third = await importIntoBook(book, sourceOf(refunded), { source: 'shopify' });
    expect(third.counts).toMatchObject({ updatedOrders: 1, newOrders: 0, matchedCustomers: 1 });
    const [bruno] = await book.customers.findByIdentity('email', 'bruno@example.com');
    expect(bruno?.lastOrderAt).toBe('2026-04-10T15:00:00.000Z');
    expect((await book.orders.get('import:shopify:#1003'))?.status).toBe('refunded');
  });

  it('counts the same in a dry run and writes nothing', async () => {
    const { book } = await seller();
    const before = await book.exportAll();
    const dry = await importIntoBook(book, sourceOf(FILE), { source: 'shopify', dryRun: true });
    expect(await book.exportAll()).toEqual(before);
    const real = await importIntoBook(book, sourceOf(FILE), { source: 'shopify' });
    expect(dry).toEqual(real);
  });

  it('rolls back whole when cancelled midway or when the file fails, and says why', async () => {
    const { book } = await seller();
    const before = await book.exportAll();
    const controller = new AbortController();
    const batches = [...FILE, { orders: [order(9, '#2000', { name: 'Depois' })] }];
    const source = sourceOf(batches);
    const pulling = { next: () => (source.pulled === 2 ? (controller.abort(), source.next()) : source.next()) };
    await expect(importIntoBook(book, pulling, { source: 'shopify', signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(await book.exportAll()).toEqual(before);

    const broken = { next: () => (source.pulled > 0 ? (() => { throw new Error('disk went away'); })() : source.next()) };
    source.pulled = 0;
    await expect(importIntoBook(book, broken, { source: 'shopify' })).rejects.toThrow('disk went away');
    expect(await book.exportAll()).toEqual(before);
  });

  it('keeps the first problems it is asked to and counts them all, however many one batch hands over', async () => {
    const { book } = await seller();
    // A spreadsheet's reader hands every problem of the sheet over with its first batch.
    const problems = Array.from({ length: 200_000 }, (_, i) => ({ line: i + 2, column: 'Total', code: 'missing-total' as const, value: `linha ${i}`, message: 'Total: the total is missing' }));
    const result = await importIntoBook(book, sourceOf([{ orders: [order(200_002, '#1', { name: 'Ana Souza' })], problems }]), { source: 'generic', keepProblems: 3 });
    expect(result.problemCount).toBe(200_000);
    expect(result.problems.map((problem) => [problem.line, problem.value])).toEqual([
      [2, 'linha 0'],
      [3, 'linha 1'],
      [4, 'linha 2'],
    ]);
    expect(result.counts).toMatchObject({ matchedCustomers: 1, newOrders: 1 });
  });

  it('reports a row it cannot take with its line, code and value, and imports the rest', async () => {
    const { book } = await seller();
    const rows: ImportBatch[] = [
      {
        orders: [
          order(2, 'A', {}, 1_000),
          order(3, 'B', { name: 'Duda', phone: '12' }, 2_000),
          order(4, 'C', { name: 'Eva' }, 3_000, { currency: 'reais' }),
          order(5, 'D', { name: 'Eva' }, 4_000),
        ],
      },
    ];
    const result = await importIntoBook(book, sourceOf(rows), { source: 'generic' });
    expect(result.problems).toEqual([
      { line: 2, code: 'no-customer', message: 'The row names no customer: no name, e-mail, phone or CPF' },
      { line: 3, code: 'not-a-phone', value: '12', message: '"12" is not a phone number: the row was imported without it' },
      { line: 4, code: 'invalid-field', value: 'reais', message: expect.stringMatching(/^currency /) },
    ]);
    expect(result.counts).toMatchObject({ newCustomers: 2, newOrders: 2 });
    expect((await book.customers.list()).map((customer) => customer.displayName).sort()).toEqual(['Ana Souza', 'Duda', 'Eva']);
  });

  it('joins rows known only by a name to the one customer with that name, and to no one when two share it', async () => {
    const { book } = await seller();
    await book.customers.create({ displayName: 'Zé Lima' });
    await book.customers.create({ displayName: 'Zé Lima' });
    const rows: ImportBatch[] = [{ orders: [order(2, '1', { name: 'ana souza' }), order(3, '2', { name: 'Zé Lima' }), order(4, '3', { name: 'Zé Lima' })] }];
    const result = await importIntoBook(book, sourceOf(rows), { source: 'woocommerce' });
    expect(result.counts).toMatchObject({ matchedCustomers: 1, newCustomers: 1, newOrders: 3 });
    expect((await book.customers.list()).filter((customer) => customer.displayName === 'Zé Lima')).toHaveLength(3);
  });

  it('writes a customer it creates as the seller adding them would, as old as their first order, with what later rows add', async () => {
    const { book } = await seller();
    const rows: ImportBatch[] = [
      { orders: [order(6, '6', { name: 'Gil Souza', phone: '(11) 91234-5678' }, 2_000)] },
      { customers: [{ line: 2, name: 'Gil Souza', phone: '11 91234-5678', city: 'Santos' }] },
      { orders: [order(2, '2', { phone: '+55 11 91234-5678', email: 'Gil@Example.com' }, 1_000), order(7, '7', { email: 'gil@example.com' }, 3_000, { status: 'cancelled' })] },
    ];
    const result = await importIntoBook(book, sourceOf(rows), { source: 'generic' });
    expect(result.counts).toMatchObject({ newCustomers: 1, matchedCustomers: 0, newOrders: 3 });
    const [gil] = await book.customers.findByIdentity('phone', '11 91234-5678');
    const firstSeen = '2026-07-10T15:00:00.000Z';
    expect(gil).toEqual({
      id: gil?.id,
      displayName: 'Gil Souza',
      identities: [
        { kind: 'phone', value: '+5511912345678', raw: '(11) 91234-5678', addedAt: firstSeen },
        { kind: 'email', value: 'gil@example.com', raw: 'Gil@Example.com', addedAt: '2026-11-22T12:00:00.000Z' },
      ],
      tagIds: [],
      funnelStage: null,
      customFields: { Cidade: 'Santos' },
      consent: NO_CONSENT,
      notesCount: 0,
      lastOrderAt: firstSeen,
      createdAt: '2026-03-10T15:00:00.000Z',
      updatedAt: '2026-11-22T12:00:00.000Z',
      archivedAt: null,
      merges: [],
    });
  });

  it('keeps orders numbered alike apart (7, 007) and knows numbered orders again on the next import', async () => {
    const { book } = await seller();
    const numbered = (total: number): ImportBatch[] => [{ orders: ['7', '007', '100523', '7.0'].map((id, index) => order(index + 2, id, { name: 'Hugo' }, id === '7' ? total : 1_000)) }];
    expect((await importIntoBook(book, sourceOf(numbered(1_000)), { source: 'generic' })).counts).toMatchObject({ newOrders: 4, newCustomers: 1 });
    expect((await book.orders.get('import:generic:007'))?.totalMinor).toBe(1_000);
    expect((await importIntoBook(book, sourceOf(numbered(1_000)), { source: 'generic' })).counts).toMatchObject({ newOrders: 0, unchangedOrders: 4, updatedOrders: 0 });
    expect((await importIntoBook(book, sourceOf(numbered(5_000)), { source: 'generic' })).counts).toMatchObject({ newOrders: 0, unchangedOrders: 3, updatedOrders: 1 });
    expect((await book.orders.get('import:generic:7'))?.totalMinor).toBe(5_000);
  });

  it('finds the same customers and orders through the indexes as by reading the whole book first', async () => {
    const steps: [string, ImportBatch[]][] = [
      ['shopify', FILE],
      ['shopify', FILE],
      ['shopify', [{ orders: [order(5, '#1003', { email: 'bruno@example.com' }, 12_000, { status: 'refunded' })] }]],
      // An order named again in a later batch of one import (its last row wins), and a contact that is not one.
      ['shopify', [{ orders: [order(2, '#9', { name: 'Iva', email: 'iva@example.com' })] }, { orders: [order(3, '#9', { email: 'IVA@example.com', phone: '12' }, 2_000)] }]],
      // Known by a name alone: the one customer with it, or nobody when two share it.
      ['woocommerce', [{ orders: [order(2, '1', { name: 'ana souza' }), order(3, '2', { name: 'Zé Lima' }), order(4, '3', { name: 'Nova Pessoa' }), order(5, '4', { name: 'nova pessoa' })] }]],
    ];
    const outcomes = [];
    for (const lookup of ['whole-book', 'indexed'] as const) {
      const { book } = await seller();
      await book.customers.create({ displayName: 'Zé Lima' });
      await book.customers.create({ displayName: 'Zé Lima', identities: [{ kind: 'email', value: 'ze@example.com' }] });
      const results = [];
      for (const [source, batches] of steps) results.push(await importIntoBook(book, sourceOf(batches), { source, lookup }));
      const customers = await book.customers.list();
      const nameOf = new Map(customers.map((customer) => [customer.id, customer.displayName]));
      const { orders } = await book.exportAll();
      outcomes.push({
        results,
        customers: customers.map((c) => `${c.displayName} ${c.identities.map((i) => i.value).join(',')} ${c.lastOrderAt} ${c.createdAt}`).sort(),
        orders: orders.map((o) => `${o.id} ${nameOf.get(o.customerId)} ${o.status} ${o.totalMinor}`).sort(),
      });
    }
    expect(outcomes[1]).toEqual(outcomes[0]);
    expect(outcomes[0]?.orders).toHaveLength(9);
  });

  it('writes nothing and names the problem when asked for all or nothing, and records where the orders came from', async () => {
    const { book } = await seller();
    const before = await book.exportAll();
    const rows: ImportBatch[] = [{ orders: [order(2, '#1', { name: 'Duda', email: 'duda@example.com' }), order(3, '#2', { name: 'Eva', phone: '12' })] }];
    await expect(importIntoBook(book, sourceOf(rows), { source: 'shopify', allOrNothing: true, lookup: 'indexed' })).rejects.toThrowError(/not-a-phone: "12" is not a phone number/);
    expect(await book.exportAll()).toEqual(before);

    await importIntoBook(book, sourceOf([{ orders: rows[0]?.orders?.slice(0, 1) }]), { source: 'shopify', allOrNothing: true, lookup: 'indexed', orderSource: 'store-page' });
    expect(await book.orders.get('import:shopify:#1')).toMatchObject({ source: 'store-page', channel: 'store', externalRef: 'shopify:#1' });
  });

  it('gives an order without the file’s own id an id made of its customer, time and total', () => {
    const row = { placedAt: '2026-01-02T03:04:05.000Z', total: 100, currency: 'BRL' };
    expect(orderIdOf('generic', row, 'c1')).toBe(orderIdOf('generic', { ...row }, 'c1'));
    expect(orderIdOf('generic', row, 'c1')).not.toBe(orderIdOf('generic', { ...row, total: 101 }, 'c1'));
    expect(orderIdOf('shopify', { ...row, externalId: `#${'9'.repeat(120)}` }, 'c1').length).toBeLessThanOrEqual(100);
  });
});
