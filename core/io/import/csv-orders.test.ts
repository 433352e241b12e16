import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createOrdersCsvReader, readOrdersCsv, type ImportedOrder } from '.';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

describe('Shopify orders', () => {
  const result = readOrdersCsv(fixture('shopify-orders.csv'));

  it('groups the lines of one order, keeps the multi-line note inside its row and counts its lines', () => {
    expect(result.preset).toBe('shopify');
    const [first, second] = result.rows;
    expect(first).toEqual({
      line: 2,
      endLine: 4,
      externalId: '#1001',
      placedAt: '2026-03-25T01:36:00.000Z',
      total: 15000,
      currency: 'BRL',
      status: 'paid',
      customer: { name: 'Ana Souza', email: 'ana@exemplo.com.br' },
      items: [
        { name: 'Bolo de cenoura', quantity: 2, unitPrice: 5000 },
        { name: 'Torta de limão', quantity: 1, unitPrice: 4000 },
      ],
    });
    expect(second).toMatchObject({ line: 5, externalId: '#1002', total: 3000, status: 'refunded', customer: { email: 'bia@exemplo.com' } });
  });

  it('reads a voided or cancelled order as cancelled and reports one not paid yet', () => {
    expect(result.rows.map((row) => [row.externalId, row.status])).toEqual([
      ['#1001', 'paid'],
      ['#1002', 'refunded'],
      ['#1003', 'cancelled'],
    ]);
    expect(result.errors).toEqual([{ line: 7, column: 'Financial Status', code: 'unpaid', value: 'pending', message: 'Financial Status: "pending" is an order not paid yet; only paid, refunded and cancelled orders are read' }]);
  });

  it('holds an order whose lines are split across chunks until its last line arrives, at any cut', () => {
    const bytes = fixture('shopify-orders.csv');
    for (let cut = 1; cut < bytes.length; cut += 7) {
      const reader = createOrdersCsvReader();
      const rows: ImportedOrder[] = [];
      for (const batch of [reader.push(bytes.subarray(0, cut)), reader.push(bytes.subarray(cut)), reader.end()]) rows.push(...batch.rows);
      expect(rows, `cut at ${cut}`).toEqual(result.rows);
    }
  });
});

describe('a pt-BR Excel CSV (Windows-1252, semicolons, decimal comma, dd/mm/aaaa)', () => {
  const result = readOrdersCsv(fixture('excel-pt-br-orders.csv'));

  it('skips the preamble, decodes the accents and reads amounts and dates on the seller’s clock', () => {
    expect(result.preset).toBe('generic');
    expect(result.rows[0]).toEqual({
      line: 4,
      externalId: '101',
      placedAt: '2026-03-25T01:36:00.000Z',
      total: 123456,
      currency: 'BRL',
      status: 'paid',
      customer: { name: 'José Conceição', phone: '+5511987654321', cpf: '52998224725' },
    });
  });

  it('reports the impossible date, the missing total and the CPF Excel damaged, each with its line and column', () => {
    expect(result.errors).toEqual([
      { line: 5, column: 'Data', code: 'not-a-date', value: '31/02/2026', message: 'Data: "31/02/2026" is not a date' },
      { line: 6, column: 'Total', code: 'missing-total', message: 'Total: the total is missing' },
      { line: 7, column: 'CPF', code: 'scientific-notation', value: '6,16069E+12', message: 'CPF: "6,16069E+12" is in scientific notation: Excel turned the number into this and its last digits are lost; export the column as text' },
    ]);
    // The damaged CPF is left out; the returned order (a refund) is otherwise whole.
    expect(result.rows[1]).toEqual({ line: 7, externalId: '104', placedAt: '2026-03-26T03:00:00.000Z', total: 4500, currency: 'BRL', status: 'refunded', customer: { name: 'João' } });
    expect(result.rows).toHaveLength(2);
  });

  it('reads the same rows from a time zone given by the seller', () => {
    const lisbon = readOrdersCsv(fixture('excel-pt-br-orders.csv'), { timeZone: 'Europe/Lisbon', currency: 'EUR' });
    expect(lisbon.rows[0]).toMatchObject({ placedAt: '2026-03-24T22:36:00.000Z', currency: 'EUR' });
  });
});

describe('WooCommerce Analytics › Orders', () => {
  it('reads the net revenue as the total, the status words, and the customer by name only', () => {
    const file = [
      'Date,Order #,N. Revenue (formatted),Status,Customer,Customer type,Product(s),Items sold,Coupon(s),Net Sales,Attribution',
      '2026-03-24 22:36:00,1201,"R$1.234,56",Completed,Ana Souza,returning,"2× Bolo, 1× Torta",3,,1234.56,Direct',
      '2026-03-25 09:00:00,1202,"R$45,00",Refunded,Bia Lima,new,1× Café,1,,45,Direct',
      '2026-03-25 10:00:00,1203,"R$45,00",Pending payment,Caio,new,1× Café,1,,45,Direct',
    ].join('\n');
    const result = readOrdersCsv(file);
    expect(result.preset).toBe('woocommerce');
    expect(result.rows).toEqual([
      { line: 2, externalId: '1201', placedAt: '2026-03-25T01:36:00.000Z', total: 123456, currency: 'BRL', status: 'paid', customer: { name: 'Ana Souza' } },
      { line: 3, externalId: '1202', placedAt: '2026-03-25T12:00:00.000Z', total: 4500, currency: 'BRL', status: 'refunded', customer: { name: 'Bia Lima' } },
    ]);
    expect(result.errors).toEqual([{ line: 4, column: 'Status', code: 'unpaid', value: 'Pending payment', message: 'Status: "Pending payment" is an order not paid yet; only paid, refunded and cancelled orders are read' }]);
  });
});

describe('Nuvemshop orders', () => {
  it('reads a BOM-prefixed semicolon export with one line per product, a CNPJ buyer and Excel damage', () => {
    const file =
      '\uFEFFNúmero do Pedido;E-mail;Data;Status do Pedido;Status do Pagamento;Moeda;Total;Nome do comprador;CPF / CNPJ;Telefone;Código postal;Nome do Produto;Valor do Produto;Quantidade Comprada\n' +
      '501;ana@x.com;24/03/2026 22:36;Aberto;Pago;BRL;150,00;Ana Souza;529.982.247-25;11987654321;01310-100;Bolo;50,00;2\n' +
      '501;;;;;;;;;;;Torta;50,00;1\n' +
      '502;loja@x.com;25/03/2026 10:00;Cancelado;Pago;BRL;80,00;Loja ME;12.345.678/0001-95;;2840130;Kit festa;80,00;1\n' +
      '503;joao@x.com;26/03/2026 11:00;Aberto;Pago;BRL;20,00;João;6,16069E+12;;;Brigadeiro;20,00;1\n';
    const result = readOrdersCsv(file);
    expect(result.preset).toBe('nuvemshop');
    expect(result.rows.map(({ line, endLine, externalId, total, status, customer, items }) => ({ line, endLine, externalId, total, status, customer, items }))).toEqual([
      {
        line: 2,
        endLine: 3,
        externalId: '501',
        total: 15000,
        status: 'paid',
        customer: { name: 'Ana Souza', email: 'ana@x.com', phone: '+5511987654321', cpf: '52998224725' },
        items: [
          { name: 'Bolo', quantity: 2, unitPrice: 5000 },
          { name: 'Torta', quantity: 1, unitPrice: 5000 },
        ],
      },
      { line: 4, endLine: undefined, externalId: '502', total: 8000, status: 'cancelled', customer: { name: 'Loja ME', email: 'loja@x.com' }, items: [{ name: 'Kit festa', quantity: 1, unitPrice: 8000 }] },
      { line: 5, endLine: undefined, externalId: '503', total: 2000, status: 'paid', customer: { name: 'João', email: 'joao@x.com' }, items: [{ name: 'Brigadeiro', quantity: 1, unitPrice: 2000 }] },
    ]);
    expect(result.rows[0]?.placedAt).toBe('2026-03-25T01:36:00.000Z');
    expect(result.errors).toEqual([{ line: 5, column: 'CPF / CNPJ', code: 'scientific-notation', value: '6,16069E+12', message: expect.stringContaining('"6,16069E+12" is in scientific notation') }]);
  });
});

describe('generic files', () => {
  it('detects a tab separator and reads ISO dates with an offset and amounts with a decimal point', () => {
    const result = readOrdersCsv('date\tcustomer\temail\ttotal\tstatus\n2026-03-24T22:36:00-03:00\tAna\tana@x.com\t1,234.56\trefunded\n2026-03-24T10:00:00Z\tBia\tnot-an-email\t45.00\tPaid\n');
    expect(result.rows).toEqual([
      { line: 2, placedAt: '2026-03-25T01:36:00.000Z', total: 123456, currency: 'BRL', status: 'refunded', customer: { name: 'Ana', email: 'ana@x.com' } },
      { line: 3, placedAt: '2026-03-24T10:00:00.000Z', total: 4500, currency: 'BRL', status: 'paid', customer: { name: 'Bia' } },
    ]);
    expect(result.errors).toEqual([{ line: 3, column: 'email', code: 'not-an-email', value: 'not-an-email', message: 'email: "not-an-email" is not an e-mail address' }]);
  });

  it('reports every row of a file without a date or a total column, never dropping one', () => {
    const result = readOrdersCsv('nome,telefone\nAna,11987654321\nBia,11987654322\n');
    expect(result.rows).toEqual([]);
    expect(result.errors.map((error) => error.line)).toEqual([2, 3]);
    expect(result.errors[0]).toMatchObject({ code: 'no-date-or-total-column', message: 'The file has no column for the order date or the total, so this row was not read' });
  });

  it('reads a CSV with Mac line breaks (lone CR) and a quote that never closes', () => {
    const result = readOrdersCsv('data,total\r24/03/2026,10\r"25/03/2026,20\r26/03/2026,30\r');
    expect(result.rows.map((row) => [row.line, row.total])).toEqual([[2, 1000]]);
    expect(result.errors).toEqual([{ line: 3, endLine: 4, code: 'unclosed-quote', message: 'A quote opened in this row is never closed, so the row was not read' }]);
  });

  it('never throws on bad options: they come back as errors on line 0', () => {
    const result = readOrdersCsv('data,total\n24/03/2026,10\n', { timeZone: 'Mars/Olympus', currency: 'reais' });
    expect(result.rows).toEqual([{ line: 2, placedAt: '2026-03-24T03:00:00.000Z', total: 1000, currency: 'BRL', customer: {} }]);
    expect(result.errors.map((error) => [error.line, error.code, error.value])).toEqual([
      [0, 'unknown-time-zone', 'Mars/Olympus'],
      [0, 'unknown-currency', 'reais'],
    ]);
  });
});

describe('the incremental reader', () => {
  it('hands back the rows each chunk completes, holding only the record the chunk cut', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `${String((i % 28) + 1).padStart(2, '0')}/03/2026;${100 + i};Cliente ${i};${i + 1},00`);
    const bytes = new TextEncoder().encode(`Data;Pedido;Cliente;Total\n${lines.join('\n')}\n`);
    const cut = bytes.length - 5;
    const reader = createOrdersCsvReader();
    const first = reader.push(bytes.subarray(0, cut));
    expect(first.rows).toHaveLength(39);
    expect(reader.preset).toBe('generic');
    // The last line's break arrives with the second chunk: the row is complete there, not at the end.
    expect(reader.push(bytes.subarray(cut)).rows).toEqual([{ line: 41, externalId: '139', placedAt: '2026-03-12T03:00:00.000Z', total: 4000, currency: 'BRL', customer: { name: 'Cliente 39' } }]);
    expect(reader.end()).toEqual({ rows: [], errors: [] });
  });

  it('reads a file as the preset the seller chose, and reports its rows when the header is another’s', () => {
    const file = 'Data;Cliente;Total\n24/03/2026;Ana;10,00\n';
    expect(readOrdersCsv(file, { preset: 'generic' }).rows).toHaveLength(1);
    const asShopify = readOrdersCsv(file, { preset: 'shopify' });
    expect(asShopify.preset).toBe('shopify');
    expect(asShopify.rows).toEqual([]);
    expect(asShopify.errors).toEqual([{ line: 2, code: 'no-date-or-total-column', message: 'The file has no column for the order date, so this row was not read' }]);
  });
});

describe('the generic layout in pt-PT', () => {
  it('takes “N.º da encomenda”, “Nº encomenda” or “Encomenda” for the order id', () => {
    for (const header of ['N.º da encomenda', 'Nº encomenda', 'Encomenda'])
      expect(readOrdersCsv(`${header};Data;Total\nE-7;24/03/2026;10,00\n`, { timeZone: 'Europe/Lisbon', currency: 'EUR' }).rows.map((row) => row.externalId), header).toEqual(['E-7']);
  });
});

describe('the generic layout’s items column', () => {
  it('reads the items our export lists in one cell, with their quantities and no price', () => {
    const excel = readOrdersCsv('Pedido;Data;Total;Itens\n1;24/03/2026;10,00;"2× Bolo; 1,5× Torta"\n');
    expect(excel.rows[0]?.items).toEqual([
      { name: 'Bolo', quantity: 2, unitPrice: 0 },
      { name: 'Torta', quantity: 1.5, unitPrice: 0 },
    ]);
    const standard = readOrdersCsv('Order,Date,Total,Items\n1,2026-03-24T10:00:00-03:00,10.00,1× Pão; integral | Café\n');
    expect(standard.errors).toEqual([]);
    expect(standard.rows[0]?.items).toEqual([
      { name: 'Pão; integral', quantity: 1, unitPrice: 0 },
      { name: 'Café', quantity: 1, unitPrice: 0 },
    ]);
  });
});
