// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Book } from '../../../core';
import { openTestBook } from '../../../core/store/test-book';
import { buildProfile } from '../../background/profiles';
import { savePixKey } from '../../background/pix-key';
import { translate, type MessageKey } from '../../i18n/translate';
import type { CustomerProfile } from '../../messaging/protocol';
import { QuickReplies } from './quick-replies';
import { SidebarContext, type SidebarTools } from './sidebar-context';

afterEach(cleanup);

const noInsight = { insightFor: () => null };

function show(profile: CustomerProfile, onInsert: ((text: string) => void) | null = null) {
  const tools = {
    locale: 'pt-BR',
    timeZone: 'America/Sao_Paulo',
    t: (key: MessageKey, params?: Record<string, string | number>) => translate('pt-BR', key, params),
    announce: vi.fn(),
  } as unknown as SidebarTools;
  return render(
    <SidebarContext.Provider value={tools}>
      <QuickReplies profile={profile} onInsert={onInsert} />
    </SidebarContext.Provider>,
  );
}

async function anaAtDecision(book: Book) {
  const ana = await book.customers.create({ displayName: 'Ana Souza', funnelStage: 'decision' });
  // 22:30 in São Paulo on 30 Sept is already 1 Oct in UTC: the date is the seller's.
  await book.orders.add({ customerId: ana.id, placedAt: '2026-10-01T01:30:00Z', totalMinor: 123456, currency: 'BRL' });
  await book.orders.add({ customerId: ana.id, placedAt: '2026-08-01T12:00:00Z', totalMinor: 10000, currency: 'BRL' });
  return ana;
}

describe('quick replies in the sidebar', () => {
  it('offers the replies of the customer’s stage, then those for anyone, filled in pt-BR money, dates and the chave PIX', async () => {
    const book = await openTestBook();
    const ana = await anaAtDecision(book);
    await book.quickReplies.save({ name: 'Boas-vindas', stage: { kind: 'funnel', id: 'discovery' }, text: 'Bem-vinda, {nome}!' });
    await book.quickReplies.save({ name: 'Geral', stage: null, text: 'Oi, {nome_completo}!' });
    await book.quickReplies.save({ name: 'Fechar', stage: { kind: 'funnel', id: 'decision' }, text: '{nome}, sua última compra foi em {ultima_compra}, ticket médio {ticket_medio}. PIX: {chave_pix}' });
    await savePixKey(book, 'loja@exemplo.com.br');
    const inserted: string[] = [];
    show(await buildProfile(book, noInsight, ana.id, 'pt-BR'), (text) => inserted.push(text));

    const choice = screen.getByLabelText('Resposta') as HTMLSelectElement;
    expect([...choice.options].map((option) => option.text)).toEqual(['Fechar', 'Geral']);
    expect(screen.getByTestId('quick-reply').textContent).toBe('Ana, sua última compra foi em 30/09/2026, ticket médio R$\u00a0667,28. PIX: loja@exemplo.com.br');
    fireEvent.change(choice, { target: { value: '1' } });
    await waitFor(() => expect(screen.getByTestId('quick-reply').textContent).toBe('Oi, Ana Souza!'));
    fireEvent.click(screen.getByRole('button', { name: 'Inserir na conversa' }));
    expect(inserted).toEqual(['Oi, Ana Souza!']);
    expect(screen.queryByText(/Sugestões do Clientela/)).toBeNull();
  });

  it('says which variables have no value for this customer (no purchase, no chave PIX)', async () => {
    const book = await openTestBook();
    const bia = await book.customers.create({ displayName: 'Bia', funnelStage: 'decision' });
    await book.quickReplies.save({ name: 'Fechar', stage: null, text: 'Última compra: {ultima_compra}. PIX: {chave_pix}' });
    show(await buildProfile(book, noInsight, bia.id, 'pt-BR'));
    expect(screen.getByTestId('quick-reply').textContent).toBe('Última compra: . PIX: ');
    expect(screen.getByTestId('quick-reply-missing').textContent).toBe('Sem valor para {ultima_compra}, {chave_pix} neste cliente: confira o texto antes de enviar.');
    expect(screen.queryByLabelText('Resposta')).toBeNull();
  });

  it('offers Clientela’s suggestions for the stage until the seller writes their own, and nothing when none fits', async () => {
    const book = await openTestBook();
    const ana = await anaAtDecision(book);
    show(await buildProfile(book, noInsight, ana.id, 'pt-BR'));
    expect([...(screen.getByLabelText('Resposta') as HTMLSelectElement).options].map((option) => option.text)).toEqual(['Decisão', 'Qualquer cliente']);
    expect(screen.getByTestId('quick-reply').textContent).toBe(translate('pt-BR', 'reply.decision', { name: 'Ana' }));
    expect(screen.getByText('Sugestões do Clientela: escreva as suas em Configurações.')).toBeTruthy();
    cleanup();
    await book.quickReplies.save({ name: 'Descoberta', stage: { kind: 'funnel', id: 'discovery' }, text: 'Oi!' });
    show(await buildProfile(book, noInsight, ana.id, 'pt-BR'));
    expect(screen.queryByTestId('quick-reply')).toBeNull();
    expect(screen.getByText(/Nenhuma resposta rápida para a etapa deste cliente/)).toBeTruthy();
  });
});
