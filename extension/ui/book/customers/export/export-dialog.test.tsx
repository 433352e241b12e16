// @vitest-environment happy-dom
import axe from 'axe-core';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Book, TableQuery } from '../../../../../core';
import { openTestBook } from '../../../../../core/store/test-book';
import { BookProvider, type BackgroundClient } from '../../app/book-context';
import { NoticeArea } from '../../app/notice-area';
import { localBackground } from '../../testing/local-background';
import { ExportDialog } from './export-dialog';

const NOW = new Date('2026-11-29T12:00:00.000Z');
const LIST: TableQuery = { filters: { tagMode: 'any', archived: 'exclude' }, sort: { column: 'name', direction: 'asc' }, search: '' };

let book: Book;
let ids: string[];
beforeEach(async () => {
  book = await openTestBook(NOW);
  ids = (await book.customers.createMany([{ displayName: 'Ana Souza', identities: [{ kind: 'phone', value: '(11) 98765-4321' }] }, { displayName: 'Bia Lima' }])).map((customer) => customer.id);
  await book.orders.add({ customerId: ids[0] as string, placedAt: '2026-11-28T01:30:00.000Z', totalMinor: 123456, currency: 'BRL', items: [{ name: 'Bolo', category: null, quantity: 2, unitPriceMinor: 61728 }] });
});
afterEach(() => {
  vi.useRealTimers();
  cleanup();
  book.close();
});

function mount(background: BackgroundClient, selected: ReadonlySet<string> = new Set()) {
  const save = vi.fn<(parts: readonly string[], fileName: string) => void>();
  render(
    <BookProvider book={book} background={background} locale="pt-BR" timeZone="America/Sao_Paulo">
      <NoticeArea />
      <ExportDialog query={LIST} selected={selected} total={2} tags={new Map()} save={save} />
    </BookProvider>,
  );
  return save;
}

const dialog = () => screen.getByTestId('export-dialog') as HTMLDialogElement;
const opener = () => screen.getByRole('button', { name: 'Exportar' });

describe('the Exportar dialog', () => {
  it('opens modally with focus inside, offers the list, the selection and the orders, and closes back to its button', async () => {
    mount(localBackground(book, NOW), new Set([ids[1] as string]));
    expect(dialog().open).toBe(false);
    opener().focus();
    fireEvent.click(opener());
    expect(dialog().open).toBe(true);
    // Focus is on the choice already made, inside the dialog.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('radio', { name: 'Clientes selecionados (1 cliente)' })));
    expect(dialog().getAttribute('aria-labelledby')).toBe('export-title');
    expect(document.getElementById('export-title')?.textContent).toBe('Exportar para CSV');
    const what = [...dialog().querySelectorAll<HTMLInputElement>('input[name="export-what"]')];
    expect(what.map((input) => input.closest('label')?.textContent)).toEqual(['Clientes desta lista (2 clientes)', 'Clientes selecionados (1 cliente)', 'Pedidos dos clientes desta lista']);
    // With a selection, the selection is what is offered first.
    expect(what.map((input) => input.checked)).toEqual([false, true, false]);
    expect(screen.getByRole('radio', { name: /Excel \(Brasil\)/ })).toHaveProperty('checked', true);
    expect(screen.getByRole('radio', { name: /CSV padrão/ }).getAttribute('aria-describedby')).toBe('export-hint-standard');
    // The table's Escape (clear the selection) never hears an Escape meant for the dialog.
    const heard = vi.fn();
    document.addEventListener('keydown', heard);
    fireEvent.keyDown(screen.getByRole('radio', { name: /CSV padrão/ }), { key: 'Escape' });
    expect(heard).not.toHaveBeenCalled();
    document.removeEventListener('keydown', heard);
    // axe-core over the open dialog (contrast is a Chromium matter: happy-dom lays nothing out).
    const audit = await axe.run(dialog(), { rules: { 'color-contrast': { enabled: false } } });
    expect(audit.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' ')}`)).toEqual([]);
    expect(audit.passes.length).toBeGreaterThan(5);
    fireEvent.click(screen.getByRole('button', { name: 'Fechar' }));
    expect(dialog().open).toBe(false);
    await waitFor(() => expect(document.activeElement).toBe(opener()));
  });

  it('writes the orders of the list as Excel (Brasil) and names the file on the seller’s clock', async () => {
    // 01:30 UTC on 1 December is still 30 November in São Paulo.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-01T01:30:00.000Z'));
    const save = mount(localBackground(book, NOW));
    fireEvent.click(opener());
    expect(screen.queryByRole('radio', { name: /selecionados/ })).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: 'Pedidos dos clientes desta lista' }));
    fireEvent.click(dialog().querySelector('button[type="submit"]') as HTMLButtonElement);
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    const [parts, fileName] = save.mock.calls[0] ?? [[], ''];
    expect(fileName).toBe('clientela-pedidos-2026-11-30.csv');
    const lines = parts.join('').split('\r\n');
    expect(lines[0]).toBe('\uFEFFPedido;Data;Status;Total;Moeda;Cliente;Telefone;E-mail;CPF;Itens;Canal');
    expect(lines[1]).toMatch(/^[^;]+;27\/11\/2026 22:30;Pago;1234,56;BRL;Ana Souza;\(11\) 98765-4321;;;2× Bolo;Outro$/);
    expect(dialog().open).toBe(false);
    await waitFor(() => expect(screen.getByTestId('notice-status').textContent).toBe('1 pedido exportado para clientela-pedidos-2026-11-30.csv.'));
  });

  it('shows the progress while reading, and a cancel stops it with no file made', async () => {
    const real = localBackground(book, NOW);
    let release = () => undefined as void;
    const held = new Promise<void>((done) => (release = done));
    const slow: BackgroundClient = {
      ...real,
      async ask(request) {
        await held;
        return real.ask(request);
      },
    };
    const save = mount(slow);
    fireEvent.click(opener());
    fireEvent.click(screen.getByRole('radio', { name: /CSV padrão/ }));
    fireEvent.click(dialog().querySelector('button[type="submit"]') as HTMLButtonElement);
    await waitFor(() => expect(dialog().querySelector('progress')).not.toBeNull());
    expect(dialog().querySelector('.export-progress')?.textContent).toBe('Exportando… 0%');
    expect(screen.getByRole('radio', { name: /CSV padrão/ }).closest('fieldset')?.disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Cancelar' }));
    release();
    await waitFor(() => expect(dialog().querySelector('[role="status"]')?.textContent).toBe('Exportação cancelada; nenhum arquivo foi criado.'));
    expect(save).not.toHaveBeenCalled();
    expect(dialog().open).toBe(true);
    expect(dialog().querySelector('progress')).toBeNull();
  });

  it('says inside the dialog why an export failed', async () => {
    const failing: BackgroundClient = {
      ask: async () => {
        throw new Error('O serviço da extensão não respondeu');
      },
      watchTable: () => undefined,
    };
    const save = mount(failing);
    fireEvent.click(opener());
    fireEvent.click(dialog().querySelector('button[type="submit"]') as HTMLButtonElement);
    await waitFor(() => expect(dialog().querySelector('[role="alert"]')?.textContent).toBe('A exportação falhou: O serviço da extensão não respondeu'));
    expect(save).not.toHaveBeenCalled();
  });
});

describe('the Exportar dialog when the list keeps changing', () => {
  it('says so in the seller’s words after starting over three times, and makes no file', async () => {
    const real = localBackground(book, NOW);
    let version = 0;
    // A table that says it has 1,000 rows (two windows) and a new version in every answer.
    const moving: BackgroundClient = {
      ...real,
      async ask(request) {
        const answer = await real.ask(request);
        return (request.type === 'table/query' ? { ...answer, total: 1000, version: ++version } : answer) as never;
      },
    };
    const save = mount(moving);
    fireEvent.click(opener());
    fireEvent.click(dialog().querySelector('button[type="submit"]') as HTMLButtonElement);
    await waitFor(() => expect(dialog().querySelector('[role="alert"]')?.textContent).toBe('A exportação falhou: a lista mudou várias vezes enquanto era lida; tente de novo'));
    expect(save).not.toHaveBeenCalled();
    expect(version).toBe(6);
  });
});
