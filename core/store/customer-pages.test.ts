import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Customer } from '../model';
import { customer as buildCustomer } from '../segments/testing/builders';
import { Book } from './book';
import { ChangeFeed } from './changes';
import type { StoreContext } from './context';
import { countCustomers, customerPage, type CustomerCursor, type CustomerOrder, type CustomerPageQuery, type SortDirection } from './customer-pages';
import { sortNameOf } from './customer-rows';
import { openBookDatabase } from './open';
import { testBookName } from './test-book';

const NOW = new Date('2026-11-29T12:00:00.000Z');

async function openContext(): Promise<{ context: StoreContext; book: Book }> {
  const name = testBookName();
  const context: StoreContext = { db: await openBookDatabase({ name }), changes: new ChangeFeed(name), now: () => NOW, defaultCountry: 'BR' };
  return { context, book: new Book(context) };
}

const JAN_1 = '2026-01-01T00:00:00.000Z';

/** A customer named by their id (names are what these pages sort by). */
function customer(id: string, fields: Partial<Customer> = {}): Customer {
  return buildCustomer(id, { displayName: id, createdAt: JAN_1, updatedAt: JAN_1, ...fields });
}

async function bookOf(customers: Customer[]) {
  const opened = await openContext();
  await opened.book.replaceAll({ tags: [], customers, orders: [], notes: [], feedback: [], followUps: [], segments: [], quickReplies: [] });
  return opened;
}

/** The order the spec promises, computed in memory. */
function expected(customers: Customer[], query: Omit<CustomerPageQuery, 'limit' | 'after'>): string[] {
  const kept = customers.filter((c) => (query.includeArchived || c.archivedAt === null) && (!query.tagId || c.tagIds.includes(query.tagId)));
  const by = (key: (c: Customer) => string, direction: SortDirection) => (a: Customer, b: Customer) => {
    const [x, y] = [key(a), key(b)];
    const order = x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    return direction === 'asc' ? order : -order;
  };
  const name = (c: Customer) => sortNameOf(c.displayName);
  if (query.orderBy === 'name') return kept.sort(by(name, query.direction)).map((c) => c.id);
  if (query.orderBy === 'createdAt') return kept.sort(by((c) => c.createdAt, query.direction)).map((c) => c.id);
  const bought = kept.filter((c) => c.lastOrderAt !== null).sort(by((c) => c.lastOrderAt as string, query.direction));
  const never = kept.filter((c) => c.lastOrderAt === null).sort(by(name, 'asc'));
  return [...bought, ...never].map((c) => c.id);
}

/** Every page, one after another, as a screen would ask for them. */
async function pageThrough(context: StoreContext, query: Omit<CustomerPageQuery, 'after'>, smallTag?: number): Promise<string[][]> {
  const pages: string[][] = [];
  let after: CustomerCursor | null = null;
  for (let guard = 0; guard < 500; guard++) {
    const page = await customerPage(context, { ...query, after }, smallTag);
    pages.push(page.customers.map((c) => c.id));
    if (!page.next) return pages;
    after = page.next;
  }
  throw new Error('The pages never ended');
}

describe('customer pages from indexes', () => {
  it('sorts names folded: accents and case aside, "Álvaro" beside "alvaro"', async () => {
    const { context, book } = await bookOf([customer('1', { displayName: 'Bruno' }), customer('2', { displayName: ' álvaro' }), customer('3', { displayName: 'Alvaro' }), customer('4', { displayName: 'Zé' }), customer('5', { displayName: 'ana' })]);
    const page = await customerPage(context, { orderBy: 'name', direction: 'asc', limit: 10 });
    expect(page.customers.map((c) => c.displayName)).toEqual([' álvaro', 'Alvaro', 'ana', 'Bruno', 'Zé']);
    expect(page.next).toBeNull();
    // The sort key is the database's: the customer handed out is the model, and a backup never carries the key.
    expect(page.customers[0]).not.toHaveProperty('sortName');
    expect((await book.exportAll()).customers[0]).not.toHaveProperty('sortName');
    expect((await book.exportAll()).customers[0]).not.toHaveProperty('neverBoughtName');
  });

  it('puts customers who never bought last in both directions of last purchase, by name', async () => {
    const { context } = await bookOf([
      customer('a', { displayName: 'Caio' }),
      customer('b', { displayName: 'Ana', lastOrderAt: '2026-03-01T00:00:00.000Z' }),
      customer('c', { displayName: 'Bia', lastOrderAt: '2026-05-01T00:00:00.000Z' }),
      customer('d', { displayName: 'Beto' }),
    ]);
    const names = async (direction: SortDirection) => (await customerPage(context, { orderBy: 'lastOrderAt', direction, limit: 10 })).customers.map((c) => c.displayName);
    expect(await names('asc')).toEqual(['Ana', 'Bia', 'Beto', 'Caio']);
    expect(await names('desc')).toEqual(['Bia', 'Ana', 'Beto', 'Caio']);
  });

  it('moves a customer between the bought and never-bought parts as orders come and go', async () => {
    const { context, book } = await openContext();
    const ana = await book.customers.create({ displayName: 'Ana' });
    await book.customers.create({ displayName: 'Bia' });
    const order = await book.orders.add({ customerId: ana.id, placedAt: '2026-10-01T10:00:00Z', totalMinor: 100, currency: 'BRL' });
    const first = async () => (await customerPage(context, { orderBy: 'lastOrderAt', direction: 'desc', limit: 1 })).customers[0]?.displayName;
    expect(await first()).toBe('Ana');
    await book.orders.remove(order.id);
    expect(await first()).toBe('Ana'); // now among those who never bought, by name: Ana before Bia
    await book.customers.update(ana.id, { displayName: 'Zuleica' });
    expect(await first()).toBe('Bia');
  });

  it('pages through ties on the sort key without a duplicate or a gap', async () => {
    // 30 customers created in the same instant (as a bulk import does): the key ties everywhere, ids decide.
    const { context } = await bookOf(Array.from({ length: 30 }, (_, i) => customer(`c${String(i).padStart(2, '0')}`, { displayName: i % 2 ? 'Ana' : 'Bia' })));
    for (const direction of ['asc', 'desc'] as const) {
      for (const orderBy of ['createdAt', 'name'] as const) {
        const pages = await pageThrough(context, { orderBy, direction, limit: 7 });
        expect(pages.flat()).toEqual(expected(await exportCustomers(context), { orderBy, direction }));
        expect(pages.slice(0, -1).every((page) => page.length === 7)).toBe(true);
      }
    }
  });

  it('starts after the cursor row even when that row was deleted meanwhile', async () => {
    const { context, book } = await bookOf(['a', 'b', 'c', 'd'].map((id) => customer(id, { displayName: 'Same' })));
    const first = await customerPage(context, { orderBy: 'name', direction: 'asc', limit: 2 });
    expect(first.customers.map((c) => c.id)).toEqual(['a', 'b']);
    await book.erase('b');
    expect((await customerPage(context, { orderBy: 'name', direction: 'asc', limit: 2, after: first.next })).customers.map((c) => c.id)).toEqual(['c', 'd']);
  });

  it('rejects a cursor from another order, naming it', async () => {
    const { context } = await bookOf([customer('a')]);
    await expect(customerPage(context, { orderBy: 'name', direction: 'asc', limit: 2, after: ['createdAt', 'x', 'a'] })).rejects.toThrow(/^after: /);
  });

  it('pages any book in any order to the end, filtered or not, exactly as sorted in memory (property)', async () => {
    const names = ['Ana', 'ana', 'Ána', 'Bia', 'Caio', 'Zé'];
    const instants = ['2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z'];
    const row = fc.record({
      displayName: fc.constantFrom(...names),
      lastOrderAt: fc.option(fc.constantFrom(...instants), { nil: null }),
      createdAt: fc.constantFrom(...instants),
      archivedAt: fc.option(fc.constant('2026-04-01T00:00:00.000Z'), { nil: null }),
      tagIds: fc.subarray(['t1', 't2']),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { maxLength: 25 }),
        fc.constantFrom<CustomerOrder>('name', 'lastOrderAt', 'createdAt'),
        fc.constantFrom<SortDirection>('asc', 'desc'),
        fc.integer({ min: 1, max: 6 }),
        fc.boolean(),
        fc.option(fc.constantFrom('t1', 't2'), { nil: undefined }),
        fc.boolean(),
        async (rows, orderBy, direction, limit, includeArchived, tagId, walk) => {
          const customers = rows.map((fields, i) => customer(`id-${String(i).padStart(2, '0')}`, fields));
          const { context, book } = await bookOf(customers);
          // `walk` forces the tag filter through the sort index instead of the small-tag read.
          const pages = await pageThrough(context, { orderBy, direction, limit, includeArchived, tagId }, walk ? 0 : undefined);
          expect(pages.flat()).toEqual(expected(customers, { orderBy, direction, includeArchived, tagId }));
          expect(pages.slice(0, -1).every((page) => page.length === limit)).toBe(true);
          book.close();
        },
      ),
      { numRuns: 60 },
    );
  });

  it('counts from indexes: active, archived, all, and within a tag', async () => {
    const { context, book } = await bookOf([
      customer('a', { tagIds: ['vip'] }),
      customer('b', { tagIds: ['vip'], archivedAt: '2026-04-01T00:00:00.000Z' }),
      customer('c', { archivedAt: '2026-04-01T00:00:00.000Z' }),
      customer('d'),
    ]);
    expect(await countCustomers(context)).toBe(2);
    expect(await countCustomers(context, { includeArchived: true })).toBe(4);
    expect(await countCustomers(context, { archivedOnly: true })).toBe(2);
    expect(await countCustomers(context, { tagId: 'vip' })).toBe(1);
    expect(await countCustomers(context, { tagId: 'vip', includeArchived: true })).toBe(2);
    expect(await countCustomers(context, { tagId: 'vip', archivedOnly: true })).toBe(1);
    expect(await book.customers.countBy({ tagId: 'nobody' })).toBe(0);
  });
});

async function exportCustomers(context: StoreContext): Promise<Customer[]> {
  return new Book(context).exportAll().then((contents) => contents.customers);
}
