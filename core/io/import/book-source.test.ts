import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importIntoBook } from '../../store/import-into';
import { openTestBook } from '../../store/test-book';
import { csvBookSource, rowsBookSource } from './book-source';
import { readOrdersCsv } from './csv-reader';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const slicer = (bytes: Uint8Array) => (start: number, end: number) => bytes.subarray(start, end);

describe('a file read into the book', () => {
  it('imports a Windows-1252 pt-BR export read in small chunks, with its bad rows reported by line', async () => {
    const bytes = fixture('excel-pt-br-orders.csv');
    const book = await openTestBook();
    const done: number[] = [];
    const source = csvBookSource('orders', slicer(bytes), bytes.length, { timeZone: 'America/Sao_Paulo' }, 37);
    const result = await importIntoBook(book, source, { source: 'generic', onProgress: (progress) => done.push(progress.done) });
    expect(source.reader.preset).toBe('generic');
    expect(source.reader.encoding).toBe('windows-1252');
    expect(done.at(-1)).toBe(bytes.length);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    const [jose] = await book.customers.findByIdentity('cpf', '52998224725');
    expect(jose?.displayName).toBe('José Conceição');
    const orders = await book.orders.listByCustomer(jose!.id);
    expect(orders.map((order) => [order.totalMinor, order.placedAt, order.status])).toEqual([[123456, '2026-03-25T01:36:00.000Z', 'paid']]);
    // The same lines as the reader reports, whatever the chunk size.
    expect(result.problems.map((problem) => problem.line)).toEqual(readOrdersCsv(bytes).errors.map((error) => error.line).sort((a, b) => a - b));
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.counts.newOrders).toBe(readOrdersCsv(bytes).rows.length);
  });

  it('imports Shopify orders once, whatever the chunk size, and a second time changes nothing', async () => {
    const bytes = fixture('shopify-orders.csv');
    const book = await openTestBook();
    const first = await importIntoBook(book, csvBookSource('orders', slicer(bytes), bytes.length, {}, 11), { source: 'shopify' });
    expect(first.counts).toEqual({ newCustomers: 3, matchedCustomers: 0, newOrders: 3, updatedOrders: 0, unchangedOrders: 0, rows: 3 });
    const [ana] = await book.customers.findByIdentity('email', 'ana@exemplo.com.br');
    expect((await book.orders.listByCustomer(ana!.id)).map((order) => [order.id, order.totalMinor, order.items.length])).toEqual([['import:shopify:#1001', 15000, 2]]);
    const before = await book.exportAll();
    const second = await importIntoBook(book, csvBookSource('orders', slicer(bytes), bytes.length), { source: 'shopify' });
    expect(second.counts).toMatchObject({ newCustomers: 0, matchedCustomers: 3, newOrders: 0, unchangedOrders: 3 });
    expect(await book.exportAll()).toEqual(before);
  });

  it('hands rows already read out in batches, with the reader’s errors once', () => {
    const read = readOrdersCsv(fixture('excel-pt-br-orders.csv'));
    const source = rowsBookSource('orders', read, 1);
    const batches = [];
    for (let batch = source.next(); batch; batch = source.next()) batches.push(batch);
    expect(batches.flatMap((batch) => batch.orders ?? [])).toEqual(read.rows);
    expect(batches.flatMap((batch) => batch.problems ?? [])).toEqual(read.errors);
    expect(batches.at(-1)?.done).toBe(read.rows.length);
  });
});
