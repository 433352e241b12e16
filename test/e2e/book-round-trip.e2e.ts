// Export → import round trip in Chromium with the built extension: a book filled by importing a store's export is
// exported from Clientes (customers, then their orders, as Excel in Brazil opens them), and those two files imported
// through Importar into a fresh browser profile give the same customers and the same orders.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate, type MessageKey } from '../../extension/i18n/translate';
import { launchWithExtension, type ExtensionSession } from './extension-harness';

const t = (key: MessageKey, params?: Record<string, string | number>) => translate('pt-BR', key, params);

/** A small store export: 12 customers (phones, some e-mails, accents), 40 orders, refunds and cancellations. */
function storeExport(): string {
  const lines = ['Data;Pedido;Cliente;Telefone;E-mail;Total;Situação'];
  for (let i = 0; i < 40; i++) {
    const c = i % 12;
    const phone = `(21) 9${String(8800_0000 + c).slice(0, 4)}-${String(8800_0000 + c).slice(4)}`;
    const email = c % 3 === 0 ? `cliente${c}@exemplo.com.br` : '';
    const status = i % 11 === 5 ? 'Devolvido' : i % 13 === 7 ? 'Cancelado' : 'Pago';
    lines.push(`${String((i % 27) + 1).padStart(2, '0')}/${String((i % 12) + 1).padStart(2, '0')}/2025 ${String(9 + (i % 10)).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')};${5000 + i};Cliente ${['Conceição', 'João', 'Ângela', 'Zé'][c % 4]} ${c};${phone};${email};R$ ${100 + i * 37},${String((i * 13) % 100).padStart(2, '0')};${status}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Customers and orders of the book, without ids: name, contacts; orders by their customer's phone. */
async function bookContents(page: Page): Promise<{ customers: string[]; orders: string[] }> {
  return page.evaluate(
    () =>
      new Promise<{ customers: string[]; orders: string[] }>((done, fail) => {
        const open = indexedDB.open('clientela-book');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['customers', 'orders']);
          const customers = tx.objectStore('customers').getAll();
          const orders = tx.objectStore('orders').getAll();
          tx.oncomplete = () => {
            open.result.close();
            type Row = { id: string; displayName: string; identities: { kind: string; value: string }[] };
            const byId = new Map((customers.result as Row[]).map((customer) => [customer.id, customer]));
            const phoneOf = (id: string) => byId.get(id)?.identities.find((identity) => identity.kind === 'phone' || identity.kind === 'whatsapp')?.value ?? '?';
            done({
              customers: (customers.result as Row[]).map((customer) => `${customer.displayName} | ${customer.identities.map((identity) => `${identity.kind === 'whatsapp' ? 'phone' : identity.kind}:${identity.value}`).sort().join(' ')}`).sort(),
              orders: (orders.result as { customerId: string; placedAt: string; totalMinor: number; currency: string; status: string }[])
                .map((order) => `${phoneOf(order.customerId)} ${order.placedAt.slice(0, 16)} ${order.totalMinor} ${order.currency} ${order.status}`)
                .sort(),
            });
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
  );
}

async function importFile(page: Page, file: string): Promise<void> {
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-go').waitFor();
  await page.getByTestId('import-go').click();
  await page.getByTestId('import-result').waitFor({ timeout: 60_000 });
  await page.getByTestId('import-another').click();
}

async function exportList(book: Page, what: 'customers' | 'orders', to: string): Promise<void> {
  await book.getByRole('button', { name: t('export.open'), exact: true }).click();
  const dialog = book.getByRole('dialog', { name: t('export.title') });
  await dialog.locator(`input[name="export-what"][value="${what}"]`).check();
  await dialog.locator('input[name="export-format"][value="excel-br"]').check();
  const download = book.waitForEvent('download');
  await dialog.getByRole('button', { name: t('export.start'), exact: true }).click();
  await (await download).saveAs(to);
  await dialog.waitFor({ state: 'hidden' }).catch(() => book.keyboard.press('Escape'));
}

describe('export → import round trip, in Chromium', () => {
  let dir: string;
  let first: ExtensionSession;
  let second: ExtensionSession | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'clientela-round-trip-'));
    first = await launchWithExtension();
  }, 120_000);
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('gives the same customers and orders in a fresh book', async () => {
    const source = join(dir, 'loja.csv');
    await writeFile(source, Buffer.from(storeExport(), 'latin1'));
    const importer = await first.openExtensionPage('book.html#/importar');
    await importFile(importer, source);
    const original = await bookContents(importer);
    expect(original.customers).toHaveLength(12);
    expect(original.orders).toHaveLength(40);

    const book = await first.openExtensionPage('book.html#/clientes');
    await book.locator('[data-testid="customer-grid"][aria-busy="false"][data-table-version]').waitFor({ timeout: 60_000 });
    const customers = join(dir, 'clientes.csv');
    const orders = join(dir, 'pedidos.csv');
    await exportList(book, 'customers', customers);
    await exportList(book, 'orders', orders);

    second = await launchWithExtension();
    const fresh = await second.openExtensionPage('book.html#/importar');
    await importFile(fresh, customers);
    await importFile(fresh, orders);
    const copy = await bookContents(fresh);
    expect(copy.customers).toEqual(original.customers);
    expect(copy.orders).toEqual(original.orders);
  }, 300_000);
});
