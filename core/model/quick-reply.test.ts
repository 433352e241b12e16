import { describe, expect, it } from 'vitest';
import { fillQuickReply, quickRepliesFor, unknownQuickReplyVariables, type QuickReplyStage } from './quick-reply';

const reply = (name: string, stage: QuickReplyStage) => ({ name, stage });

describe('quick reply texts', () => {
  it('fills every known variable, leaves unknown braces alone, and uses the stand-in for a missing value', () => {
    const text = 'Oi {nome}! Sua última compra foi em {ultima_compra} ({ticket_medio} em média). PIX: {chave_pix}. {emoji} {nome}';
    expect(fillQuickReply(text, { nome: 'Ana', ultima_compra: '01/10/2026', ticket_medio: 'R$ 1.234,56' }, '—')).toBe(
      'Oi Ana! Sua última compra foi em 01/10/2026 (R$ 1.234,56 em média). PIX: —. {emoji} Ana',
    );
  });

  it('names the variables it does not know, once each', () => {
    expect(unknownQuickReplyVariables('{nome} {pet} {pet} {chave_pix} {Nome} { espaço }')).toEqual(['pet', 'Nome']);
    expect(unknownQuickReplyVariables('sem variáveis, só {} e chaves soltas { e }')).toEqual([]);
  });

  it('offers a customer the replies of their funnel or lifecycle stage first, then those for any stage', () => {
    const replies = [reply('geral', null), reply('decisão', { kind: 'funnel', id: 'decision' }), reply('recuperar', { kind: 'lifecycle', id: 'recovery' }), reply('descoberta', { kind: 'funnel', id: 'discovery' })];
    const names = (funnelStage: string | null, lifecycleStage: string | null) => quickRepliesFor(replies, { funnelStage, lifecycleStage }).map((r) => r.name);
    expect(names('decision', 'recovery')).toEqual(['decisão', 'recuperar', 'geral']);
    expect(names('discovery', null)).toEqual(['descoberta', 'geral']);
    expect(names(null, null)).toEqual(['geral']);
  });
});
