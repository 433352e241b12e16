import { describe, expect, it } from 'vitest';
import { openTestBook } from '../../core/store/test-book';
import { BookTableService } from './book-table-service';
import { CustomerSearch } from './customer-search';
import { INSIGHT_CONTEXT_KEY, InsightService, StoredInsights, type StoredBookContext } from './insights';

const NOW = new Date('2026-11-22T12:00:00.000Z');
const day = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString();

/** 40 paying customers with spread-out habits, so the book's RFM quintiles mean something. */
async function bookWithBuyers() {
  const book = await openTestBook(NOW);
  for (let i = 0; i < 40; i++) {
    const customer = await book.customers.create({ displayName: `Cliente ${i}` });
    for (let k = 0; k <= i % 5; k++) await book.orders.add({ customerId: customer.id, placedAt: day(5 + i * 3 + k * 20), totalMinor: 1000 * (1 + (i % 7)), currency: 'BRL' });
  }
  return book;
}

describe('insight cut points: computed by the background, read by the frames', () => {
  it('stores the book-wide cut points, and a frame judges a customer against them exactly as the background does', async () => {
    const book = await bookWithBuyers();
    const background = new InsightService(book, { mainCurrency: 'BRL', timeZone: 'UTC' }, () => NOW);
    const frame = new StoredInsights(book, { mainCurrency: 'BRL', timeZone: 'UTC' }, () => NOW);
    // A recent, frequent buyer (5 orders, the last 17 days ago): among the 40 they score high, while alone every
    // buyer scores the same (customers have random ids, so the first one listed could be any of them).
    const someone = (await book.customers.list()).find((customer) => customer.displayName === 'Cliente 4');
    const orders = await book.orders.listByCustomer(someone!.id);
    const alone = await frame.insightFor(someone!, orders, [], 'pt-BR');

    const context = await background.recompute();
    const stored = await book.meta.get<StoredBookContext>(INSIGHT_CONTEXT_KEY);
    expect(stored?.computedAt).toBe(NOW.toISOString());
    expect(stored?.context.scoredCustomers).toBe(40);
    expect(stored?.context.rfmCutPoints).toEqual(context.rfmCutPoints);

    const judged = await frame.insightFor(someone!, orders, [], 'pt-BR');
    expect(judged).toEqual(await background.insightFor(someone!, orders, [], 'pt-BR'));
    // Alone, a buyer is their own quintile; against the book they are scored among 40.
    expect(alone.rfm?.scores).toBe('R1 F1 M1');
    expect(judged.rfm?.scores).toMatch(/^R5 F5 /);
  });

  it('a worker that wakes with recent cut points does not reload the book; stale ones are recomputed', async () => {
    const book = await bookWithBuyers();
    await book.meta.set(INSIGHT_CONTEXT_KEY, { computedAt: day(0.01), context: { marker: 'recent' } });
    let reads = 0;
    const exportAll = book.exportAll.bind(book);
    book.exportAll = async () => {
      reads += 1;
      return exportAll();
    };
    await new InsightService(book, { mainCurrency: 'BRL', timeZone: 'UTC' }, () => NOW).ensureFresh();
    expect(reads).toBe(0);
    await book.meta.set(INSIGHT_CONTEXT_KEY, { computedAt: day(1), context: { marker: 'old' } });
    await new InsightService(book, { mainCurrency: 'BRL', timeZone: 'UTC' }, () => NOW).ensureFresh();
    expect(reads).toBe(1);
    expect((await book.meta.get<StoredBookContext>(INSIGHT_CONTEXT_KEY))?.context.scoredCustomers).toBe(40);
  });

  it('after writes, the changed customers count in the recomputed cut points', async () => {
    const book = await bookWithBuyers();
    const service = new InsightService(book, { mainCurrency: 'BRL', timeZone: 'UTC' }, () => NOW);
    await service.recompute();
    const newcomer = await book.customers.create({ displayName: 'Nova' });
    await book.orders.add({ customerId: newcomer.id, placedAt: day(1), totalMinor: 99_000, currency: 'BRL' });
    service.changed([newcomer.id]);
    const context = await service.recompute();
    expect(context.scoredCustomers).toBe(41);
  });
});

describe('a frame’s cut points', () => {
  it('are read from the book once, and again after the background stores new ones', async () => {
    const book = await bookWithBuyers();
    const background = new InsightService(book, { mainCurrency: 'BRL', timeZone: 'UTC' }, () => NOW);
    await background.recompute();
    let reads = 0;
    const get = book.meta.get.bind(book.meta);
    book.meta.get = (async (key: string) => {
      reads += 1;
      return get(key);
    }) as typeof book.meta.get;
    const frame = new StoredInsights(book, { mainCurrency: 'BRL', timeZone: 'UTC' }, () => NOW);
    const [someone] = await book.customers.list();
    for (let i = 0; i < 3; i++) await frame.insightFor(someone!, [], [], 'pt-BR');
    expect(reads).toBe(1);
    await background.recompute();
    await frame.insightFor(someone!, [], [], 'pt-BR');
    expect(reads).toBe(2);
  });
});

describe('cut points from the background’s one engine (its customer table)', () => {
  it('are the ones computed from the book, without the service reading the book, and follow writes', async () => {
    const book = await bookWithBuyers();
    const own = await new InsightService(book, { mainCurrency: 'BRL', timeZone: 'UTC' }, () => NOW).recompute();
    const table = new BookTableService(book, new CustomerSearch(book), { mainCurrency: 'BRL', timeZone: 'UTC', locale: 'pt-BR', now: () => NOW });
    book.onChange((change) => table.changed(change));
    let reads = 0;
    const exportAll = book.exportAll.bind(book);
    book.exportAll = async () => {
      reads += 1;
      return exportAll();
    };
    const service = new InsightService(book, { mainCurrency: 'BRL', timeZone: 'UTC' }, () => NOW, () => table.bookContext());
    const context = await service.recompute();
    expect(reads).toBe(0);
    expect(context).toEqual(own);
    expect((await book.meta.get<StoredBookContext>(INSIGHT_CONTEXT_KEY))?.context).toEqual(own);

    const newcomer = await book.customers.create({ displayName: 'Nova' });
    await book.orders.add({ customerId: newcomer.id, placedAt: day(1), totalMinor: 99_000, currency: 'BRL' });
    service.changed([newcomer.id]);
    expect((await service.recompute()).scoredCustomers).toBe(41);
    expect(reads).toBe(0);
  });
});
