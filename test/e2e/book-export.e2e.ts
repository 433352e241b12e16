// Exportar on the Clientes screen, in Chromium with the built extension: the dialog opens modally with focus on
// the choice made, axe-core finds nothing serious in it, Escape closes it back to its button, and the file a seller
// downloads is the list as Excel in Brazil opens it (BOM, `;`, a name holding `;` and quotes kept whole), which the
// importer reads back into the same customers. Labels come from the catalogs.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCustomersCsv } from '../../core/io/import';
import { translate, type MessageKey } from '../../extension/i18n/translate';
import { launchWithExtension, type ExtensionSession } from './extension-harness';

const AXE = resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js');
const t = (key: MessageKey, params?: Record<string, string | number>) => translate('pt-BR', key, params);
const CUSTOMERS = [
  { name: 'Ana Souza', kind: 'phone', contact: '(11) 98765-4321' },
  { name: 'Bia "Lima"; Silva', kind: 'email', contact: 'bia@example.com' },
  { name: 'Caio Prado', kind: 'whatsapp', contact: '11 91234-5678' },
] as const;

/** Adds a customer through the Clientes form, as a seller does. */
async function addCustomer(book: Page, customer: (typeof CUSTOMERS)[number]): Promise<void> {
  const form = book.getByRole('region', { name: t('addCustomer') });
  await form.getByLabel(t('name'), { exact: true }).fill(customer.name);
  await form.getByLabel(t('contactKind')).selectOption(customer.kind);
  await form.getByLabel(t('contact'), { exact: true }).fill(customer.contact);
  await form.getByRole('button', { name: t('save') }).click();
  // Called from beforeAll, where expect.poll is not allowed: a locator wait fails just the same when it never comes.
  await book.getByTestId('notice-status').filter({ hasText: t('added', { name: customer.name }) }).waitFor();
}

describe('Exportar on the Clientes screen, in Chromium', () => {
  let session: ExtensionSession;
  let book: Page;

  beforeAll(async () => {
    session = await launchWithExtension();
    book = await session.openExtensionPage('book.html#/clientes');
    for (const customer of CUSTOMERS) await addCustomer(book, customer);
    await book.getByTestId('table-total').filter({ hasText: t('table.total', { count: CUSTOMERS.length }) }).waitFor();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('opens a modal dialog with focus on the choice, clean under axe, and Escape gives focus back to its button', async () => {
    const opener = book.getByRole('button', { name: t('export.open'), exact: true });
    await opener.click();
    const dialog = book.getByRole('dialog', { name: t('export.title') });
    await dialog.waitFor();
    await expect.poll(() => book.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('customers');
    await book.evaluate(await readFile(AXE, 'utf8'));
    const violations = await book.evaluate(async () => {
      const axeApi = (globalThis as unknown as { axe: { run: (context: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const result = await axeApi.run({ include: [['[data-testid="export-dialog"]']] });
      return result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    });
    expect(violations).toEqual([]);
    await book.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => book.evaluate(() => document.activeElement?.textContent)).toBe(t('export.open'));
  });

  it('downloads the list as Excel (Brasil), named on the seller’s clock, that the importer reads back', async () => {
    await book.getByRole('button', { name: t('export.open'), exact: true }).click();
    const dialog = book.getByRole('dialog', { name: t('export.title') });
    const download = book.waitForEvent('download');
    await dialog.getByRole('button', { name: t('export.start'), exact: true }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^clientela-clientes-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = await readFile(await file.path());
    const text = bytes.toString('utf8');
    expect(text.startsWith(`\uFEFF${t('export.column.name')};${t('identity.phone')};`)).toBe(true);
    expect(text).toContain('"Bia ""Lima""; Silva"');
    const read = readCustomersCsv(new Uint8Array(bytes));
    expect(read.errors).toEqual([]);
    expect(read.rows.map((row) => row.name)).toEqual(CUSTOMERS.map((customer) => customer.name));
    await expect.poll(() => book.getByTestId('notice-status').textContent()).toBe(t('export.doneCustomers', { count: 3, file: file.suggestedFilename() }));
  });
});
