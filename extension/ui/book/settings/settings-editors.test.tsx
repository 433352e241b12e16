// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Book } from '../../../../core';
import { openTestBook } from '../../../../core/store/test-book';
import { readPixKey } from '../../../background/pix-key';
import { readTimeZone } from '../../../i18n/time-zone';
import { BookProvider, useBook } from '../app/book-context';
import { NoticeArea } from '../app/notice-area';
import { QuickRepliesPanel } from './quick-replies-panel';
import { SellerPanel } from './seller-panel';
import { TagsPanel } from './tags-panel';

afterEach(cleanup);

function ZoneShown() {
  return <output data-testid="zone-in-use">{useBook().timeZone}</output>;
}

function mount(book: Book, panel: preact.ComponentChild) {
  return render(
    <BookProvider book={book} locale="pt-BR">
      <NoticeArea />
      <ZoneShown />
      {panel}
    </BookProvider>,
  );
}

const rows = (testId: string) => screen.queryAllByTestId(testId).map((row) => row.querySelector('.tag-filled, strong')?.textContent);
const notice = () => screen.getByTestId('notice-status').textContent;
const alert = () => screen.getByTestId('notice-alert').textContent;

describe('the tag editor', () => {
  it('renames and recolours a tag, moves it with the keyboard-reachable buttons, and says how many customers lose it before deleting', async () => {
    const book = await openTestBook();
    const vip = await book.tags.create({ name: 'VIP', colour: '#0b6e4f' });
    const atacado = await book.tags.create({ name: 'Atacado', colour: '#1f6feb' });
    await book.customers.create({ displayName: 'Ana', tagIds: [vip.id, atacado.id] });
    await book.customers.create({ displayName: 'Bia', tagIds: [vip.id] });
    mount(book, <TagsPanel />);
    await waitFor(() => expect(rows('tag-row')).toEqual(['VIP', 'Atacado']));
    expect(screen.getAllByTestId('tag-row')[0]?.textContent).toContain('2 clientes · tecla 1');

    fireEvent.click(screen.getByRole('button', { name: 'Editar a etiqueta VIP' }));
    const form = screen.getByRole('form', { name: 'Editar a etiqueta VIP' });
    fireEvent.input(within(form).getByLabelText('Nome da etiqueta'), { target: { value: 'Cliente VIP' } });
    fireEvent.click(within(form).getByLabelText('Vermelho'));
    expect(within(form).getByTestId('tag-preview').style.color).toMatch(/255, 255, 255|#ffffff/);
    fireEvent.submit(form);
    await waitFor(() => expect(notice()).toBe('Etiqueta Cliente VIP salva.'));
    // The editor closes and the focus goes back to the button that opened it.
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Editar a etiqueta Cliente VIP'));
    expect((await book.tags.list()).map((tag) => [tag.name, tag.colour])).toEqual([
      ['Cliente VIP', '#d1242f'],
      ['Atacado', '#1f6feb'],
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Mover Atacado para cima' }));
    await waitFor(() => expect(rows('tag-row')).toEqual(['Atacado', 'Cliente VIP']));
    expect(notice()).toBe('Atacado agora está na posição 1 de 2.');
    // The moved tag's other button keeps the focus: "up" is disabled at the top.
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Mover Atacado para baixo'));
    expect(screen.getAllByTestId('tag-row')[0]?.textContent).toContain('tecla 1');
    // Later redraws leave the focus where the seller put it.
    const addName = within(screen.getByRole('form', { name: 'Nova etiqueta' })).getByLabelText('Nome da etiqueta');
    addName.focus();
    await book.customers.create({ displayName: 'Caio', tagIds: [atacado.id] });
    await waitFor(() => expect(screen.getAllByTestId('tag-row')[0]?.textContent).toContain('2 clientes'));
    expect(document.activeElement).toBe(addName);

    fireEvent.click(screen.getByRole('button', { name: 'Excluir a etiqueta Cliente VIP' }));
    const question = await screen.findByText('Excluir a etiqueta Cliente VIP? 2 clientes a têm e vão perdê-la.');
    expect(document.activeElement).toBe(question);
    fireEvent.click(screen.getByRole('button', { name: 'Excluir Cliente VIP' }));
    await waitFor(() => expect(rows('tag-row')).toEqual(['Atacado']));
    expect(await book.customers.countBy({ tagId: vip.id, includeArchived: true })).toBe(0);
  });

  it('refuses a name another tag has, beside the name field, and keeps the tag as it was', async () => {
    const book = await openTestBook();
    await book.tags.create({ name: 'VIP', colour: '#0b6e4f' });
    mount(book, <TagsPanel />);
    const form = screen.getByRole('form', { name: 'Nova etiqueta' });
    fireEvent.input(within(form).getByLabelText('Nome da etiqueta'), { target: { value: 'vip' } });
    fireEvent.submit(form);
    await waitFor(() => expect(alert()).toBe('a tag named "VIP" already exists'));
    const name = within(form).getByLabelText('Nome da etiqueta');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(name.getAttribute('aria-describedby') as string)?.textContent).toBe('a tag named "VIP" already exists');
    expect((await book.tags.list()).map((tag) => tag.name)).toEqual(['VIP']);
  });
});

describe('the quick reply editor', () => {
  it('adds a reply for a funnel stage with a variable inserted by its button, then edits, moves and deletes it', async () => {
    const book = await openTestBook();
    await book.quickReplies.save({ name: 'Geral', stage: null, text: 'Oi!' });
    mount(book, <QuickRepliesPanel />);
    await waitFor(() => expect(rows('reply-row')).toEqual(['Geral']));
    const form = screen.getByRole('form', { name: 'Nova resposta rápida' });
    fireEvent.input(within(form).getByLabelText('Nome'), { target: { value: 'Fechar' } });
    fireEvent.change(within(form).getByLabelText('Etapa'), { target: { value: 'funnel:decision' } });
    const text = within(form).getByLabelText('Texto') as HTMLTextAreaElement;
    fireEvent.input(text, { target: { value: 'Oi, ! Segue o PIX.' } });
    text.setSelectionRange(4, 4);
    fireEvent.click(within(form).getByRole('button', { name: 'Inserir {nome}: primeiro nome' }));
    await waitFor(() => expect(text.value).toBe('Oi, {nome}! Segue o PIX.'));
    expect(within(form).getByTestId('reply-preview').textContent).toBe('Oi, Ana! Segue o PIX.');
    fireEvent.submit(form);
    await waitFor(() => expect(rows('reply-row')).toEqual(['Geral', 'Fechar']));
    expect(notice()).toBe('Resposta Fechar adicionada.');
    expect(screen.getAllByTestId('reply-row')[1]?.textContent).toContain('Funil: Decisão');

    fireEvent.click(screen.getByRole('button', { name: 'Mover Fechar para cima' }));
    await waitFor(() => expect(rows('reply-row')).toEqual(['Fechar', 'Geral']));
    fireEvent.click(screen.getByRole('button', { name: 'Editar a resposta Geral' }));
    const edit = screen.getByRole('form', { name: 'Editar a resposta Geral' });
    fireEvent.change(within(edit).getByLabelText('Etapa'), { target: { value: 'lifecycle:recovery' } });
    fireEvent.submit(edit);
    await waitFor(() => expect(screen.getAllByTestId('reply-row')[1]?.textContent).toContain('Ciclo de vida: '));
    expect((await book.quickReplies.list()).map((reply) => [reply.name, reply.stage])).toEqual([
      ['Fechar', { kind: 'funnel', id: 'decision' }],
      ['Geral', { kind: 'lifecycle', id: 'recovery' }],
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Excluir a resposta Fechar' }));
    await waitFor(() => expect(rows('reply-row')).toEqual(['Geral']));
  });

  it('refuses an unknown variable beside the text, and starts from the suggestions when the list is empty', async () => {
    const book = await openTestBook();
    mount(book, <QuickRepliesPanel />);
    const form = screen.getByRole('form', { name: 'Nova resposta rápida' });
    fireEvent.input(within(form).getByLabelText('Nome'), { target: { value: 'Pet' } });
    fireEvent.input(within(form).getByLabelText('Texto'), { target: { value: 'Como está o {pet}?' } });
    fireEvent.submit(form);
    await waitFor(() => expect(within(form).getByLabelText('Texto').getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById('new-reply-text-error')?.textContent).toMatch(/^uses \{pet\}, which Clientela does not know/);
    expect(await book.quickReplies.list()).toEqual([]);

    fireEvent.click(await screen.findByRole('button', { name: 'Começar pelas sugestões' }));
    await waitFor(() => expect(rows('reply-row')).toEqual(['Descoberta', 'Consideração', 'Decisão', 'Cliente', 'Qualquer cliente']));
    expect(notice()).toBe('5 sugestões adicionadas: edite como quiser.');
  });
});

describe('the seller panel', () => {
  it('saves a time zone picked from the list (the book page follows it at once) and a chave PIX, refusing one that is none', async () => {
    const book = await openTestBook();
    mount(book, <SellerPanel />);
    const zone = screen.getByLabelText('Fuso horário') as HTMLInputElement;
    expect([...document.querySelectorAll('#time-zones option')].map((option) => (option as HTMLOptionElement).value)).toContain('America/Sao_Paulo');
    fireEvent.input(zone, { target: { value: 'america/recife' } });
    fireEvent.submit(zone.closest('form') as HTMLFormElement);
    await waitFor(() => expect(screen.getByTestId('zone-in-use').textContent).toBe('America/Recife'));
    expect(await readTimeZone(book)).toBe('America/Recife');
    expect(notice()).toMatch(/^Fuso horário salvo: America\/Recife/);

    fireEvent.input(zone, { target: { value: 'Marte/Olympus' } });
    fireEvent.submit(zone.closest('form') as HTMLFormElement);
    await waitFor(() => expect(zone.getAttribute('aria-invalid')).toBe('true'));
    expect(await readTimeZone(book)).toBe('America/Recife');

    const pix = screen.getByLabelText('Chave PIX') as HTMLInputElement;
    fireEvent.input(pix, { target: { value: 'não é chave' } });
    fireEvent.submit(pix.closest('form') as HTMLFormElement);
    await waitFor(() => expect(pix.getAttribute('aria-invalid')).toBe('true'));
    expect(await readPixKey(book)).toBeNull();
    fireEvent.input(pix, { target: { value: '123.456.789-09' } });
    fireEvent.submit(pix.closest('form') as HTMLFormElement);
    await waitFor(() => expect(notice()).toBe('Chave PIX salva.'));
    expect(await readPixKey(book)).toBe('123.456.789-09');
  });
});
