// Importar in Chromium with the built extension: a pt-BR Excel export (Windows-1252, `;`, decimal comma) imports
// with progress and the right counts and totals; its bad rows are reported and downloadable while the good ones
// are imported; importing it again changes nothing; a cancelled import leaves the book as it was (one
// transaction, rolled back). The file is written here in the layout such exports have.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latin1 } from '../../core/io/import/testing/layouts';
import { translate, type MessageKey } from '../../extension/i18n/translate';
import { launchWithExtension, type ExtensionSession } from './extension-harness';

const AXE = resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js');
const t = (key: MessageKey, params?: Record<string, string | number>) => translate('pt-BR', key, params);
const CUSTOMERS = 2_000;
const ORDERS = 6_000;

/** Order `i` of the file: customers by phone, a few orders each, R$ amounts with cents. */
function orderLine(i: number): string {
  const customer = i % CUSTOMERS;
  const day = String((i % 28) + 1).padStart(2, '0');
  const month = String((i % 12) + 1).padStart(2, '0');
  const phone = `(11) 9${String(60_000_000 + customer).slice(0, 4)}-${String(60_000_000 + customer).slice(4)}`;
  const reais = 10 + (i % 990);
  return `${day}/${month}/2025 1${i % 10}:30;${10_000 + i};Cliente Conceição ${customer};${phone};R$ ${reais.toLocaleString('pt-BR')},${String(i % 100).padStart(2, '0')};Pago`;
}

/** The export: a title and a blank line above the header (as some shops write), then the orders and three bad rows. */
function exportFile(): { bytes: Uint8Array; ana: { total: string } } {
  const lines = ['Relatório de pedidos', '', 'Data;Pedido;Cliente;Telefone;Total;Situação'];
  for (let i = 0; i < ORDERS; i++) lines.push(orderLine(i));
  // Ana: one order of R$ 1.234,56, found by the search below.
  lines.push('15/11/2025 09:05;99001;Ana Conceição Brandão;(21) 98765-4321;R$ 1.234,56;Pago');
  lines.push('31/02/2025;99002;Rosa;(21) 91234-5678;R$ 10,00;Pago');
  lines.push('10/10/2025;99003;Rosa;(21) 91234-5678;;Pago');
  lines.push('11/10/2025;99004;;;R$ 5,00;Pago');
  return { bytes: latin1(`${lines.join('\r\n')}\r\n`), ana: { total: 'R$ 1.234,56' } };
}

async function counts(page: Page): Promise<Record<string, string>> {
  const entries = await page.getByTestId('import-counts').locator('[data-count]').evaluateAll((nodes) => nodes.map((node) => [node.getAttribute('data-count'), node.querySelector('dd')?.textContent ?? '']));
  return Object.fromEntries(entries);
}

/** How many records a store of the book holds, read in the page from the extension's IndexedDB. */
function storeCount(page: Page, store: 'customers' | 'orders'): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((done, fail) => {
        const open = indexedDB.open('clientela-book');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).count();
          request.onsuccess = () => {
            open.result.close();
            done(request.result);
          };
          request.onerror = () => fail(request.error);
        };
      }),
    store,
  );
}

/** What axe-core finds serious or critical on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(await readFile(AXE, 'utf8'));
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: { id: string; impact: string }[] }> } }).axe.run(document);
    return result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id);
  });
}

describe('Importar, in Chromium', () => {
  let session: ExtensionSession;
  let dir: string;
  let file: string;
  let page: Page;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'clientela-import-'));
    file = join(dir, 'pedidos-loja.csv');
    await writeFile(file, exportFile().bytes);
    session = await launchWithExtension();
    page = await session.openExtensionPage('book.html#/importar');
  }, 120_000);

  afterAll(async () => {
    await session?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('previews the pt-BR export as read, imports it with progress, and gets the counts and totals right', async () => {
    await page.getByTestId('import-file').setInputFiles(file);
    await expect.poll(() => page.getByTestId('import-detected').textContent()).toBe(`${t('import.detectedOrders', { preset: t('import.preset.generic') })} · ${t('import.encoding', { encoding: 'Windows-1252 (Latin-1)' })}`);
    const first = await page.getByTestId('import-preview').locator('tbody tr').first().locator('td').allTextContents();
    expect(first.map((cell) => cell.replace(/\s/g, ' '))).toEqual(['4', '10000', '01/01/2025, 10:30', 'Cliente Conceição 0', '+5511960000000', 'R$ 10,00', 'Pago', '—']);
    expect(await seriousViolations(page)).toEqual([]);

    // The progress bar shows and moves while the worker writes (polled through the run, then the result).
    await page.getByTestId('import-go').click();
    await page.getByTestId('import-progress').waitFor();
    await page.getByTestId('import-result').waitFor({ timeout: 120_000 });
    expect(await counts(page)).toEqual({ newCustomers: '2.001', matchedCustomers: '0', newOrders: '6.001', updatedOrders: '0', unchangedOrders: '0', problems: '3' });
    expect(await storeCount(page, 'orders')).toBe(ORDERS + 1);
    expect(await storeCount(page, 'customers')).toBe(CUSTOMERS + 1);

    // Bad rows: reported with their lines, in a report the seller can download; the good rows were imported.
    const problems = await page.getByTestId('import-problems').locator('li').allTextContents();
    expect(problems.map((problem) => problem.split(' — ')[0])).toEqual(['linha 6005', 'linha 6006', 'linha 6007']);
    const download = page.waitForEvent('download');
    await page.getByTestId('import-report').click();
    const report = await readFile((await (await download).path()) as string, 'utf8');
    expect(report.replace(/^\uFEFF/, '').split('\r\n').slice(0, 4).map((line) => line.split(';')[0])).toEqual(['Linha', '6005', '6006', '6007']);

    // Ana's total in the Clientes table, as the shop wrote it.
    const book = await session.openExtensionPage('book.html#/clientes');
    await book.locator('#customer-search').fill('Ana Conceição');
    const row = book.locator('[role="row"][data-index]').filter({ hasText: 'Ana Conceição Brandão' });
    await expect.poll(async () => (await row.locator('.col-totalSpent').textContent())?.replace(/\s/g, ' '), { timeout: 60_000 }).toBe('R$ 1.234,56');
    await book.close();
  }, 240_000);

  it('changes nothing when the same file is imported again', async () => {
    await page.getByTestId('import-another').click();
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-go').click();
    await page.getByTestId('import-result').waitFor({ timeout: 120_000 });
    expect(await counts(page)).toEqual({ newCustomers: '0', matchedCustomers: '2.001', newOrders: '0', updatedOrders: '0', unchangedOrders: '6.001', problems: '3' });
    expect(await storeCount(page, 'orders')).toBe(ORDERS + 1);
  }, 240_000);

  it('leaves the book as it was when the import is cancelled midway', async () => {
    const big = join(dir, 'pedidos-grande.csv');
    const lines = ['Data;Pedido;Cliente;Telefone;Total;Situação'];
    for (let i = 0; i < 150_000; i++) lines.push(orderLine(50_000 + i).replace('Cliente Conceição', 'Outra Cliente'));
    await writeFile(big, latin1(lines.join('\r\n')));
    await page.getByTestId('import-another').click();
    await page.getByTestId('import-file').setInputFiles(big);
    await page.getByTestId('import-go').waitFor();
    await page.getByTestId('import-go').click();
    // Some rows are in: then cancel.
    await expect.poll(async () => Number((await page.getByTestId('import-progress').getAttribute('value')) ?? 0), { timeout: 60_000 }).toBeGreaterThan(0);
    await page.getByTestId('import-cancel').click();
    await expect.poll(() => page.getByTestId('import-outcome').textContent(), { timeout: 60_000 }).toBe(t('import.cancelled'));
    expect(await storeCount(page, 'orders')).toBe(ORDERS + 1);
    expect(await storeCount(page, 'customers')).toBe(CUSTOMERS + 1);
  }, 240_000);

  it('reads a file whose columns no layout knows once the seller says which is which', async () => {
    const own = join(dir, 'minha-planilha.csv');
    await writeFile(own, latin1(['Quando;Quem;Zap;Quanto', '24/03/2026 22:36;Joana Prado;(21) 99876-1234;R$ 1.234,56', '25/03/2026;Rita Mattos;;45,00'].join('\r\n')));
    await page.getByTestId('import-another').click();
    await page.getByTestId('import-file').setInputFiles(own);
    await page.getByTestId('import-kind').selectOption('orders');
    await expect.poll(() => page.getByTestId('import-columns-missing').textContent(), { timeout: 30_000 }).toBe('Escolha a coluna de Data do pedido e Total: sem ela nenhuma linha é lida.');
    for (const [field, column] of [
      ['placedAt', '0'],
      ['total', '3'],
      ['name', '1'],
      ['phone', '2'],
    ] as const) {
      await page.getByTestId(`import-column-${field}`).selectOption(column);
      await expect.poll(() => page.getByTestId(`import-column-${field}`).inputValue(), { timeout: 30_000 }).toBe(column);
      await page.getByTestId('import-reading').waitFor({ state: 'detached', timeout: 30_000 });
    }
    // The mapping, open, is clean under axe: every select has its field as its label.
    expect(await seriousViolations(page)).toEqual([]);
    const firstRow = page.getByTestId('import-preview').locator('tbody tr').first();
    expect((await firstRow.locator('td').allTextContents()).map((text) => text.replace(/\s/g, ' '))).toEqual(['2', '—', '24/03/2026, 22:36', 'Joana Prado', '+5521998761234', 'R$ 1.234,56', 'Pago', '—']);
    await page.getByTestId('import-go').click();
    await page.getByTestId('import-result').waitFor({ timeout: 120_000 });
    expect(await counts(page)).toEqual({ newCustomers: '2', matchedCustomers: '0', newOrders: '2', updatedOrders: '0', unchangedOrders: '0', problems: '0' });
    expect(await storeCount(page, 'orders')).toBe(ORDERS + 3);
  }, 240_000);
});
