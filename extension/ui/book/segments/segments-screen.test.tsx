// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Book, NewOrder } from '../../../../core';
import { openTestBook } from '../../../../core/store/test-book';
import { BookProvider } from '../app/book-context';
import { queryFromParams } from '../customers/table-route';
import { localBackground } from '../testing/local-background';
import { RFM_MIN_PAYING, SegmentsScreen } from './segments-screen';

const NOW = new Date('2026-11-29T12:00:00.000Z');
const DAY = 86_400_000;

let book: Book;
beforeEach(async () => {
  book = await openTestBook(NOW);
});
afterEach(() => {
  cleanup();
  book.close();
});

/**
 * `paying` customers, customer i buying on (i % 6) + 1 different days, the last one i × 5 days ago, so recency and
 * frequency spread over the grid; plus two who never bought and one archived buyer (left out of every count).
 */
async function seed(paying: number) {
  const buyers = await book.customers.createMany(Array.from({ length: paying }, (_, i) => ({ displayName: `Cliente ${i}` })));
  await book.customers.createMany([{ displayName: 'Sem compra 1' }, { displayName: 'Sem compra 2' }]);
  const [archived] = await book.customers.createMany([{ displayName: 'Arquivada' }]);
  const orders: NewOrder[] = [];
  buyers.forEach((customer, i) => {
    for (let k = 0; k <= i % 6; k++) {
      orders.push({ customerId: customer.id, placedAt: new Date(NOW.getTime() - (i * 5 + k * 20) * DAY).toISOString(), status: 'paid', currency: 'BRL', totalMinor: 1_000 * (i + 1), items: [] });
    }
  });
  orders.push({ customerId: archived!.id, placedAt: new Date(NOW.getTime() - DAY).toISOString(), status: 'paid', currency: 'BRL', totalMinor: 5_000, items: [] });
  await book.orders.addMany(orders);
  await book.customers.updateMany([archived!.id], { kind: 'archive', archived: true });
}

function mount() {
  const background = localBackground(book, NOW);
  render(
    <BookProvider book={book} background={background} locale="pt-BR" timeZone="America/Sao_Paulo">
      <SegmentsScreen />
    </BookProvider>,
  );
  return background;
}

describe('Segmentos', () => {
  it('counts activity and lifecycle, and lays the paying customers on the RFM grid, each cell opening exactly its customers', async () => {
    await seed(40);
    const background = mount();
    const grid = await screen.findByTestId('rfm-grid');
    expect(screen.getByTestId('segments').textContent).toContain('42 clientes na agenda, 40 com compras');
    const links = within(grid).getAllByRole('link');
    const counts = links.map((link) => Number(link.textContent));
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(40);
    // Every cell's count is what its link opens: the Clientes table's total for that address.
    for (const link of links) {
      const query = queryFromParams(new URLSearchParams(link.getAttribute('href')?.split('?')[1]));
      expect(query.filters.rfmCells).toHaveLength(1);
      const opened = await background.ask({ type: 'table/query', ...query, offset: 0, limit: 1 });
      expect(opened.total, link.getAttribute('aria-label') ?? '').toBe(Number(link.textContent));
    }
    // Activity: every customer in one group; the prospects are the two who never bought.
    const activity = screen.getByRole('table', { name: 'Atividade' });
    const activityTotal = within(activity)
      .getAllByRole('row')
      .slice(1)
      .map((row) => Number(row.querySelector('.count')?.textContent))
      .reduce((sum, count) => sum + count, 0);
    expect(activityTotal).toBe(42);
    expect(within(activity).getByRole('link', { name: '2' }).getAttribute('href')).toBe('#/clientes?atividade=prospect');
    expect(screen.queryByTestId('rfm-small-book')).toBeNull();
  });

  it('says RFM means nothing yet in a small book, and shows activity instead of a grid', async () => {
    await seed(RFM_MIN_PAYING - 1);
    mount();
    const note = await screen.findByTestId('rfm-small-book');
    expect(note.textContent).toContain(`Com ${RFM_MIN_PAYING - 1} clientes que compraram`);
    expect(screen.queryByTestId('rfm-grid')).toBeNull();
    expect(screen.queryByRole('table', { name: 'Grupos RFM' })).toBeNull();
    expect(screen.getByRole('table', { name: 'Atividade' })).toBeTruthy();
  });

  it('follows the table when a customer buys for the first time', async () => {
    await seed(RFM_MIN_PAYING);
    mount();
    await waitFor(() => expect(screen.getByTestId('segments').textContent).toContain('30 com compras'));
    const [newcomer] = await book.customers.createMany([{ displayName: 'Nova' }]);
    await book.orders.addMany([{ customerId: newcomer!.id, placedAt: NOW.toISOString(), status: 'paid', currency: 'BRL', totalMinor: 900, items: [] }]);
    await waitFor(() => expect(screen.getByTestId('segments').textContent).toContain('31 com compras'));
  });
});
