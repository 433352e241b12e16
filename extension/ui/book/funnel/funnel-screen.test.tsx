// @vitest-environment happy-dom
import { cleanup, createEvent, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBook, type Book } from '../../../../core';
import { openTestBook, testBookName } from '../../../../core/store/test-book';
import { BookProvider } from '../app/book-context';
import { NoticeArea } from '../app/notice-area';
import { localBackground } from '../testing/local-background';
import { CARDS_PER_PAGE, FunnelScreen } from './funnel-screen';

const NOW = new Date('2026-11-29T12:00:00.000Z');

let book: Book;
beforeEach(async () => {
  book = await openTestBook(NOW);
});
afterEach(() => {
  cleanup();
  book.close();
});

function mount() {
  return render(
    <BookProvider book={book} background={localBackground(book, NOW)} locale="pt-BR" timeZone="America/Sao_Paulo">
      <NoticeArea />
      <FunnelScreen />
    </BookProvider>,
  );
}

const column = (name: string) => screen.getByRole('region', { name: new RegExp(`^${name}`) });
const countOf = (name: string) => within(column(name)).getByTestId('funnel-count').textContent;
const cardNames = (name: string) => within(column(name)).queryAllByRole('link').map((link) => link.textContent);

/**
 * The book: Ana and Bia in Descoberta (Ana tagged VIP, with two paid orders of R$ 100 and R$ 50), Caio in Decisão,
 * Duda without a stage, Eva archived in Descoberta (never shown).
 */
async function seed() {
  const vip = await book.tags.create({ name: 'VIP', colour: '#b3261e' });
  const [ana, bia, caio, , eva] = await book.customers.createMany([
    { displayName: 'Ana', funnelStage: 'discovery', tagIds: [vip.id] },
    { displayName: 'Bia', funnelStage: 'discovery' },
    { displayName: 'Caio', funnelStage: 'decision' },
    { displayName: 'Duda' },
    { displayName: 'Eva', funnelStage: 'discovery' },
  ]);
  await book.orders.addMany([
    { customerId: ana!.id, placedAt: '2026-11-20T15:00:00.000Z', status: 'paid', currency: 'BRL', totalMinor: 10_000, items: [] },
    { customerId: ana!.id, placedAt: '2026-11-27T15:00:00.000Z', status: 'paid', currency: 'BRL', totalMinor: 5_000, items: [] },
  ]);
  await book.customers.updateMany([eva!.id], { kind: 'archive', archived: true });
  return { vip, ana: ana!, bia: bia!, caio: caio! };
}

describe('Funil', () => {
  it('shows one column per stage with its count and cards, archived customers left out', async () => {
    await seed();
    mount();
    await waitFor(() => expect(countOf('Descoberta')).toBe('2 clientes'));
    expect(countOf('Sem etapa')).toBe('1 cliente');
    expect(countOf('Consideração')).toBe('nenhum');
    expect(countOf('Decisão')).toBe('1 cliente');
    // The most recent buyer first, those who never bought last; Ana's ticket is (100 + 50) / 2.
    expect(cardNames('Descoberta')).toEqual(['Ana', 'Bia']);
    const ana = within(column('Descoberta')).getByRole('link', { name: 'Ana' }).closest('li') as HTMLElement;
    expect(ana.textContent).toContain('Ticket médio R$\u00a075,00');
    expect(ana.textContent).toContain('Último contato em 27/11/2026: compra');
    expect(within(column('Descoberta')).getByRole('link', { name: 'Bia' }).closest('li')?.textContent).toContain('Nenhum contato registrado');
  });

  it('shows as last contact the latest of the last purchase and the last note, follow-up or rating, and follows a new one', async () => {
    book.close();
    let clock = NOW;
    book = await openBook({ name: testBookName(), now: () => clock });
    const { ana, bia, caio } = await seed();
    // Bia: a note on the 25th; Caio: a follow-up scheduled on the 28th; Ana's purchase of the 27th beats her older note.
    clock = new Date('2026-11-25T13:00:00.000Z');
    await book.notes.add(bia.id, 'quer o azul');
    clock = new Date('2026-11-28T13:00:00.000Z');
    await book.followUps.add(caio.id, '2026-12-02T12:00:00.000Z', 'ligar');
    clock = new Date('2026-11-21T13:00:00.000Z');
    await book.notes.add(ana.id, 'antiga');
    clock = NOW;
    mount();
    const card = (stage: string, name: string) => within(column(stage)).getByRole('link', { name }).closest('li') as HTMLElement;
    await waitFor(() => expect(card('Descoberta', 'Bia').textContent).toContain('Último contato em 25/11/2026: nota'));
    expect(card('Decisão', 'Caio').textContent).toContain('Último contato em 28/11/2026: retorno marcado');
    expect(card('Descoberta', 'Ana').textContent).toContain('Último contato em 27/11/2026: compra');
    // A rating received today is the last contact now.
    await book.feedback.add({ customerId: ana.id, kind: 'csat', score: 5, comment: null, receivedAt: '2026-11-29T11:00:00.000Z', source: 'storefront', verified: true });
    await waitFor(() => expect(card('Descoberta', 'Ana').textContent).toContain('Último contato em 29/11/2026: avaliação'));
  });

  it('moves a card with the arrow keys: written to the book, the focus goes with it', async () => {
    const { bia } = await seed();
    mount();
    await waitFor(() => expect(cardNames('Descoberta')).toEqual(['Ana', 'Bia']));
    const link = within(column('Descoberta')).getByRole('link', { name: 'Bia' });
    link.focus();
    fireEvent.keyDown(link, { key: 'ArrowRight' });
    await waitFor(() => expect(cardNames('Consideração')).toEqual(['Bia']));
    expect(cardNames('Descoberta')).toEqual(['Ana']);
    expect(document.activeElement?.textContent).toBe('Bia');
    expect(document.activeElement?.closest('section')?.getAttribute('data-stage')).toBe('consideration');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Bia foi para Consideração.'));
    expect((await book.customers.get(bia.id))?.funnelStage).toBe('consideration');
    // The counts follow once the table has the write.
    await waitFor(() => expect(countOf('Consideração')).toBe('1 cliente'));
    expect(countOf('Descoberta')).toBe('1 cliente');
    // Left twice: back past Descoberta (where the card moved in is drawn first) to no stage.
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'ArrowLeft' });
    await waitFor(() => expect(cardNames('Descoberta')).toEqual(['Bia', 'Ana']));
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'ArrowLeft' });
    await waitFor(() => expect(cardNames('Sem etapa')).toContain('Bia'));
    await waitFor(async () => expect((await book.customers.get(bia.id))?.funnelStage).toBeNull());
    // The first column has nothing to its left: the key does nothing.
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'ArrowLeft' });
    await new Promise((done) => setTimeout(done, 50));
    expect((await book.customers.get(bia.id))?.funnelStage).toBeNull();
  });

  it('moves a card dropped on another column, and takes no drop that is not one of its cards', async () => {
    const { caio } = await seed();
    mount();
    await waitFor(() => expect(cardNames('Decisão')).toEqual(['Caio']));
    // Text dragged in from elsewhere: the column does not accept it.
    const stray = createEvent.dragOver(column('Cliente'));
    fireEvent(column('Cliente'), stray);
    expect(stray.defaultPrevented).toBe(false);
    const card = within(column('Decisão')).getByRole('link', { name: 'Caio' }).closest('li') as HTMLElement;
    // happy-dom drops Testing Library's dragstart (a DragEvent it cannot build): a plain event of that type.
    fireEvent(card, new Event('dragstart', { bubbles: true }));
    const over = createEvent.dragOver(column('Cliente'));
    fireEvent(column('Cliente'), over);
    expect(over.defaultPrevented).toBe(true);
    fireEvent(column('Cliente'), new Event('drop', { bubbles: true, cancelable: true }));
    await waitFor(() => expect(cardNames('Cliente')).toEqual(['Caio']));
    expect(cardNames('Decisão')).toEqual([]);
    await waitFor(async () => expect((await book.customers.get(caio.id))?.funnelStage).toBe('customer'));
    await waitFor(() => expect(countOf('Decisão')).toBe('nenhum'));
  });

  it('filters every column by a tag', async () => {
    const { vip } = await seed();
    mount();
    await waitFor(() => expect(screen.getByRole('option', { name: 'VIP' })).toBeTruthy());
    fireEvent.change(screen.getByLabelText('Etiqueta'), { target: { value: vip.id } });
    await waitFor(() => expect(cardNames('Descoberta')).toEqual(['Ana']));
    expect(countOf('Decisão')).toBe('nenhum');
    expect(countOf('Sem etapa')).toBe('nenhum');
  });

  it('shows a column a page at a time', async () => {
    await book.customers.createMany(Array.from({ length: CARDS_PER_PAGE + 5 }, (_, i) => ({ displayName: `Pessoa ${String(i).padStart(2, '0')}`, funnelStage: 'decision' })));
    mount();
    await waitFor(() => expect(cardNames('Decisão')).toHaveLength(CARDS_PER_PAGE));
    fireEvent.click(within(column('Decisão')).getByRole('button', { name: 'Mostrar mais (faltam 5)' }));
    await waitFor(() => expect(cardNames('Decisão')).toHaveLength(CARDS_PER_PAGE + 5));
    expect(within(column('Decisão')).queryByRole('button')).toBeNull();
  });
});
