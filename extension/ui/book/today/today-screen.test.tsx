// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { restoreBackupFile, serializeBackupLines, type Book } from '../../../../core';
import { openTestBook } from '../../../../core/store/test-book';
import { todayBookDocument, type TodayAnswer } from '../../../../core/today/testing/today-book';
import { mountBookApp, stubBackupServices } from '../app/book-app-testing';
import { TODAY_FIRST_ROWS } from './today-screen';

const NOW = new Date('2026-12-01T13:00:00.000Z');

let book: Book;
let answer: TodayAnswer;
beforeEach(async () => {
  book = await openTestBook(NOW);
  const built = todayBookDocument(NOW);
  answer = built.answer;
  await restoreBackupFile(book, serializeBackupLines(built.document).join(''));
});
afterEach(() => {
  cleanup();
  book.close();
});

const mount = () => mountBookApp(book, '#/hoje', stubBackupServices(NOW), NOW);
const section = (kind: string) => screen.getByTestId(`today-${kind}`);
const names = (kind: string) => [...section(kind).querySelectorAll('.today-name')].map((link) => link.textContent).sort();
const rowOf = (name: string) => screen.getByRole('link', { name }).closest('li') as HTMLElement;

describe('Hoje', () => {
  it('shows each section with its heading and count, holding exactly the people the book was built to list', async () => {
    mount();
    await waitFor(() => expect(screen.getByTestId('today-list')).toBeTruthy());
    expect(screen.getByRole('heading', { level: 2, name: 'Retornos para hoje 2' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Atrasados na próxima compra 2' })).toBeTruthy();
    expect(names('follow-up')).toEqual(answer.followUps);
    expect(names('late')).toEqual(answer.late);
    expect(names('low-feedback')).toEqual(answer.lowFeedback);
    expect(names('new-prospect')).toEqual(answer.prospects);
    for (const name of answer.absent) expect(screen.queryByRole('link', { name })).toBeNull();
  });

  it('says why each person is there in the seller’s words and zone, with visitor text as text, the stage’s reply and chat links', async () => {
    mount();
    await waitFor(() => expect(screen.getByTestId('today-list')).toBeTruthy());
    const ana = rowOf('Ana Atrasada');
    expect(ana.textContent).toContain('10 dias de atraso: compra a cada 30 dias mais ou menos, a próxima compra era esperada em 21/11/2026');
    expect(within(ana).getByRole('link', { name: 'Ana Atrasada' }).getAttribute('href')).toBe('#/clientes/ana');
    expect(within(ana).getByRole('link', { name: /^Abrir conversa com Ana Atrasada/ }).getAttribute('href')).toBe('https://web.whatsapp.com/send?phone=5511988880001');
    expect(within(ana).getByRole('button', { name: 'Copiar a resposta para Ana Atrasada' })).toBeTruthy();
    expect(ana.querySelector('.today-reply-text')?.textContent).toContain('Ana');
    const ivo = rowOf('Ivo Nota Baixa');
    expect(ivo.textContent).toContain('Deu nota 1 de 5 em 30/11/2026');
    expect(ivo.querySelector('blockquote')?.textContent).toBe('<b>Demorou</b> a entrega');
    expect(ivo.querySelector('b')).toBeNull();
    expect(rowOf('Gabi Retorno').textContent).toContain('Retorno marcado para 30/11/2026');
    expect(rowOf('Gabi Retorno').textContent).toContain('Sem contato de conversa');
  });

  it('marks a follow-up done in the book and snoozes a late customer, with keyboard focus going to the next row', async () => {
    mount();
    await waitFor(() => expect(screen.getByTestId('today-list')).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: 'Feito: Helena Hoje' }));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Helena Hoje' })).toBeNull());
    expect((await book.followUps.listByCustomer('helena'))[0]?.done).toBe(true);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Helena Hoje: feito.'));
    await waitFor(() => expect(document.activeElement?.classList.contains('today-name')).toBe(true));

    const bruno = rowOf('Bruno Atrasado');
    fireEvent.click(within(bruno).getByRole('button', { name: 'Por 3 dias' }));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Bruno Atrasado' })).toBeNull());
    expect(screen.getByRole('status').textContent).toBe('Bruno Atrasado: adiado até 04/12/2026.');
    expect(screen.getByRole('heading', { level: 2, name: 'Atrasados na próxima compra 1' })).toBeTruthy();
  });

  it('shows a section’s first rows and the rest on "Mostrar mais", the focus on the first row it added', async () => {
    // 25 more customers late like Ana (every 30 days, last bought 40 days ago): 27 late in all.
    const extra = await book.customers.createMany(Array.from({ length: 25 }, (_, i) => ({ displayName: `Atrasada ${String(i + 1).padStart(2, '0')}` })));
    const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();
    await book.orders.addMany(extra.flatMap((customer) => [100, 70, 40].map((days) => ({ customerId: customer.id, placedAt: daysAgo(days), status: 'paid' as const, currency: 'BRL', totalMinor: 10_000, items: [] }))));
    mount();
    await waitFor(() => expect(screen.getByRole('heading', { level: 2, name: 'Atrasados na próxima compra 27' })).toBeTruthy());
    expect(section('late').querySelectorAll('.today-name')).toHaveLength(TODAY_FIRST_ROWS);
    const more = within(section('late')).getByRole('button', { name: 'Mostrar mais 17 em Atrasados na próxima compra' });
    expect(more.textContent).toBe('Mostrar mais 17');
    fireEvent.click(more);
    await waitFor(() => expect(section('late').querySelectorAll('.today-name')).toHaveLength(27));
    await waitFor(() => expect(document.activeElement).toBe(section('late').querySelectorAll('.today-name')[TODAY_FIRST_ROWS]));
    expect(within(section('late')).queryByRole('button', { name: /^Mostrar mais/ })).toBeNull();
    // Sections with fewer rows than that show no button.
    expect(within(section('follow-up')).queryByRole('button', { name: /^Mostrar mais/ })).toBeNull();
  });

  it('says in words when there is nobody to talk to today', async () => {
    const empty = await openTestBook(NOW);
    mountBookApp(empty, '#/hoje', stubBackupServices(NOW), NOW);
    await waitFor(() => expect(screen.getByTestId('today-empty').textContent).toMatch(/^Nada para hoje/));
    empty.close();
  });
});

describe('the Hoje notification setting', () => {
  it('is on by default and turned off in Configurações, kept in the book', async () => {
    mountBookApp(book, '#/configuracoes', stubBackupServices(NOW), NOW);
    const box = await screen.findByRole('checkbox', { name: /^Avisar uma vez por dia quando Hoje/ });
    await waitFor(() => expect((box as HTMLInputElement).disabled).toBe(false));
    expect((box as HTMLInputElement).checked).toBe(true);
    fireEvent.click(box);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('O aviso diário de Hoje está desligado.'));
    expect(await book.meta.get('settings.todayNotice')).toBe(false);
    await waitFor(() => expect((box as HTMLInputElement).checked).toBe(false));
  });
});
