// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { restoreBackupFile, serializeBackupLines, type Book } from '../../../../core';
import { cleanupBookDocument, type CleanupAnswer } from '../../../../core/cleanup/testing/cleanup-book';
import { openTestBook } from '../../../../core/store/test-book';
import { mountBookApp, stubBackupServices } from '../app/book-app-testing';

const NOW = new Date('2026-12-01T13:00:00.000Z');

let book: Book;
let answer: CleanupAnswer;
beforeEach(async () => {
  book = await openTestBook(NOW);
  const built = cleanupBookDocument(NOW);
  answer = built.answer;
  await restoreBackupFile(book, serializeBackupLines(built.document).join(''));
});
afterEach(() => {
  cleanup();
  book.close();
});

const mount = () => mountBookApp(book, '#/limpeza', stubBackupServices(NOW), NOW);
const names = (testId: string, rowClass: string) => [...screen.getByTestId(testId).querySelectorAll(`.${rowClass}`)].map((link) => link.textContent);
const rowOf = (name: string) => within(screen.getByTestId('cleanup-candidates')).getByRole('link', { name }).closest('li') as HTMLElement;

describe('Limpeza', () => {
  it('lists exactly the known candidates under their reason, with why in words and a link to each customer', async () => {
    mount();
    await waitFor(() => expect(screen.getByTestId('cleanup')).toBeTruthy());
    expect(screen.getByRole('heading', { level: 1, name: 'Limpeza' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: 'Perdido 4' })).toBeTruthy();
    expect(names('cleanup-lost', 'cleanup-name')).toEqual(answer.groups.lost);
    expect(names('cleanup-inactive-low-value', 'cleanup-name')).toEqual(answer.groups['inactive-low-value']);
    expect(names('cleanup-unhappy', 'cleanup-name')).toEqual(answer.groups.unhappy);
    expect(names('cleanup-never-bought-old', 'cleanup-name')).toEqual(answer.groups['never-bought-old']);
    for (const name of answer.absent) expect(screen.queryByRole('link', { name })).toBeNull();
    const julia = rowOf('Júlia Perdida Valiosa');
    expect(julia.textContent).toContain('Sem comprar há 380 dias; comprava a cada 20 dias');
    expect(julia.textContent).toContain('Deu nota 3 de 10 (NPS)');
    expect(julia.textContent).toMatch(/Gastou R\$\s800,00 em 2 pedidos; última compra em 16\/11\/2025/);
    expect(within(julia).getByRole('link', { name: 'Júlia Perdida Valiosa' }).getAttribute('href')).toBe('#/clientes/julia');
    expect(rowOf('Carla Inativa').textContent).toContain('Sem comprar há 120 dias; nota de gasto 1 de 5');
    expect(rowOf('Fábio Nunca Comprou').textContent).toContain('Cadastrado há 200 dias e nunca comprou');
  });

  it('lists the good lost customers by past value with the win-back reply and chat links', async () => {
    mount();
    await waitFor(() => expect(screen.getByTestId('cleanup')).toBeTruthy());
    expect(names('cleanup-win-back', 'today-name')).toEqual(answer.winBack);
    const ana = screen.getAllByTestId('win-back-row')[0] as HTMLElement;
    expect(ana.querySelector('.today-reply-text')?.textContent).toBe('Oi, Ana! Faz um tempo desde a sua última compra e sentimos sua falta. Chegaram novidades que acho que você vai gostar: posso te mostrar?');
    expect(within(ana).getByRole('link', { name: /^Abrir conversa com Ana Sumida/ }).getAttribute('href')).toBe('https://web.whatsapp.com/send?phone=5511977770001');
    // The seller's own reply for the recovery stage replaces Clientela's.
    await book.quickReplies.save({ name: 'Volta', stage: { kind: 'lifecycle', id: 'recovery' }, text: 'Saudade, {nome}!' });
    await waitFor(() => expect(screen.getAllByTestId('win-back-row')[0]?.querySelector('.today-reply-text')?.textContent).toBe('Saudade, Ana!'));
  });

  it('archives the selected of a group with the seller’s words in one write, logs it, and undoes it from the notice', async () => {
    mount();
    await waitFor(() => expect(screen.getByTestId('cleanup')).toBeTruthy());
    const lost = screen.getByTestId('cleanup-lost');
    fireEvent.click(within(lost).getByRole('checkbox', { name: 'Selecionar Bruno Sumido' }));
    fireEvent.click(within(lost).getByRole('checkbox', { name: 'Selecionar Lia Perdida Média' }));
    expect(lost.textContent).toContain('2 selecionados');
    fireEvent.change(within(lost).getByLabelText('Motivo do arquivamento'), { target: { value: 'text' } });
    fireEvent.input(within(lost).getByLabelText('Motivo com suas palavras'), { target: { value: 'Mudou de cidade' } });
    fireEvent.click(within(lost).getByRole('button', { name: 'Arquivar selecionados' }));
    await waitFor(() => expect(screen.getByTestId('notice-status').textContent).toBe('2 clientes arquivados.'));
    expect((await book.customers.get('bruno'))?.archivedAt).toBe(NOW.toISOString());
    await waitFor(() => expect(names('cleanup-lost', 'cleanup-name')).toEqual(['Júlia Perdida Valiosa', 'Ana Sumida']));
    const entry = await waitFor(() => screen.getByTestId('cleanup-log-entry'));
    expect(entry.textContent).toContain('Mudou de cidade');
    expect(within(entry).getByRole('link', { name: 'Bruno Sumido' })).toBeTruthy();
    expect(within(screen.getByTestId('cleanup-log')).getByRole('link', { name: 'Todos os arquivados em Clientes' }).getAttribute('href')).toBe('#/clientes?arquivados=only');
    fireEvent.click(screen.getByTestId('notice-action'));
    await waitFor(() => expect(screen.getByTestId('notice-status').textContent).toBe('Desfeito: 2 clientes voltaram.'));
    expect((await book.customers.get('bruno'))?.archivedAt).toBeNull();
    expect((await book.customers.get('lia'))?.archivedAt).toBeNull();
    await waitFor(() => expect(names('cleanup-lost', 'cleanup-name')).toEqual(answer.groups.lost));
    await waitFor(() => expect(within(screen.getByTestId('cleanup-log')).queryByRole('button', { name: /^Desfazer/ })).toBeNull());
  });

  it('archives a whole group with its own reason by default, and undoes it from the log', async () => {
    mount();
    await waitFor(() => expect(screen.getByTestId('cleanup')).toBeTruthy());
    const lost = screen.getByTestId('cleanup-lost');
    fireEvent.click(within(lost).getByRole('checkbox', { name: 'Selecionar todos os 4 clientes de “Perdido”' }));
    fireEvent.click(within(lost).getByRole('button', { name: 'Arquivar selecionados' }));
    await waitFor(() => expect(screen.queryByTestId('cleanup-lost')).toBeNull());
    expect(screen.getByTestId('cleanup-log-entry').textContent).toContain('Perdido');
    fireEvent.click(within(screen.getByTestId('cleanup-log')).getByRole('button', { name: /^Desfazer o arquivamento de .* \(Perdido\)$/ }));
    await waitFor(() => expect(names('cleanup-lost', 'cleanup-name')).toEqual(answer.groups.lost));
    expect(screen.getByTestId('cleanup-log-entry').textContent).toMatch(/desfeito em/);
  });
});
