import * as XLSX from '@e965/xlsx';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerHeaderMatcher } from './customer-rows';
import { orderHeaderMatcher } from './order-rows';
import { readSettings } from './read-options';
import { readCustomersSpreadsheet, readOrdersSpreadsheet } from './spreadsheet';
import { LAYOUTS } from './testing/layouts';
import { CUSTOMER_FIELDS, CUSTOMER_PRESET_IDS, ORDER_FIELDS, ORDER_PRESET_IDS } from './types';
import { readWorkbookRows } from './workbook-rows';

// A fixed seed: SheetJS's inflate can loop forever on some corrupted deflate streams (a synchronous loop no test
// timeout stops; seen once in CI, 2026-12-02), so the runs must be the same every time. The product's import runs
// in a worker the seller can cancel.
const RUNS = { numRuns: 10_000, seed: 20_261_202 };

const ML = {
  kind: 'orders' as const,
  sheet: 'Vendas BR',
  header: ['N.º de venda', 'Data da venda', 'Estado', 'Unidades', 'Receita por produtos (BRL)', 'Total (BRL)', 'Título do anúncio', 'Preço unitário de venda do anúncio (BRL)', 'Comprador', 'CPF', 'Estado'],
  row: (i: number): unknown[] => [String(2_000_000_000 + i), '24 de março de 2026 22:36 hs.', 'Entregue', 1, 45.5, 38, 'Bolo', 45.5, 'Ana', '52998224725', 'SP'],
};
const SHOPEE = {
  kind: 'orders' as const,
  sheet: 'orders',
  header: ['ID do pedido', 'Status do pedido', 'Data de criação do pedido', 'Nome do Produto', 'Preço acordado', 'Quantidade', 'Total global', 'Nome de usuário (Comprador)', 'Nome do Destinatário', 'Telefone', 'CPF do Comprador'],
  row: (i: number): unknown[] => [`2603${i >> 1}`, 'Concluído', 46105.5, 'Bolo', 45, 1, 90, 'ana', 'Ana', '5511987654321', '529.982.247-25'],
};
// The CSV layouts written as sheets: customers lists and generic orders come as .xlsx too.
const FROM_CSV = LAYOUTS.map((layout) => ({ kind: layout.kind, sheet: 'Planilha1', header: layout.header, row: (i: number): unknown[] => layout.header.map((name) => layout.row(i)[name] ?? '') }));
const SHEETS = [ML, SHOPEE, ...FROM_CSV];

// What a seller's sheet cells hold: text, numbers (long ones shown in scientific notation), dates as serials, errors.
const cellValue = fc.oneof(
  fc.string({ maxLength: 10 }),
  fc.double({ noNaN: true }),
  fc.integer(),
  fc.constantFrom('', '6,16069E+12', '31/02/2026', '#N/A', 'R$ 1.234,56', 1e15 + 1, 6160690000000, 46105.9416),
  fc.boolean(),
);

const mangledSheet = fc.record({
  layout: fc.constantFrom(...SHEETS),
  preamble: fc.array(fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }), { maxLength: 6 }),
  rows: fc.integer({ min: 1, max: 5 }),
  cells: fc.array(fc.record({ row: fc.nat(), column: fc.nat(), value: cellValue }), { maxLength: 5 }),
  cut: fc.option(fc.record({ row: fc.nat(), keep: fc.nat({ max: 12 }) })),
});

const orders = orderHeaderMatcher(readSettings({}, ORDER_PRESET_IDS, ORDER_FIELDS, []));
const customers = customerHeaderMatcher(readSettings({}, CUSTOMER_PRESET_IDS, CUSTOMER_FIELDS, []));

describe('spreadsheet readers, fed anything', () => {
  // Writing and reading an .xlsx costs ~5 ms, so the 10,000 mangled sheets go to the workbook reader as SheetJS
  // objects; the byte path gets its 10,000 cases below, from real files with bytes damaged.
  it('return or report every data row of a mangled sheet in any preset’s layout, under any preamble', () => {
    fc.assert(
      fc.property(mangledSheet, ({ layout, preamble, rows: count, cells, cut }) => {
        const rows = Array.from({ length: count }, (_, i) => layout.row(i));
        for (const { row, column, value } of cells) (rows[row % count] as unknown[])[column % layout.header.length] = value;
        if (cut) (rows[cut.row % count] as unknown[]).length = Math.min(cut.keep, layout.header.length);
        const book = XLSX.utils.book_new();
        XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([...preamble, layout.header, ...rows], { dense: true }), layout.sheet);
        const result = layout.kind === 'orders' ? readWorkbookRows(book, orders, []) : readWorkbookRows(book, customers, []);
        expect(result.errors.filter((error) => error.line === 0)).toEqual([]);
        const seen = new Set<number>();
        for (const item of [...result.rows, ...result.errors]) for (let line = item.line; line <= (item.endLine ?? item.line); line++) seen.add(line);
        const headerRow = preamble.length + 1;
        rows.forEach((row, i) => {
          const blank = row.every((value) => value === '' || value === undefined || (typeof value === 'string' && value.trim() === ''));
          if (!blank) expect(seen.has(headerRow + 1 + i), `row ${headerRow + 1 + i} was neither returned nor reported`).toBe(true);
        });
      }),
      RUNS,
    );
  }, 120_000);

  const files = SHEETS.map((layout) => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Relatório'], layout.header, layout.row(0), layout.row(1)]), layout.sheet);
    return { kind: layout.kind, bytes: new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: false }) as ArrayBuffer) };
  });

  it('never throw on a real .xlsx with bytes changed, cut or inserted', () => {
    fc.assert(
      fc.property(fc.constantFrom(...files), fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }), insert: fc.boolean() }), { minLength: 1, maxLength: 4 }), fc.option(fc.nat()), (file, changes, cutAt) => {
        let input = file.bytes;
        for (const { at, byte, insert } of changes) {
          const place = at % input.length;
          const changed = new Uint8Array(input.length + (insert ? 1 : 0));
          changed.set(input.subarray(0, place));
          changed[place] = byte;
          changed.set(input.subarray(insert ? place : place + 1), place + 1);
          input = changed;
        }
        if (cutAt !== null) input = input.subarray(0, cutAt % input.length);
        const result = file.kind === 'orders' ? readOrdersSpreadsheet(input) : readCustomersSpreadsheet(input);
        expect(result.errors.filter((error) => error.code === 'internal')).toEqual([]);
      }),
      RUNS,
    );
  }, 120_000);
});
