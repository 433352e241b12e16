// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Book, NewOrder } from '../../../../core';
import { openTestBook } from '../../../../core/store/test-book';
import type { BookRequest } from '../../../messaging/protocol';
import { BookProvider, type BackgroundClient } from '../app/book-context';
import { queryFromParams } from '../customers/table-route';
import { localBackground } from '../testing/local-background';
import { SavedSegments } from './saved-segments';
import { SegmentRules } from './segment-rules';

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

/** Customer i (0…9) bought on i different days, the latest 2 days ago: "at least n orders" holds for 10 − n of them. */
async function seed() {
  const customers = await book.customers.createMany(Array.from({ length: 10 }, (_, i) => ({ displayName: `Cliente ${i}` })));
  const orders: NewOrder[] = [];
  customers.forEach((customer, i) => {
    for (let k = 0; k < i; k++) orders.push({ customerId: customer.id, placedAt: new Date(NOW.getTime() - (k * 30 + 2) * DAY).toISOString(), status: 'paid', currency: 'BRL', totalMinor: 10_000, items: [] });
  });
  await book.orders.addMany(orders);
}

/** The local background, with the answer to a count of a rule holding `slowValue` held back `delayMs`. */
function slowOn(slowValue: number, delayMs: number): BackgroundClient & { asked: BookRequest[] } {
  const background = localBackground(book, NOW);
  return {
    ...background,
    async ask(request) {
      const answer = await background.ask(request);
      if (request.type === 'segments/count' && JSON.stringify(request.rule).includes(`"value":${slowValue}}`)) await new Promise((resolve) => setTimeout(resolve, delayMs));
      return answer;
    },
  } as BackgroundClient & { asked: BookRequest[] };
}

function mount(background: BackgroundClient) {
  render(
    <BookProvider book={book} background={background} locale="pt-BR" timeZone="America/Sao_Paulo">
      <SegmentRules updates={0} />
    </BookProvider>,
  );
}

const countLine = () => screen.getByTestId('rule-count');
async function countSays(text: string) {
  await waitFor(() => {
    expect(countLine().getAttribute('data-current')).toBe('true');
    expect(countLine().textContent).toBe(text);
  });
}

describe('the rule builder', () => {
  it('counts while the rule is edited, ignores a late answer to an older rule, and says problems beside their condition', async () => {
    await seed();
    const background = slowOn(3, 600);
    mount(background);
    const builder = await screen.findByTestId('rule-builder');
    // Nothing typed yet: the problem is said beside the condition, in words.
    await waitFor(() => expect(within(builder).getByTestId('rule-problem').textContent).toBe('Condição 1, Número de pedidos: preencha o valor'));
    const value = screen.getByRole('textbox', { name: 'Valor da condição 1' });
    expect(value.getAttribute('aria-invalid')).toBe('true');
    expect(value.getAttribute('aria-describedby')).toBe(within(builder).getByTestId('rule-problem').id);
    expect(countLine().textContent).toBe('Corrija as condições marcadas para ver a contagem.');

    // "3" is answered late; "8", typed meanwhile, is the one shown, and stays.
    fireEvent.input(value, { target: { value: '3' } });
    await waitFor(() => expect(background.asked.some((r) => r.type === 'segments/count' && JSON.stringify(r.rule).includes('"value":3}'))).toBe(true));
    fireEvent.input(value, { target: { value: '8' } });
    await countSays('2 clientes atendem');
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(countLine().textContent).toBe('2 clientes atendem');
    expect(screen.queryByTestId('rule-problem')).toBeNull();

    fireEvent.input(value, { target: { value: 'oito' } });
    await waitFor(() => expect(screen.getByTestId('rule-problem').textContent).toBe('Condição 1, Número de pedidos: digite um número'));
    fireEvent.input(value, { target: { value: '6' } });
    await countSays('4 clientes atendem');

    // A second condition, then "any" of them.
    fireEvent.click(screen.getByRole('button', { name: 'Adicionar condição' }));
    const second = screen.getByRole('group', { name: 'Condição 2' });
    fireEvent.change(within(second).getByRole('combobox', { name: 'Campo da condição 2' }), { target: { value: 'daysSinceLastOrder' } });
    expect((within(second).getByRole('combobox', { name: 'Comparação da condição 2' }) as HTMLSelectElement).value).toBe('gte');
    fireEvent.change(within(second).getByRole('combobox', { name: 'Comparação da condição 2' }), { target: { value: 'lt' } });
    fireEvent.input(within(second).getByRole('textbox', { name: 'Valor da condição 2' }), { target: { value: '1' } });
    await countSays('Nenhum cliente atende');
    fireEvent.change(screen.getByRole('combobox', { name: 'Clientes que atendem a' }), { target: { value: 'any' } });
    await countSays('4 clientes atendem');
    fireEvent.click(screen.getByRole('button', { name: 'Remover condição 2' }));
    expect(screen.queryByRole('group', { name: 'Condição 2' })).toBeNull();
    await countSays('4 clientes atendem');
  });

  it('saves a named rule, lists it with its count, opens exactly its members, and deletes it after asking', async () => {
    await seed();
    const background = localBackground(book, NOW);
    mount(background);
    const value = await screen.findByRole('textbox', { name: 'Valor da condição 1' });
    fireEvent.input(value, { target: { value: '7' } });
    await countSays('3 clientes atendem');

    // Without a name nothing is saved, and the name says why.
    fireEvent.click(screen.getByRole('button', { name: 'Salvar segmento' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Nome do segmento' }).getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Nome: dê um nome ao segmento')).toBeTruthy();
    expect(await book.segments.list()).toEqual([]);

    fireEvent.input(screen.getByRole('textbox', { name: 'Nome do segmento' }), { target: { value: 'Fiéis' } });
    fireEvent.click(screen.getByRole('button', { name: 'Salvar segmento' }));
    const row = await waitFor(() => {
      const found = screen.getByTestId('saved-segments').querySelector('tr[data-segment="Fiéis"]');
      if (!found) throw new Error('not listed yet');
      return found as HTMLElement;
    });
    expect(within(row).getByTestId('saved-count').textContent).toBe('3');
    const open = within(row).getByRole('link', { name: 'Abrir lista: Fiéis' });
    const [saved] = await book.segments.list();
    expect(open.getAttribute('href')).toBe(`#/clientes?segmento-salvo=${saved!.id}`);
    const opened = await background.ask({ type: 'table/query', ...queryFromParams(new URLSearchParams(open.getAttribute('href')!.split('?')[1])), offset: 0, limit: 50 });
    expect(opened.rows.map((r) => r.name).sort()).toEqual(['Cliente 7', 'Cliente 8', 'Cliente 9']);

    // Edited in the builder: its count follows, and it is saved again under its id.
    fireEvent.click(within(row).getByRole('button', { name: 'Editar segmento Fiéis' }));
    await screen.findByRole('heading', { name: 'Editar segmento “Fiéis”' });
    const editedValue = screen.getByRole('textbox', { name: 'Valor da condição 1' }) as HTMLInputElement;
    expect(editedValue.value).toBe('7');
    fireEvent.input(editedValue, { target: { value: '9' } });
    await countSays('1 cliente atende');
    fireEvent.click(screen.getByRole('button', { name: 'Salvar segmento' }));
    await waitFor(() => expect(within(row).getByTestId('saved-count').textContent).toBe('1'));
    expect((await book.segments.list()).map((segment) => segment.id)).toEqual([saved!.id]);
    await screen.findByRole('heading', { name: 'Novo segmento' });

    fireEvent.click(within(row).getByRole('button', { name: 'Excluir segmento Fiéis' }));
    const question = screen.getByText('Excluir o segmento “Fiéis”? Os clientes continuam na agenda.');
    expect(document.activeElement).toBe(question);
    fireEvent.click(within(screen.getByRole('group', { name: question.textContent! })).getByRole('button', { name: 'Cancelar' }));
    expect(await book.segments.list()).toHaveLength(1);
    fireEvent.click(within(row).getByRole('button', { name: 'Excluir segmento Fiéis' }));
    fireEvent.click(within(screen.getByRole('group', { name: question.textContent! })).getByRole('button', { name: 'Excluir' }));
    await screen.findByText('Nenhum segmento salvo ainda.');
    expect(await book.segments.list()).toEqual([]);
  });

  it('exports a saved segment’s customers as CSV', async () => {
    await seed();
    const background = localBackground(book, NOW);
    const reply = await background.ask({ type: 'segments/save', name: 'Fiéis', rule: { all: [{ field: 'orderCount', op: 'gte', value: 8 }] } });
    if (!reply.ok) throw new Error('not saved');
    const files: { parts: readonly string[]; name: string }[] = [];
    render(
      <BookProvider book={book} background={background} locale="pt-BR" timeZone="America/Sao_Paulo">
        <SavedSegments segments={[reply.segment]} tags={[]} currency="BRL" onEdit={() => undefined} onRemoved={() => undefined} save={(parts, name) => files.push({ parts, name })} />
      </BookProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Exportar CSV: Fiéis' }));
    await waitFor(() => expect(files).toHaveLength(1));
    const lines = files[0]!.parts.join('').trim().split(/\r?\n/);
    expect(lines).toHaveLength(3);
    expect(lines.slice(1).map((line) => line.split(';')[0]?.replace(/"/g, '')).sort()).toEqual(['Cliente 8', 'Cliente 9']);
  });
});
