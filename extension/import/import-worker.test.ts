import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { openBook } from '../../core';
import { testBookName } from '../../core/store/test-book';
import { inProcessWorker } from '../backup/in-process-worker';
import { importOperations } from './import-worker';
import { BookWorkerError } from '../backup/worker-protocol';
import { importFileInWorker, previewFile } from './import-client';
import type { ImportProgressReport, ImportSettings } from './import-protocol';

const fixture = (name: string) => new Blob([readFileSync(new URL(`../../core/io/import/fixtures/${name}`, import.meta.url))]);
const AUTO: ImportSettings = { kind: 'auto', preset: 'auto', timeZone: 'America/Sao_Paulo', currency: 'BRL', defaultCountry: 'BR' };

async function bookAndWorker() {
  const name = testBookName();
  const book = await openBook({ name });
  return { book, ...inProcessWorker(() => openBook({ name }), importOperations) };
}

/** A Mercado Livre "Vendas" workbook: a report title above, the header on row 6. */
function mercadoLivreWorkbook(): Blob {
  const rows = [
    ['Relatório de vendas'],
    ['Período: março de 2026'],
    [],
    [],
    [],
    ['N.º de venda', 'Data da venda', 'Estado', 'Unidades', 'Receita por produtos (BRL)', 'Tarifa de venda e impostos (BRL)', 'Total (BRL)', 'Título do anúncio', 'Comprador', 'CPF', 'Estado'],
    ['2000001', '24 de março de 2026 22:36 hs.', 'Entregue', 1, 150, -18, 132, 'Bolo de cenoura', 'José Conceição', '52998224725', 'São Paulo'],
    ['2000002', '25 de março de 2026 09:05 hs.', 'Cancelada pelo comprador', 2, 80, 0, 0, 'Torta', 'Ana Souza', '11144477735', 'Rio de Janeiro'],
  ];
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Vendas BR');
  return new Blob([XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer]);
}

describe('importing a file through the book worker', () => {
  it('previews a pt-BR Excel export: its kind, preset, encoding, first rows and problems', async () => {
    const { spawn } = await bookAndWorker();
    const preview = await previewFile(fixture('excel-pt-br-orders.csv'), AUTO, { spawn });
    expect(preview).toMatchObject({ format: 'csv', kind: 'orders', preset: 'generic', encoding: 'windows-1252', customers: [] });
    expect(preview.orders[0]).toMatchObject({ line: 4, total: 123456, placedAt: '2026-03-25T01:36:00.000Z', customer: { name: 'José Conceição', cpf: '52998224725' } });
    expect(preview.problems.map((problem) => problem.line)).toContain(5);

    const customers = await previewFile(fixture('bling-contatos.csv'), AUTO, { spawn });
    expect(customers).toMatchObject({ kind: 'customers', preset: 'bling', orders: [] });
  });

  it('counts in a dry run, imports the same, reports progress, and a second import changes nothing', async () => {
    const { book, spawn, spawned } = await bookAndWorker();
    const file = fixture('excel-pt-br-orders.csv');
    const dry = await importFileInWorker(file, AUTO, true, { spawn });
    expect(await book.customers.count()).toBe(0);
    const progress: ImportProgressReport[] = [];
    const done = await importFileInWorker(file, AUTO, false, { spawn, onProgress: (report) => progress.push(report) });
    expect(done).toEqual({ ...dry, dryRun: false });
    expect(done.counts.newOrders).toBeGreaterThan(0);
    expect(done.problemCount).toBe(done.problems.length);
    expect(progress.at(-1)).toMatchObject({ phase: 'importing', done: file.size, total: file.size, rows: done.counts.rows });
    const again = await importFileInWorker(file, { ...AUTO, kind: 'orders', preset: 'generic' }, false, { spawn });
    expect(again.counts).toMatchObject({ newOrders: 0, newCustomers: 0, unchangedOrders: done.counts.newOrders });
    expect(spawned.every((worker) => worker.terminated)).toBe(true);
  });

  it('imports Mercado Livre’s workbook: what the buyer paid, in Brasília time, matched by CPF', async () => {
    const { book, spawn } = await bookAndWorker();
    await book.customers.create({ displayName: 'Zé', identities: [{ kind: 'cpf', value: '529.982.247-25' }] });
    const result = await importFileInWorker(mercadoLivreWorkbook(), AUTO, false, { spawn });
    expect(result).toMatchObject({ format: 'spreadsheet', kind: 'orders', preset: 'mercadolivre' });
    expect(result.counts).toMatchObject({ matchedCustomers: 1, newCustomers: 1, newOrders: 2 });
    const [ze] = await book.customers.findByIdentity('cpf', '52998224725');
    expect((await book.orders.listByCustomer(ze!.id)).map((order) => [order.totalMinor, order.placedAt, order.status])).toEqual([[15000, '2026-03-25T01:36:00.000Z', 'paid']]);
  });

  it('answers a cancel with “cancelled” and writes nothing', async () => {
    // Rolling back midway is core's (core/store/import-into.test.ts) and the browser's (test/e2e/book-import.e2e.ts);
    // here the worker hears the cancel that follows the request and says so.
    const { book, spawn } = await bookAndWorker();
    const controller = new AbortController();
    const running = importFileInWorker(fixture('excel-pt-br-orders.csv'), AUTO, false, { spawn, signal: controller.signal });
    controller.abort();
    const error = await running.then(
      () => null,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(BookWorkerError);
    expect((error as BookWorkerError).code).toBe('cancelled');
    expect(await book.customers.count()).toBe(0);
    expect(await book.orders.list()).toEqual([]);
  });
});
