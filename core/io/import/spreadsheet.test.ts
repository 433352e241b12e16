import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { readCustomersSpreadsheet, readOrdersSpreadsheet } from './spreadsheet';

type Row = (string | number | XLSX.CellObject | null)[];

/** A workbook written the way the seller's export is, sheets in order, as the bytes a file input gives. */
function workbook(sheets: Record<string, Row[]>, bookType: XLSX.BookType = 'xlsx'): Uint8Array {
  const book = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = XLSX.utils.aoa_to_sheet(rows.map((row) => row.map((cell) => (cell !== null && typeof cell === 'object' ? null : cell))));
    rows.forEach((row, r) => row.forEach((cell, c) => cell !== null && typeof cell === 'object' && (sheet[XLSX.utils.encode_cell({ r, c })] = cell)));
    XLSX.utils.book_append_sheet(book, sheet, name);
  }
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType }) as ArrayBuffer);
}

const ML_HEADER = [
  'N.º de venda', 'Data da venda', 'Estado', 'Descrição do status', 'Pacote de diversos produtos', 'Unidades', 'Receita por produtos (BRL)', 'Receita por envio (BRL)',
  'Tarifa de venda e impostos (BRL)', 'Tarifas de envio (BRL)', 'Cancelamentos e reembolsos (BRL)', 'Total (BRL)', 'SKU', '# de anúncio', 'Título do anúncio',
  'Preço unitário de venda do anúncio (BRL)', 'Comprador', 'CPF', 'Endereço', 'Cidade', 'Estado', 'CEP', 'País',
];
const text = (v: string): XLSX.CellObject => ({ t: 's', v });

describe('Mercado Livre "Vendas" (.xlsx)', () => {
  const bytes = workbook({
    Resumo: [['Resumo do período'], ['Vendas', 3]],
    'Vendas BR': [
      ['Mercado Livre'],
      ['Relatório de vendas'],
      ['Período', '01/03/2026 - 31/03/2026'],
      [],
      ['Vendas', null, null, null, null, null, 'Faturamento'],
      ML_HEADER,
      [text('2000009876543210'), '24 de março de 2026 22:36 hs.', 'Entregue', 'Venda entregue', 'Não', 2, 90, 15, 13.5, 15, 0, 76.5, 'BOLO-1', 'MLB123', 'Bolo de cenoura', 45, 'Ana Souza', text('52998224725'), 'Rua A', 'São Paulo', 'São Paulo', text('01310100'), 'Brasil'],
      [text('2000009876543211'), '2 de abril de 2026 09:05 hs.', 'Cancelada', 'Cancelada pelo comprador', 'Não', 1, 30, 0, 0, 0, -30, 0, 'TORTA', 'MLB124', 'Torta', 30, 'Bia Lima', { t: 'n', v: 1234567890, w: '1234567890' }, 'Rua B', 'Rio de Janeiro', 'Rio de Janeiro', 2040002, 'Brasil'],
      [text('2000009876543212'), '31 de fevereiro de 2026 10:00 hs.', 'Entregue', '', 'Não', 1, 20, 0, 0, 0, 0, 17, 'PAO', 'MLB125', 'Pão', 20, 'Caio', text('12345678909'), '', '', '', '', 'Brasil'],
      [text('2000009876543213'), '5 de abril de 2026 10:00 hs.', 'Devolução finalizada', '', 'Não', 1, 50.25, 0, 0, 0, -50.25, 0, 'KIT', 'MLB126', 'Kit', 50.25, 'Dora', { t: 'n', v: 6160690000000, w: '6,16069E+12' }, '', '', '', '', 'Brasil'],
    ],
  });
  const result = readOrdersSpreadsheet(bytes);

  it('finds the sheet and the header on row 6, and takes what the buyer paid for the products as the total', () => {
    expect(result.preset).toBe('mercadolivre');
    expect(result.rows[0]).toEqual({
      line: 7,
      externalId: '2000009876543210',
      placedAt: '2026-03-25T01:36:00.000Z',
      total: 9000,
      currency: 'BRL',
      status: 'paid',
      customer: { name: 'Ana Souza', cpf: '52998224725' },
      items: [{ name: 'Bolo de cenoura', quantity: 2, unitPrice: 4500 }],
    });
  });

  it('reads amounts in reais, whatever currency the seller’s book defaults to, as the headers say (BRL)', () => {
    expect(readOrdersSpreadsheet(bytes, { currency: 'EUR' }).rows[0]).toMatchObject({ total: 9000, currency: 'BRL' });
  });

  it('reads the order’s Estado (not the buyer’s), Brasília-time instants and the statuses', () => {
    expect(result.rows.map((row) => [row.line, row.placedAt, row.total, row.status])).toEqual([
      [7, '2026-03-25T01:36:00.000Z', 9000, 'paid'],
      [8, '2026-04-02T12:05:00.000Z', 3000, 'cancelled'],
      [10, '2026-04-05T13:00:00.000Z', 5025, 'refunded'],
    ]);
  });

  it('reports the impossible date and CPFs stored as numbers that lost their zeros or their digits', () => {
    expect(result.errors).toEqual([
      { line: 8, column: 'CPF', code: 'lost-leading-zeros', value: '1234567890', message: 'CPF: "1234567890" has lost its leading zeros (a CPF has 11 digits), as Excel does to a number' },
      { line: 9, column: 'Data da venda', code: 'not-a-date', value: '31 de fevereiro de 2026 10:00 hs.', message: 'Data da venda: "31 de fevereiro de 2026 10:00 hs." is not a date' },
      { line: 10, column: 'CPF', code: 'scientific-notation', value: expect.stringMatching(/^6[.,]16069E\+12$/), message: expect.stringMatching(/^CPF: "6[.,]16069E\+12" is in scientific notation/) },
    ]);
    expect(result.rows[1]?.customer).toEqual({ name: 'Bia Lima' });
  });
});

describe('Shopee orders (.xlsx)', () => {
  it('reads the orders sheet, one line per product, with Excel serial dates on the seller’s clock', () => {
    const header = ['ID do pedido', 'Status do pedido', 'Data de criação do pedido', 'Nome do Produto', 'Preço acordado', 'Quantidade', 'Total global', 'Nome de usuário (Comprador)', 'Nome do Destinatário', 'Telefone', 'CPF do Comprador', 'Cidade do destinatário', 'UF do destinatário'];
    // 46105.9416666667 is 2026-03-24 22:36 on the sheet's (the seller's) clock.
    const date = (serial: number): XLSX.CellObject => ({ t: 'n', v: serial, z: 'dd/mm/yyyy hh:mm' });
    const bytes = workbook({
      orders: [
        header,
        ['260324ABC', 'Concluído', date(46105 + (22 * 60 + 36) / 1440), 'Bolo', 45, 2, 90, 'anasouza', 'Ana Souza', text('5511987654321'), text('529.982.247-25'), 'São Paulo', 'SP'],
        ['260324ABC', 'Concluído', date(46105 + (22 * 60 + 36) / 1440), 'Vela', 5.5, 1, 90, 'anasouza', 'Ana Souza', text('5511987654321'), text('529.982.247-25'), 'São Paulo', 'SP'],
        ['260325DEF', 'Não pago', date(46106.5), 'Pão', 10, 1, 10, 'bia', 'Bia', '', '', 'Recife', 'PE'],
        ['260326GHI', 'Cancelado', date(46107.25), 'Torta', 30, 1, 30, 'caio', 'Caio', '', '', 'Natal', 'RN'],
      ],
    });
    const result = readOrdersSpreadsheet(bytes);
    expect(result.preset).toBe('shopee');
    expect(result.rows).toEqual([
      {
        line: 2,
        endLine: 3,
        externalId: '260324ABC',
        placedAt: '2026-03-25T01:36:00.000Z',
        total: 9000,
        currency: 'BRL',
        status: 'paid',
        customer: { name: 'Ana Souza', phone: '+5511987654321', cpf: '52998224725' },
        items: [
          { name: 'Bolo', quantity: 2, unitPrice: 4500 },
          { name: 'Vela', quantity: 1, unitPrice: 550 },
        ],
      },
      { line: 5, externalId: '260326GHI', placedAt: '2026-03-26T09:00:00.000Z', total: 3000, currency: 'BRL', status: 'cancelled', customer: { name: 'Caio' }, items: [{ name: 'Torta', quantity: 1, unitPrice: 3000 }] },
    ]);
    expect(result.errors).toEqual([{ line: 4, column: 'Status do pedido', code: 'unpaid', value: 'Não pago', message: 'Status do pedido: "Não pago" is an order not paid yet; only paid, refunded and cancelled orders are read' }]);
  });
});

describe('customer spreadsheets', () => {
  it('reads Kyte’s .xls template', () => {
    const bytes = workbook({ Clientes: [['Nome', 'Celular', 'E-mail', 'Documento', 'Endereço', 'Observação'], ['Carla', text('(11) 98765-4321'), 'carla@x.com', text('529.982.247-25'), 'Rua D', 'PIX']] }, 'xls');
    expect(readCustomersSpreadsheet(bytes)).toEqual({
      preset: 'kyte',
      mapping: { header: ['Nome', 'Celular', 'E-mail', 'Documento', 'Endereço', 'Observação'], columns: { name: 0, mobile: 1, email: 2, document: 3, notes: 5 }, sample: ['Carla', '(11) 98765-4321', 'carla@x.com', '529.982.247-25', 'Rua D', 'PIX'] },
      rows: [{ line: 2, name: 'Carla', phone: '+5511987654321', email: 'carla@x.com', cpf: '52998224725', notes: 'PIX' }], errors: [] });
  });

  it('reports a file that is no spreadsheet on line 0, without throwing', () => {
    const result = readCustomersSpreadsheet(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]));
    expect(result.rows).toEqual([]);
    expect(result.errors[0]).toMatchObject({ line: 0, code: 'not-a-spreadsheet' });
  });
});
