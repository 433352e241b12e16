import { describe, expect, it } from 'vitest';
import { openTestBook } from '../../../../core/store/test-book';
import { translate } from '../../../i18n/translate';
import { localBackground } from '../testing/local-background';
import { selectionCsv } from './export-selection';

const NOW = new Date('2026-11-29T12:00:00.000Z');
const tools = { t: (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('pt-BR', key, params), locale: 'pt-BR' as const, timeZone: 'America/Sao_Paulo' };

describe('exporting the selection', () => {
  it('writes the selected customers only, archived ones too, with the table’s columns in the seller’s words and formulas as text', async () => {
    const book = await openTestBook(NOW);
    const [ana, bia, caio] = await book.customers.createMany([
      { displayName: 'Ana', identities: [{ kind: 'phone', value: '11 98765-4321' }] },
      { displayName: '=HYPERLINK("x")' },
      { displayName: 'Caio' },
    ]);
    const vip = await book.tags.create({ name: 'VIP', colour: '#1a7f37' });
    await book.customers.updateMany([ana?.id as string], { kind: 'addTag', tagId: vip.id });
    await book.customers.updateMany([bia?.id as string], { kind: 'archive', archived: true });
    const background = localBackground(book, NOW);
    const progress: number[] = [];
    const { csv, count } = await selectionCsv(background.ask, new Set([ana?.id as string, bia?.id as string]), { column: 'name', direction: 'asc' }, tools, new Map([[vip.id, vip]]), (done) => progress.push(done));
    expect(count).toBe(2);
    const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('Nome,Contatos,Etiquetas,Atividade,Segmento RFM,Estágio,Última compra,Total gasto,Pedidos,Valor previsto');
    expect(lines).toHaveLength(3);
    expect(lines.some((line) => line.startsWith('"\'=HYPERLINK(""x"")"'))).toBe(true);
    expect(lines.find((line) => line.startsWith('Ana,'))).toMatch(/^Ana,Telefone: 11 98765-4321,VIP,/);
    expect(csv).not.toContain(caio?.displayName);
    expect(progress.at(-1)).toBe(2);
    book.close();
  });
});
