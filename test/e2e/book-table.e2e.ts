// The Clientes table at the size issue 13 names (100k customers restored), in Chromium with the built extension:
// a phone in any spelling finds its customer; filter, sort, multi-select and a bulk tag change exactly the
// selected rows; the route survives a reload; axe-core finds nothing serious. Keys, not clicks, wherever the
// issue asks for the keyboard (a select is focused and stepped with the arrow keys, as a keyboard user does).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeIdentityValue } from '../../core/identity';
import type { Customer } from '../../core/model';
import { bigBackupDocument } from '../../bench/big-backup';
import { writeBackupFile } from '../../bench/backup-bench';
import { translate, type MessageKey } from '../../extension/i18n/translate';
import { chooseWithKeys, launchWithExtension, type ExtensionSession } from './extension-harness';

const AXE = resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js');
const CUSTOMERS = 100_000;
const PHONE = '(11) 98765-4321';
const MARINA = 'Marina Telefone';
const t = (key: MessageKey, params?: Record<string, string | number>) => translate('pt-BR', key, params);

/** The big book plus one customer with the phone the issue searches for, and a tag nobody has yet. */
async function writeBook(file: string): Promise<void> {
  const document = bigBackupDocument({ customers: CUSTOMERS, orders: 200_000 });
  const model = document.customers[0] as Customer;
  const marina: Customer = {
    ...model,
    id: 'marina-telefone',
    displayName: MARINA,
    tagIds: [],
    lastOrderAt: null,
    identities: [{ kind: 'whatsapp', value: normalizeIdentityValue('whatsapp', PHONE), raw: PHONE, addedAt: model.createdAt }],
  };
  document.customers.push(marina);
  document.tags.push({ id: 'promo', name: 'Promoção', colour: '#0b6e4f', key: '2', position: document.tags.length });
  document.counts = { ...document.counts, customers: document.customers.length, tags: document.tags.length };
  await writeBackupFile(document, file);
}

/** Ids of the customers carrying a tag, read from the book's IndexedDB in the page (the store's own index). */
function taggedIds(page: Page, tagId: string): Promise<string[]> {
  return page.evaluate(
    (tag) =>
      new Promise<string[]>((done, fail) => {
        const open = indexedDB.open('clientela-book');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('customers').objectStore('customers').index('tagIds').getAllKeys(tag);
          request.onsuccess = () => {
            open.result.close();
            done((request.result as string[]).sort());
          };
          request.onerror = () => fail(request.error);
        };
      }),
    tagId,
  );
}

const grid = (page: Page) => page.getByTestId('customer-grid');

/**
 * The table is drawn for its current query: every visible row known and current. The first wait after a restore
 * includes the background building the table of 100k customers, slow on a busy 2-core machine.
 */
async function settled(page: Page, timeout = 120_000): Promise<void> {
  try {
    await page.locator('[data-testid="customer-grid"][aria-busy="false"][data-table-version]').waitFor({ timeout });
  } catch (error) {
    const state = await page.evaluate(() => ({
      grid: [...(document.querySelector('[data-testid="customer-grid"]')?.attributes ?? [])].map((a) => `${a.name}=${a.value}`).join(' '),
      total: document.querySelector('[data-testid="table-total"]')?.textContent,
      alerts: [...document.querySelectorAll('[role="alert"]')].map((alert) => alert.textContent).join(' | '),
    }));
    throw new Error(`the table did not settle: ${JSON.stringify(state)}`, { cause: error });
  }
}

describe('the Clientes table at 100k customers, in Chromium', () => {
  let dir: string;
  let session: ExtensionSession;
  let book: Page;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'clientela-table-e2e-'));
    const file = join(dir, 'book.json');
    await writeBook(file);
    session = await launchWithExtension();
    book = await session.openExtensionPage('book.html#/configuracoes');
    await book.setViewportSize({ width: 1440, height: 900 });
    await book.getByTestId('restore-file').setInputFiles(file);
    await book.locator('[data-testid="restore-result"][role="status"]', { hasText: 'Agenda restaurada' }).waitFor({ timeout: 240_000 });
    await book.getByRole('navigation').getByRole('link', { name: t('nav.customers'), exact: true }).focus();
    await book.keyboard.press('Enter');
    await settled(book, 300_000);
  }, 600_000);
  afterAll(async () => {
    await session?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('draws a window of the 100,001 rows, and `/` then a phone in any spelling finds its customer', { timeout: 300_000 }, async () => {
    await expect.poll(() => book.getByTestId('table-total').textContent(), { timeout: 60_000 }).toBe(t('table.total', { count: CUSTOMERS + 1 }));
    await expect.poll(() => grid(book).getAttribute('aria-rowcount')).toBe(String(CUSTOMERS + 2));
    // Windowed: only the rows in view (and a few around them) are in the DOM, whatever the total.
    await expect.poll(async () => { const rows = await grid(book).locator('[role="row"]').count(); return rows > 10 && rows < 80; }).toBe(true);
    await book.locator('body').press('/');
    await expect.poll(() => book.evaluate(() => document.activeElement?.getAttribute('aria-keyshortcuts'))).toBe('/');
    await book.keyboard.type(PHONE);
    // The first search builds the background's search index of 100k customers: slow on a busy machine.
    await expect.poll(() => grid(book).getAttribute('data-search'), { timeout: 180_000 }).toBe(PHONE);
    await settled(book);
    await expect.poll(() => book.getByTestId('table-total').textContent()).toBe(t('table.total', { count: 1 }));
    await expect.poll(() => grid(book).locator('[data-index="0"] .col-name').textContent()).toBe(MARINA);
    // Clearing the search with the keyboard brings everyone back.
    await book.keyboard.press('Control+A');
    await book.keyboard.press('Backspace');
    await expect.poll(() => book.getByTestId('table-total').textContent(), { timeout: 60_000 }).toBe(t('table.total', { count: CUSTOMERS + 1 }));
  });

  it('filter, sort, then space and shift-space select rows; a bulk tag changes exactly those; the route survives a reload', { timeout: 180_000 }, async () => {
    await chooseWithKeys(book, '#filter-activity', 'active');
    await expect.poll(() => book.url()).toContain('atividade=active');
    const sortButton = book.getByRole('button', { name: t('column.totalSpent') });
    await sortButton.focus();
    await book.keyboard.press('Enter');
    await expect.poll(() => book.getByRole('columnheader', { name: t('column.totalSpent') }).getAttribute('aria-sort')).toBe('ascending');
    await book.keyboard.press('Enter');
    await expect.poll(() => book.getByRole('columnheader', { name: t('column.totalSpent') }).getAttribute('aria-sort')).toBe('descending');
    await settled(book);
    const activeTotal = await book.getByTestId('table-total').textContent();
    expect(activeTotal).not.toBe(t('table.total', { count: CUSTOMERS + 1 }));

    // From the last header to the rows: Tab past "Pedidos", "Valor previsto" and "Chance de voltar".
    for (let i = 0; i < 4; i++) await book.keyboard.press('Tab');
    await expect.poll(() => book.evaluate(() => document.activeElement?.closest('[role="row"]')?.getAttribute('aria-rowindex'))).toBe('2');
    await book.keyboard.press('Space');
    await book.keyboard.press('ArrowDown');
    await book.keyboard.press('ArrowDown');
    await book.keyboard.press('Shift+Space');
    await book.keyboard.press('ArrowDown');
    await book.keyboard.press('ArrowDown');
    await book.keyboard.press('Space');
    await expect.poll(() => book.getByTestId('selection-bar').locator('.selection-count strong').textContent()).toBe(t('selection.count', { count: 4 }));
    const selectedRows = grid(book).locator('[role="row"][aria-selected="true"]');
    await expect.poll(() => selectedRows.evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-rowindex')))).toEqual(['2', '3', '4', '6']);
    const selected = (await selectedRows.locator('.col-name a').evaluateAll((links) => links.map((link) => decodeURIComponent(link.getAttribute('href')?.split('/').pop() ?? '')))).sort();

    expect(await taggedIds(book, 'promo')).toEqual([]);
    await chooseWithKeys(book, '#bulk-tag', 'promo');
    await book.getByRole('button', { name: t('bulk.addTag') }).focus();
    await book.keyboard.press('Enter');
    await expect.poll(() => book.getByTestId('notice-status').textContent()).toBe(t('bulk.tagAdded', { tag: 'Promoção', count: 4 }));
    expect(await taggedIds(book, 'promo')).toEqual(selected);
    // The table follows the write from the background: the chips show on exactly those rows.
    await expect.poll(() => grid(book).locator('.tag-chip', { hasText: 'Promoção' }).count(), { timeout: 60_000 }).toBe(4);

    const address = book.url();
    expect(address).toMatch(/ordem=totalSpent\.desc/);
    await book.reload();
    await settled(book);
    expect(book.url()).toBe(address);
    await expect.poll(() => book.locator('#filter-activity').inputValue()).toBe('active');
    await expect.poll(() => book.getByRole('columnheader', { name: t('column.totalSpent') }).getAttribute('aria-sort')).toBe('descending');
    await expect.poll(() => book.getByTestId('table-total').textContent()).toBe(activeTotal);
  });

  it('End goes to the last of the matching rows with only a window of them drawn', async () => {
    await grid(book).locator('[data-index="0"] [data-active-cell]').focus();
    await book.keyboard.press('End');
    const rowCount = await grid(book).getAttribute('aria-rowcount');
    await expect.poll(() => book.evaluate(() => document.activeElement?.closest('[role="row"]')?.getAttribute('aria-rowindex'))).toBe(rowCount);
    await settled(book);
    // Windowed: only the rows in view (and a few around them) are in the DOM, whatever the total.
    await expect.poll(async () => { const rows = await grid(book).locator('[role="row"]').count(); return rows > 10 && rows < 80; }).toBe(true);
    await book.keyboard.press('Home');
    await expect.poll(() => book.evaluate(() => document.activeElement?.closest('[role="row"]')?.getAttribute('aria-rowindex'))).toBe('2');
  });

  it('has no serious or critical accessibility violation, light or dark, with a selection showing (axe-core)', async () => {
    await grid(book).locator('[data-index="0"] [data-active-cell]').focus();
    await book.keyboard.press('Space');
    await book.getByTestId('selection-bar').waitFor();
    await book.evaluate(await readFile(AXE, 'utf8'));
    for (const colorScheme of ['light', 'dark'] as const) {
      await book.emulateMedia({ colorScheme });
      const violations = await book.evaluate(async () => {
        const axeApi = (globalThis as unknown as { axe: { run: (context: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
        const result = await axeApi.run({ include: [['main']] });
        return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      });
      expect(violations, colorScheme).toEqual([]);
    }
  });
});
