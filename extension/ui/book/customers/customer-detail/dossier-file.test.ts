import { describe, expect, it } from 'vitest';
import { bookWithEverything } from '../../../../../core/store/test-book';
import { translator } from '../../../../i18n/translate';
import { dossierCsv, dossierFileName } from './dossier-file';

describe('the LGPD export of one customer', () => {
  it('writes everything held about them as a readable table in the seller’s words, zone and money', async () => {
    const book = await bookWithEverything();
    const ana = (await book.customers.findByIdentity('email', 'ana@example.com'))[0]!;
    const csv = dossierCsv(await book.dossier(ana.id), translator('pt-BR'), 'pt-BR', 'America/Sao_Paulo');
    const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n').map((line) => line.replace(/\u00a0/g, ' '));
    expect(lines[0]).toBe('Seção,Item,Detalhe');
    expect(lines).toContain('Dados do cliente,Nome,Ana Souza');
    expect(lines).toContain('Contatos,Telefone,11 98765-4321');
    expect(lines).toContain('Contatos,E-mail,Ana@Example.com');
    expect(lines).toContain('Campos personalizados,tamanho,M');
    expect(lines).toContain('Etiquetas,VIP,');
    expect(lines).toContain('Dados do cliente,Etapa do funil,Decisão');
    expect(lines).toContain('Histórico de pedidos,01/10/2026,"R$ 1.234,56 · Pago · WhatsApp · 2 × Vestido"');
    expect(lines).toContain('Anotações,"22/11/2026, 09:00",Prefere PIX');
    expect(lines).toContain('Lembretes,"01/12/2026, 09:00",Mandar catálogo');
    expect(lines.at(-1)).toBe('Avaliação na loja,02/10/2026,"Nota 9 de 10 · ""Ótimo""\n<script>"');
    expect(csv).not.toContain('Bia');
  });

  it('names the file by the day only, nothing of the customer', () => {
    expect(dossierFileName('csv', new Date('2026-11-30T01:00:00Z'), 'America/Sao_Paulo')).toBe('clientela-dados-do-cliente-2026-11-29.csv');
  });
});
