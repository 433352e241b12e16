// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Book, CustomerRow } from '../../../../core';
import { openTestBook } from '../../../../core/store/test-book';
import type { BookRequest, BookResponses } from '../../../messaging/protocol';
import { BookProvider, type BackgroundClient } from '../app/book-context';
import { NoticeArea } from '../app/notice-area';
import { useRoute } from '../app/router';
import { localBackground } from '../testing/local-background';
import { CustomerTable } from './customer-table';
import { GridRow } from './grid-row';

const NOW = new Date('2026-11-29T12:00:00.000Z');
const TOTAL = 10_000;

/** A background whose table has TOTAL customers, answering every window from arithmetic (no book behind it). */
function fakeBackground() {
  const asked: BookRequest[] = [];
  const row = (index: number): CustomerRow => ({
    id: `c${index}`,
    name: `Cliente ${index}`,
    contacts: [{ kind: 'phone', value: `+5511900${String(index).padStart(6, '0')}`, raw: `(11) 900${index}` }],
    tagIds: [],
    activity: 'active',
    segment: 'champions',
    stage: 'repeat',
    funnelStage: null,
    lastPurchaseAt: '2026-11-28T01:30:00.000Z',
    totalSpent: [{ currency: 'BRL', minor: 123_456 }],
    orders: 3,
    predictedValue: null,
    probabilityAlive: null,
    archived: false,
    rfmCell: 55,
  });
  const background: BackgroundClient = {
    async ask(request) {
      asked.push(request);
      const answer = (): BookResponses[keyof BookResponses] => {
        if (request.type === 'table/query') {
          const offset = request.offset ?? 0;
          const limit = request.limit ?? 100;
          return { total: TOTAL, version: 1, predictions: 'pending', rows: Array.from({ length: Math.max(0, Math.min(limit, TOTAL - offset)) }, (_, i) => row(offset + i)) };
        }
        if (request.type === 'table/ids') return { ids: Array.from({ length: TOTAL }, (_, i) => `c${i}`), version: 1 };
        if (request.type === 'table/facets') return { total: TOTAL, activity: { active: TOTAL }, segments: {}, stages: {}, funnelStages: {}, tags: {}, channels: { phone: TOTAL }, rfmCells: { 55: TOTAL }, version: 1 };
        throw new Error(`not asked in this test: ${request.type}`);
      };
      return answer() as never;
    },
    watchTable: () => undefined,
  };
  return { background, asked };
}

function Routed() {
  return <CustomerTable route={useRoute()} />;
}

let book: Book;
beforeEach(async () => {
  book = await openTestBook(NOW);
  history.replaceState(null, '', '/book.html#/clientes');
});
afterEach(() => {
  cleanup();
  book.close();
});

function mount(background: BackgroundClient) {
  return render(
    <BookProvider book={book} background={background} locale="pt-BR" timeZone="America/Sao_Paulo">
      <NoticeArea />
      <Routed />
    </BookProvider>,
  );
}

const grid = () => screen.getByRole('grid');
const dataRows = () => [...grid().querySelectorAll('[role="row"][data-index]')];
const activeCell = () => document.activeElement as HTMLElement;

describe('the customer table', () => {
  it('draws only the rows in view of 10,000, with their place in the whole list', async () => {
    const { background, asked } = fakeBackground();
    mount(background);
    await waitFor(() => expect(grid().getAttribute('data-table-version')).toBe('1'));
    expect(grid().getAttribute('aria-rowcount')).toBe(String(TOTAL + 1));
    expect(screen.getByTestId('table-total').textContent).toBe('10.000 clientes');
    const drawn = dataRows();
    expect(drawn.length).toBeGreaterThan(10);
    expect(drawn.length).toBeLessThan(60);
    expect(drawn[0]?.getAttribute('aria-rowindex')).toBe('2');
    // Values in the seller's words, money and dates their way.
    expect(drawn[0]?.textContent).toContain('Cliente 0');
    expect(drawn[0]?.textContent).toMatch(/R\$\s1\.234,56/);
    expect(drawn[0]?.textContent).toContain('27/11/2026');
    expect(drawn[0]?.textContent).toContain('calculando…');
    // One block of rows answered the whole screen.
    expect(asked.filter((request) => request.type === 'table/query')).toHaveLength(1);
  });

  it('sorts by a column on click, then the other way, saying so with aria-sort and in the address', async () => {
    const { background, asked } = fakeBackground();
    mount(background);
    await waitFor(() => expect(grid().getAttribute('data-table-version')).toBe('1'));
    const header = () => screen.getByRole('columnheader', { name: /Total gasto/ });
    fireEvent.click(screen.getByRole('button', { name: /Total gasto/ }));
    await waitFor(() => expect(header().getAttribute('aria-sort')).toBe('ascending'));
    expect(location.hash).toBe('#/clientes?ordem=totalSpent.asc');
    await waitFor(() => expect(asked.at(-1)).toMatchObject({ type: 'table/query', sort: { column: 'totalSpent', direction: 'asc' }, offset: 0 }));
    fireEvent.click(screen.getByRole('button', { name: /Total gasto/ }));
    await waitFor(() => expect(asked.at(-1)).toMatchObject({ type: 'table/query', sort: { column: 'totalSpent', direction: 'desc' } }));
    expect(header().getAttribute('aria-sort')).toBe('descending');
    expect(screen.getByRole('columnheader', { name: /Nome/ }).getAttribute('aria-sort')).toBe('none');
  });

  it('moves with the arrows and End, selects with space, clears with Escape, opens with Enter, searches with /', async () => {
    const { background } = fakeBackground();
    mount(background);
    await waitFor(() => expect(grid().getAttribute('data-table-version')).toBe('1'));
    const first = grid().querySelector<HTMLElement>('[data-index="0"] [data-active-cell]');
    first?.focus();
    expect(activeCell()).toBe(first);
    fireEvent.keyDown(activeCell(), { key: 'ArrowDown' });
    // In the draw the key caused, not a later one: in a browser nothing may draw again for a while, and the keys
    // that follow would go to the page instead of the grid.
    expect(activeCell().closest('[role="row"]')?.getAttribute('aria-rowindex')).toBe('3');
    fireEvent.keyDown(activeCell(), { key: ' ' });
    await waitFor(() => expect(activeCell().closest('[role="row"]')?.getAttribute('aria-selected')).toBe('true'));
    expect(screen.getByTestId('selection-bar').textContent).toContain('1 selecionado');
    fireEvent.keyDown(activeCell(), { key: 'End' });
    await waitFor(() => expect(activeCell().closest('[role="row"]')?.getAttribute('aria-rowindex')).toBe(String(TOTAL + 1)));
    await waitFor(() => expect(activeCell().textContent).toBe(`Cliente ${TOTAL - 1}`));
    fireEvent.keyDown(activeCell(), { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('selection-bar')).toBeNull());
    fireEvent.keyDown(activeCell(), { key: 'Enter' });
    await waitFor(() => expect(location.hash).toBe(`#/clientes/c${TOTAL - 1}`));
    history.replaceState(null, '', '/book.html#/clientes');
    fireEvent.keyDown(document.body, { key: '/' });
    expect(document.activeElement).toBe(screen.getByLabelText('Buscar clientes'));
  });

  it('keeps the latest keystroke’s search in the address and asks for it; the counts once a filter is reached', async () => {
    const { background, asked } = fakeBackground();
    mount(background);
    await waitFor(() => expect(grid().getAttribute('data-table-version')).toBe('1'));
    // No count is asked until the seller reaches for a filter.
    expect(asked.filter((request) => request.type === 'table/facets')).toEqual([]);
    fireEvent.focusIn(document.querySelector('#filter-activity') as HTMLElement);
    await waitFor(() => expect(screen.getByRole('option', { name: /^Ativo .*10\.000/ })).toBeTruthy());
    // A CPF names a customer but reaches no one: the channel filter does not offer it.
    const channels = [...(document.querySelector('#filter-channels') as HTMLSelectElement).options].map((option) => option.value);
    expect(channels).toContain('whatsapp');
    expect(channels).not.toContain('cpf');
    const search = screen.getByLabelText('Buscar clientes');
    for (const text of ['a', 'an', 'ana']) fireEvent.input(search, { target: { value: text } });
    // The address is not written on every keystroke (a navigation the request would queue behind), but once typing pauses.
    expect(location.hash).toBe('#/clientes');
    await waitFor(() => expect(grid().getAttribute('data-search')).toBe('ana'));
    await waitFor(() => expect(location.hash).toBe('#/clientes?busca=ana'));
    expect(asked.filter((request) => request.type === 'table/query').at(-1)).toMatchObject({ search: 'ana' });
    // The filter counts wait for typing to pause, then follow the last search only.
    await waitFor(() => expect(asked.filter((request) => request.type === 'table/facets').at(-1)).toMatchObject({ search: 'ana' }));
    expect(asked.filter((request) => request.type === 'table/facets').map((request) => (request as { search?: string }).search)).toEqual(['', 'ana']);
  });

  it('writes a search still waiting for the address before a filter, a reload or a customer opened', async () => {
    const { background } = fakeBackground();
    mount(background);
    await waitFor(() => expect(grid().getAttribute('data-table-version')).toBe('1'));
    const search = screen.getByLabelText('Buscar clientes');
    fireEvent.input(search, { target: { value: 'ana' } });
    fireEvent.change(document.querySelector('#filter-activity') as HTMLSelectElement, { target: { value: 'active' } });
    await waitFor(() => expect(location.hash).toMatch(/busca=ana/));
    expect(location.hash).toMatch(/atividade=active|activity=active/);
    fireEvent.input(search, { target: { value: 'ana lu' } });
    window.dispatchEvent(new Event('pagehide'));
    expect(location.hash).toMatch(/busca=ana\+lu/);
    fireEvent.input(search, { target: { value: 'bia' } });
    await waitFor(() => expect(grid().getAttribute('data-search')).toBe('bia'));
    const replaced = vi.spyOn(history, 'replaceState');
    fireEvent.click(grid().querySelector('[data-index="0"] a') as HTMLElement);
    // The list's own entry got the search before the link took the page to the customer.
    expect(String(replaced.mock.calls.at(-1)?.[2])).toMatch(/#\/clientes\?busca=bia$/);
    await waitFor(() => expect(location.hash).toBe('#/clientes/c0'));
    replaced.mockRestore();
  });

  it('draws no row again while a keystroke waits for its answer, then only the rows that changed', async () => {
    const { background } = fakeBackground();
    let release = () => undefined as void;
    const held = new Promise<void>((done) => (release = done));
    const holding: BackgroundClient = {
      ...background,
      async ask(request) {
        if (request.type === 'table/query' && request.search) await held;
        return background.ask(request);
      },
    };
    await book.tags.create({ name: 'VIP', colour: '#b3261e' });
    mount(holding);
    await waitFor(() => expect(grid().getAttribute('data-table-version')).toBe('1'));
    // The tags are read from the book apart from the rows; the rows are drawn with them once they are in.
    await waitFor(() => expect(screen.getByRole('option', { name: /^VIP/ })).toBeTruthy());
    // A row writes its customer into its cells itself (grid-row.tsx): that is its drawing.
    const draws = vi.spyOn(GridRow.prototype as unknown as { writeCustomer: () => void }, 'writeCustomer');
    fireEvent.input(screen.getByLabelText('Buscar clientes'), { target: { value: 'cli' } });
    await waitFor(() => expect(location.hash).toBe('#/clientes?busca=cli'));
    await new Promise((done) => setTimeout(done, 50));
    // The address, the search box and the grid followed the keystroke; the rows, still the last answer's, did not.
    expect(draws).not.toHaveBeenCalled();
    release();
    await waitFor(() => expect(grid().getAttribute('data-search')).toBe('cli'));
    // The answer's rows are new objects: each row on screen is drawn once for them.
    expect(draws.mock.calls.length).toBeGreaterThan(0);
    expect(draws.mock.calls.length).toBeLessThanOrEqual(dataRows().length);
    draws.mockRestore();
  });

  it('scrolls by rewriting the same row elements, kept in screen order', async () => {
    const { background } = fakeBackground();
    mount(background);
    await waitFor(() => expect(grid().getAttribute('data-table-version')).toBe('1'));
    const before = dataRows();
    const scroller = document.querySelector<HTMLElement>('.grid-scroll') as HTMLElement;
    scroller.scrollTop = 40 * 100;
    fireEvent.scroll(scroller);
    // The active row (the first, kept in the DOM for the focus) stays first, then the rows in view from row 100 (none
    // drawn beyond the view).
    await waitFor(() => expect(dataRows()[1]?.textContent).toContain('Cliente 100'));
    const after = dataRows();
    expect(after.map((element) => Number(element.getAttribute('aria-rowindex')))).toEqual([2, ...after.slice(1).map((_, i) => 102 + i)]);
    // The active row has its own element; the others are the same ones, rewritten.
    expect(after.filter((element) => before.includes(element)).length).toBeGreaterThan(before.length - 3);
  });

  it('scrolled far from its active row, reads the blocks in view and the block of that row, not every block between', async () => {
    const { background, asked } = fakeBackground();
    mount(background);
    await waitFor(() => expect(grid().getAttribute('data-table-version')).toBe('1'));
    const scroller = document.querySelector<HTMLElement>('.grid-scroll') as HTMLElement;
    scroller.scrollTop = 40 * 8995;
    fireEvent.scroll(scroller);
    await waitFor(() => expect(dataRows()[1]?.textContent).toContain('Cliente 8995'));
    const offsets = asked.flatMap((request) => (request.type === 'table/query' ? [request.offset ?? 0] : []));
    // Rows 8995 to 9011 or so: the two blocks they fall in.
    expect(offsets).toEqual([0, 8800, 9000]);
    // The active row kept for the focus still has its customer.
    expect(dataRows()[0]?.textContent).toContain('Cliente 0');
  });
});

describe('bulk actions on the selection', () => {
  it('tags exactly the selected customers (a click and a shift-click range) in one store call', async () => {
    const customers = await book.customers.createMany(Array.from({ length: 30 }, (_, i) => ({ displayName: `Pessoa ${String(i).padStart(2, '0')}` })));
    const vip = await book.tags.create({ name: 'VIP', colour: '#b3261e' });
    const updateMany = vi.spyOn(book.customers, 'updateMany');
    mount(localBackground(book, NOW));
    await waitFor(() => expect(screen.getByTestId('table-total').textContent).toBe('30 clientes'));
    const checkbox = (name: string) => screen.getByRole('checkbox', { name: `Selecionar ${name}` });
    fireEvent.click(checkbox('Pessoa 02'));
    fireEvent.click(checkbox('Pessoa 05'));
    fireEvent.click(checkbox('Pessoa 07'), { shiftKey: true });
    await waitFor(() => expect(screen.getByTestId('selection-bar').textContent).toContain('4 selecionados'));
    await waitFor(() => expect(screen.getByLabelText('Etiquetas', { selector: '#bulk-tag' })).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: 'Adicionar etiqueta' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Etiqueta VIP adicionada a 4 clientes.'));
    const expected = [2, 5, 6, 7].map((i) => customers[i]?.id);
    expect(updateMany).toHaveBeenCalledTimes(1);
    expect([...(updateMany.mock.calls[0]?.[0] ?? [])].sort()).toEqual([...expected].sort());
    expect((await book.customers.listByTag(vip.id)).map((c) => c.id).sort()).toEqual([...expected].sort());
    // The table follows the write: the chips appear on those rows.
    await waitFor(() => expect(grid().querySelectorAll('.tag-chip')).toHaveLength(4));
  });
});
