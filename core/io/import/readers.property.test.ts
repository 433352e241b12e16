import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CUSTOMER_FIELDS, ORDER_FIELDS, createCustomersCsvReader, createOrdersCsvReader, readCustomersCsv, readOrdersCsv, type ImportError } from '.';
import { readCustomersSpreadsheet, readOrdersSpreadsheet } from './spreadsheet';
import { LAYOUTS, csvField, physicalLines, windows1252 } from './testing/layouts';

// A fixed seed: SheetJS's inflate can loop forever on some corrupted deflate streams (a synchronous loop no test
// timeout stops; seen once in CI, 2026-12-02), so the runs must be the same every time. The product's import runs
// in a worker the seller can cancel.
const RUNS = { numRuns: 10_000, seed: 20_261_202 };

type Outcome = { rows: readonly { line: number; endLine?: number }[]; errors: readonly ImportError[] };

/** The lines each returned row and each error covers, from its first to its last. */
function covered(result: Outcome): Set<number> {
  const lines = new Set<number>();
  for (const item of [...result.rows, ...result.errors]) for (let line = item.line; line <= (item.endLine ?? item.line); line++) lines.add(line);
  return lines;
}

const noDefect = (result: Outcome) => expect(result.errors.filter((error) => error.code === 'internal')).toEqual([]);

// Cell text that breaks CSVs: quotes, every separator, line breaks, accents, what Excel writes for long numbers.
const nasty = fc.string({ unit: fc.constantFrom('a', 'Z', '1', '0', ' ', '"', ',', ';', '\t', '\n', '\r', 'é', 'ç', '€', '/', ':', '-', '.', 'E', '+', '\u00a0'), maxLength: 12 });

const mangle = fc.oneof(
  fc.record({ op: fc.constant('cell' as const), row: fc.nat(), column: fc.nat(), text: nasty }),
  fc.record({ op: fc.constant('cut' as const), row: fc.nat(), keep: fc.nat({ max: 20 }) }),
  fc.record({ op: fc.constant('quote' as const), row: fc.nat(), column: fc.nat() }),
  fc.record({ op: fc.constant('separator' as const), row: fc.nat(), separator: fc.constantFrom(',', ';', '\t') }),
  fc.record({ op: fc.constant('blank' as const), row: fc.nat() }),
);

const mangledFile = fc.record({
  layout: fc.constantFrom(...LAYOUTS),
  rows: fc.integer({ min: 1, max: 6 }),
  mangles: fc.array(mangle, { maxLength: 4 }),
  bom: fc.boolean(),
  encoding: fc.constantFrom('utf-8', 'windows-1252'),
  lineBreak: fc.constantFrom('\n', '\r\n', '\r'),
  chunk: fc.integer({ min: 1, max: 64 }),
  // The seller's column mapping, any: fields of either kind, columns past the header, fields read from none.
  columns: fc.option(fc.dictionary(fc.constantFrom(...new Set([...ORDER_FIELDS, ...CUSTOMER_FIELDS])), fc.option(fc.integer({ min: 0, max: 14 })), { maxKeys: 4 }), { nil: undefined }),
});

type MangledFile = typeof mangledFile extends fc.Arbitrary<infer T> ? T : never;

/** Renders the layout's rows with the mangles applied; raw cells (an unbalanced quote) are written as they are. */
function render(file: MangledFile): Uint8Array {
  const { layout } = file;
  const lines: string[] = [layout.header.map((cell) => csvField(cell, layout.separator)).join(layout.separator)];
  const rows = Array.from({ length: file.rows }, (_, i) => ({ cells: layout.header.map((name) => csvField(layout.row(i)[name] ?? '', layout.separator)), separator: layout.separator, blank: false }));
  for (const change of file.mangles) {
    const row = rows[change.row % rows.length] as (typeof rows)[number];
    if (change.op === 'cell') row.cells[change.column % row.cells.length] = csvField(change.text, row.separator);
    if (change.op === 'cut') row.cells.length = Math.min(row.cells.length, change.keep);
    if (change.op === 'quote') row.cells[change.column % Math.max(row.cells.length, 1)] = `"${row.cells[change.column % Math.max(row.cells.length, 1)] ?? ''}`;
    if (change.op === 'separator') row.separator = change.separator;
    if (change.op === 'blank') row.blank = true;
  }
  for (const row of rows) lines.push(row.blank ? '' : row.cells.join(row.separator));
  const text = (file.bom ? '\uFEFF' : '') + lines.join(file.lineBreak) + file.lineBreak;
  return file.encoding === 'utf-8' ? new TextEncoder().encode(text) : windows1252(text);
}

/** Every line after the header that holds more than blanks (a no-break space is one), quotes and separators. */
function dataLines(bytes: Uint8Array, encoding: string): number[] {
  const decoder = new TextDecoder(encoding);
  return physicalLines(bytes)
    .map((line, index) => ({ number: index + 1, blank: /^[\s,;"]*$/.test(decoder.decode(line)) }))
    .filter((line) => line.number > 1 && !line.blank)
    .map((line) => line.number);
}

describe('every reader, fed anything', () => {
  it('never throws on random bytes, and names only lines the file has', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.boolean(), (bytes, orders) => {
        const result = orders ? readOrdersCsv(bytes) : readCustomersCsv(bytes);
        noDefect(result);
        const last = physicalLines(bytes).length;
        for (const item of [...result.rows, ...result.errors]) expect(item.endLine ?? item.line).toBeLessThanOrEqual(last);
      }),
      RUNS,
    );
  }, 120_000);

  it('never throws on random bytes given as a spreadsheet', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.boolean(), (bytes, orders) => {
        noDefect(orders ? readOrdersSpreadsheet(bytes) : readCustomersSpreadsheet(bytes));
      }),
      RUNS,
    );
  }, 120_000);

  it('returns or reports every data row of a mangled file in any preset’s layout, and reads it alike in any chunks', () => {
    fc.assert(
      fc.property(mangledFile, (file) => {
        const bytes = render(file);
        const options = { columns: file.columns as never };
        const whole = file.layout.kind === 'orders' ? readOrdersCsv(bytes, options) : readCustomersCsv(bytes, options);
        noDefect(whole);
        const lines = covered(whole);
        for (const line of dataLines(bytes, file.encoding)) expect(lines.has(line), `line ${line} was neither returned nor reported`).toBe(true);

        const reader = file.layout.kind === 'orders' ? createOrdersCsvReader(options) : createCustomersCsvReader(options);
        const rows: unknown[] = [];
        const errors: ImportError[] = [];
        const batches = [];
        for (let at = 0; at < bytes.length; at += file.chunk) batches.push(reader.push(bytes.subarray(at, at + file.chunk)));
        batches.push(reader.end());
        for (const batch of batches) {
          rows.push(...batch.rows);
          errors.push(...batch.errors);
        }
        expect({ rows, errors }).toEqual({ rows: whole.rows, errors: whole.errors });
      }),
      RUNS,
    );
  }, 120_000);
});
