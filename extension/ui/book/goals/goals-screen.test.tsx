// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { calendarOf, GOALS_KEY, isoDay, restoreBackupFile, serializeBackupLines, type Book } from '../../../../core';
import { openTestBook } from '../../../../core/store/test-book';
import { goalsBookDocument } from '../../../../core/goals/testing/goals-book';
import { formatMoney } from '../../../i18n/format';
import { mountBookApp, stubBackupServices } from '../app/book-app-testing';

// 10 March 2027, 10:00 in São Paulo: day 10 of 31.
const NOW = new Date('2027-03-10T13:00:00.000Z');
const document_ = goalsBookDocument(NOW);

let book: Book;
beforeEach(async () => {
  book = await openTestBook(NOW);
  await restoreBackupFile(book, serializeBackupLines(document_).join(''));
});
afterEach(() => {
  cleanup();
  book.close();
});

/** March's paid BRL revenue so far, summed from the seeded orders on São Paulo's calendar. */
function marchRevenue(): number {
  const calendar = calendarOf('America/Sao_Paulo');
  return document_.orders
    .filter((o) => o.status === 'paid' && o.currency === 'BRL' && isoDay(calendar.day(Date.parse(o.placedAt))).startsWith('2027-03'))
    .reduce((sum, o) => sum + o.totalMinor, 0);
}

const money = (minor: number) => formatMoney(minor, 'BRL', 'pt-BR');
const mount = async () => {
  mountBookApp(book, '#/metas', stubBackupServices(NOW), NOW);
  await waitFor(() => expect(screen.getByTestId('goals')).toBeTruthy());
};
const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Criar meta' }));

describe('Metas', () => {
  it('creates a revenue goal typed the seller’s way and shows its progress and pace from the book', async () => {
    await mount();
    expect(screen.getByText(/Nenhuma meta ainda/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Metas' }).getAttribute('aria-current')).toBe('page');
    fireEvent.input(screen.getByLabelText('Meta a alcançar'), { target: { value: 'R$ 1.500,00' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Este mês (até 31/03/2027)' }));
    submit();
    const card = await waitFor(() => screen.getByTestId('goal'));
    const expected = marchRevenue();
    expect(expected).toBeGreaterThan(0);
    const bar = within(card).getByRole('progressbar', { name: `Faturamento: ${money(150_000)} até 31/03/2027` });
    expect(bar.getAttribute('aria-valuenow')).toBe(String(Math.round((expected / 150_000) * 100)));
    expect(within(card).getByTestId('goal-current').textContent).toBe(`${money(expected)} de ${money(150_000)}`);
    expect(card.textContent).toContain('Faltam 21 dias');
    expect(within(card).getByTestId('goal-pace').textContent).toContain(`No ritmo atual chega a ${money(Math.floor((expected / 10) * 31))} em 31/03/2027.`);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(`Meta salva: Faturamento: ${money(150_000)} até 31/03/2027.`));
    const stored = (await book.meta.get<{ metric: string; target: number; start: string; deadline: string }[]>(GOALS_KEY)) ?? [];
    expect(stored).toMatchObject([{ metric: 'revenue', target: 150_000, currency: 'BRL', start: '2027-03-01', deadline: '2027-03-31' }]);
  });

  it('says what is wrong in words naming the field, and focuses it', async () => {
    await mount();
    fireEvent.input(screen.getByLabelText('Meta a alcançar'), { target: { value: 'muito' } });
    submit();
    await waitFor(() => expect(screen.getByText('Meta a alcançar: digite um valor acima de zero, como 150 ou R$ 150,00.')).toBeTruthy());
    expect(document.activeElement?.id).toBe('goal-target');
    expect(document.activeElement?.getAttribute('aria-invalid')).toBe('true');

    fireEvent.change(screen.getByLabelText('Indicador'), { target: { value: 'retention' } });
    fireEvent.input(screen.getByLabelText('Meta a alcançar'), { target: { value: '170' } });
    submit();
    await waitFor(() => expect(screen.getByText('Meta a alcançar: digite uma porcentagem acima de 0 e até 100, como 70.')).toBeTruthy());

    fireEvent.input(screen.getByLabelText('Meta a alcançar'), { target: { value: '70%' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Outra data' }));
    fireEvent.input(screen.getByLabelText('Prazo'), { target: { value: '2027-03-01' } });
    submit();
    await waitFor(() => expect(screen.getByText('Prazo: escolha uma data de hoje em diante.')).toBeTruthy());
    expect(await book.meta.get(GOALS_KEY)).toBeUndefined();

    fireEvent.input(screen.getByLabelText('Prazo'), { target: { value: '2027-04-15' } });
    submit();
    const card = await waitFor(() => screen.getByTestId('goal'));
    expect(within(card).getByRole('heading', { level: 3 }).textContent).toBe('Retenção: 70% até 15/04/2027');
    expect(await book.meta.get(GOALS_KEY)).toMatchObject([{ metric: 'retention', target: 70, start: '2027-03-10', deadline: '2027-04-15' }]);
  });

  it('edits and deletes a goal', async () => {
    await book.meta.set(GOALS_KEY, [{ id: 'g1', name: 'Pedidos do trimestre', metric: 'orders', target: 40, start: '2027-01-01', deadline: '2027-03-31' }]);
    await mount();
    const card = await waitFor(() => screen.getByTestId('goal'));
    expect(within(card).getByRole('progressbar', { name: 'Pedidos do trimestre' })).toBeTruthy();
    fireEvent.click(within(card).getByRole('button', { name: 'Editar Pedidos do trimestre' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Editar meta: Pedidos do trimestre' })).toBeTruthy();
    expect((screen.getByLabelText('Meta a alcançar') as HTMLInputElement).value).toBe('40');
    fireEvent.input(screen.getByLabelText('Meta a alcançar'), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Salvar meta' }));
    await waitFor(() => expect(within(screen.getByTestId('goal')).getByTestId('goal-current').textContent).toMatch(/ de 2$/));
    expect(screen.getByTestId('goal').textContent).toContain('Alcançada');
    expect(await book.meta.get(GOALS_KEY)).toMatchObject([{ id: 'g1', target: 2, start: '2027-01-01', deadline: '2027-03-31' }]);

    fireEvent.click(screen.getByRole('button', { name: 'Excluir Pedidos do trimestre' }));
    await waitFor(() => expect(screen.queryByTestId('goal')).toBeNull());
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Meta excluída: Pedidos do trimestre.'));
    expect(await book.meta.get(GOALS_KEY)).toEqual([]);
  });
});
