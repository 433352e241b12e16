import { describe, expect, it } from 'vitest';
import { NO_CONSENT, type Customer } from '../../core';
import { translate, type MessageKey } from '../i18n/translate';
import { quickReplyFor, quickReplyValues, starterQuickReplies } from './quick-reply-values';

const customer = (displayName: string, lastOrderAt: string | null): Customer => ({
  id: 'c1',
  displayName,
  identities: [],
  tagIds: [],
  funnelStage: null,
  customFields: {},
  consent: NO_CONSENT,
  notesCount: 0,
  lastOrderAt,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  archivedAt: null,
  merges: [],
});

describe('quick reply variables for a customer', () => {
  it('writes money and dates the pt-BR way, on the seller’s calendar, in the currency the customer spends most in', () => {
    const profile = {
      customer: customer('  Maria  da Conceição ', '2026-12-01T02:00:00.000Z'),
      totals: [
        { currency: 'BRL', totalMinor: 123_456_78, averageTicketMinor: 4_115_23, orders: 30 },
        { currency: 'EUR', totalMinor: 9_00, averageTicketMinor: 9_00, orders: 1 },
      ],
      pixKey: '+55 11 98765-4321',
    };
    const text = '{nome}: {ultima_compra}, {ticket_medio} de média, {total_gasto} no total. PIX {chave_pix}';
    // 02:00 UTC on 1 December is still 30 November in São Paulo, and already 1 December in Lisbon.
    expect(quickReplyFor(text, quickReplyValues(profile, 'pt-BR', 'America/Sao_Paulo'))).toEqual({
      text: 'Maria: 30/11/2026, R$\u00a04.115,23 de média, R$\u00a0123.456,78 no total. PIX +55 11 98765-4321',
      missing: [],
    });
    expect(quickReplyValues(profile, 'pt-PT', 'Europe/Lisbon').ultima_compra).toBe('01/12/2026');
    expect(quickReplyValues(profile, 'pt-BR', 'America/Sao_Paulo').nome_completo).toBe('  Maria  da Conceição ');
  });

  it('leaves out what the customer does not have, and says so', () => {
    const values = quickReplyValues({ customer: customer('Bia', null), totals: [], pixKey: null }, 'pt-BR', 'America/Sao_Paulo');
    expect(values).toEqual({ nome: 'Bia', nome_completo: 'Bia' });
    expect(quickReplyFor('{nome}, {ticket_medio} / {chave_pix} / {ticket_medio}', values)).toEqual({ text: 'Bia,  /  / ', missing: ['ticket_medio', 'chave_pix'] });
  });

  it('suggests one reply per default funnel stage and one for anyone, in the seller’s language, with {nome} in them', () => {
    const t = (key: MessageKey, params?: Record<string, string | number>) => translate('es', key, params);
    const starters = starterQuickReplies(t, 'es');
    expect(starters.map((reply) => [reply.name, reply.stage?.id ?? null])).toEqual([
      ['Descubrimiento', 'discovery'],
      ['Consideración', 'consideration'],
      ['Decisión', 'decision'],
      ['Cliente', 'customer'],
      ['Cualquier cliente', null],
    ]);
    for (const reply of starters) expect(reply.text).toContain('{nome}');
  });
});
