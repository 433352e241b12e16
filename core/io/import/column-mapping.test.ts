import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { readCustomersCsv, readOrdersCsv } from '.';
import { readOrdersSpreadsheet } from './spreadsheet';

// A seller's own sheet whose headers no preset knows: "Quando" is the date, "Quanto" the total, "Quem" the buyer.
const OWN_SHEET = ['Quando;Quem;Zap;Quanto;Obs', '24/03/2026 22:36;Ana Souza;(11) 98765-4321;R$ 1.234,56;primeira compra', '25/03/2026;Bia Lima;;45,00;'].join('\n');

describe('the seller’s column mapping', () => {
  it('reports the header, the columns the layout found and the first data row', () => {
    const result = readOrdersCsv('Data;Cliente;Telefone;Total\n01/02/2026;Ana;(11) 98765-4321;10,00\n');
    expect(result.preset).toBe('generic');
    expect(result.mapping).toEqual({ header: ['Data', 'Cliente', 'Telefone', 'Total'], columns: { placedAt: 0, name: 1, phone: 2, total: 3 }, sample: ['01/02/2026', 'Ana', '(11) 98765-4321', '10,00'] });
  });

  it('reads a file no layout knows once the seller says which column is the date and which the total', () => {
    const unmapped = readOrdersCsv(OWN_SHEET);
    expect(unmapped.rows).toEqual([]);
    expect(unmapped.errors.map((error) => [error.line, error.code])).toEqual([
      [2, 'no-date-or-total-column'],
      [3, 'no-date-or-total-column'],
    ]);

    const mapped = readOrdersCsv(OWN_SHEET, { preset: 'generic', columns: { placedAt: 0, name: 1, phone: 2, total: 3 } });
    expect(mapped.errors).toEqual([]);
    expect(mapped.mapping?.columns).toEqual({ placedAt: 0, name: 1, phone: 2, total: 3 });
    expect(mapped.rows).toEqual([
      { line: 2, placedAt: '2026-03-25T01:36:00.000Z', total: 123456, currency: 'BRL', customer: { name: 'Ana Souza', phone: '+5511987654321' } },
      { line: 3, placedAt: '2026-03-25T03:00:00.000Z', total: 4500, currency: 'BRL', customer: { name: 'Bia Lima' } },
    ]);
  });

  it('moves a field to another column and reads a field from none when the seller says so', () => {
    const file = 'Data;Cliente;Apelido;Telefone;Total\n01/02/2026;Ana Souza;Aninha;(11) 98765-4321;10,00\n';
    const result = readOrdersCsv(file, { columns: { name: 2, phone: null } });
    expect(result.mapping?.columns).toEqual({ placedAt: 0, name: 2, total: 4 });
    expect(result.rows).toEqual([{ line: 2, placedAt: '2026-02-01T03:00:00.000Z', total: 1000, currency: 'BRL', customer: { name: 'Aninha' } }]);
  });

  it('uses the seller’s column for the order id of a layout with one line per item, so its lines still group', () => {
    const file = ['Name,Email,Financial Status,Created at,Total,Lineitem name,Lineitem price,Lineitem quantity,Ref', '#1,a@x.com,paid,2026-03-24 10:00:00 -0300,15.00,Bolo,5.00,1,A1', ',,,,,Torta,10.00,1,A1', '#2,b@x.com,paid,2026-03-25 10:00:00 -0300,7.00,Pão,7.00,1,A2'].join('\n');
    const result = readOrdersCsv(file, { preset: 'shopify', columns: { externalId: 8 } });
    expect(result.rows.map((row) => [row.externalId, row.line, row.endLine, row.items?.length])).toEqual([
      ['A1', 2, 3, 2],
      ['A2', 4, undefined, 1],
    ]);
  });

  it('reports a column past the header, or an unknown field, on line 0 and keeps reading with the layout’s columns', () => {
    const result = readOrdersCsv('Data;Total\n01/02/2026;10,00\n', { columns: { total: 7, shoeSize: 1, placedAt: -1 } as never });
    expect(result.rows).toHaveLength(1);
    expect(result.errors.map((error) => [error.line, error.code, error.value])).toEqual([
      [0, 'unknown-column', 'shoeSize'],
      [0, 'unknown-column', '-1'],
      [0, 'unknown-column', '8'],
    ]);
  });

  it('never lets a mapping make a data row the header: the header is the layout’s call, or the first row', () => {
    // The file's separator is ';' but its header was written with ','; the header is one cell, column 1 is past it.
    const result = readCustomersCsv('Nome,E-mail\nAna;ana@exemplo.com\n', { columns: { name: 1 } });
    expect(result.mapping?.header).toEqual(['Nome,E-mail']);
    expect(result.errors.map((error) => [error.line, error.code])).toEqual([
      [0, 'unknown-column'],
      [2, 'no-customer'],
    ]);
  });

  it('maps a customer list’s columns too', () => {
    const result = readCustomersCsv('Quem;Contato;Desde\nAna Souza;ana@exemplo.com;01/02/2026\n', { columns: { name: 0, email: 1, createdAt: 2 } });
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([{ line: 2, name: 'Ana Souza', email: 'ana@exemplo.com', createdAt: '2026-02-01T03:00:00.000Z' }]);
  });

  it('maps a spreadsheet’s columns, numbered from its first (header) row', () => {
    const sheet = XLSX.utils.aoa_to_sheet([['Quando', 'Quem', 'Quanto'], ['01/02/2026', 'Ana Souza', '10,00'], [], ['03/02/2026', 'Bia Lima', '5']]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'Vendas');
    const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const result = readOrdersSpreadsheet(bytes, { preset: 'generic', columns: { placedAt: 0, name: 1, total: 2 } });
    expect(result.mapping).toMatchObject({ header: ['Quando', 'Quem', 'Quanto'], sample: ['01/02/2026', 'Ana Souza', '10,00'] });
    expect(result.rows).toEqual([
      { line: 2, placedAt: '2026-02-01T03:00:00.000Z', total: 1000, currency: 'BRL', customer: { name: 'Ana Souza' } },
      { line: 4, placedAt: '2026-02-03T03:00:00.000Z', total: 500, currency: 'BRL', customer: { name: 'Bia Lima' } },
    ]);
  });
});
