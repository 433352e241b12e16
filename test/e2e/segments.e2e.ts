// Segmentos in Chromium with the built extension (issue 15): over a restored book, the count in every RFM cell is
// the number of customers the cell opens in Clientes, the grid holds every paying customer, the keyboard reaches
// and follows a cell, and axe-core finds nothing serious.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigBackupDocument } from '../../bench/big-backup';
import { writeBackupFile } from '../../bench/backup-bench';
import { translate, type MessageKey } from '../../extension/i18n/translate';
import { launchWithExtension, type ExtensionSession } from './extension-harness';

const AXE = resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js');
const t = (key: MessageKey, params?: Record<string, string | number>) => translate('pt-BR', key, params);
const GRID = '[data-testid="rfm-grid"]';

describe('Segmentos, in Chromium', () => {
  let dir: string;
  let session: ExtensionSession;
  let book: Page;
  /** 400 synthetic customers (bench/big-backup.ts, seed 17) and their 1,200 orders; the buyers counted from the file. */
  const document = bigBackupDocument({ customers: 400, orders: 1_200, seed: 17 });
  const paying = new Set(document.orders.filter((order) => order.status === 'paid').map((order) => order.customerId));
  const activePaying = document.customers.filter((customer) => customer.archivedAt === null && paying.has(customer.id)).length;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'clientela-segments-e2e-'));
    const file = join(dir, 'book.json');
    await writeBackupFile(document, file);
    session = await launchWithExtension();
    book = await session.openExtensionPage('book.html#/configuracoes');
    await book.setViewportSize({ width: 1440, height: 900 });
    await book.getByTestId('restore-file').setInputFiles(file);
    await book.locator('[data-testid="restore-result"][role="status"]', { hasText: 'Agenda restaurada' }).waitFor({ timeout: 120_000 });
    await book.getByRole('navigation').getByRole('link', { name: t('nav.segments'), exact: true }).focus();
    await book.keyboard.press('Enter');
    await book.locator(GRID).waitFor({ timeout: 60_000 });
  }, 300_000);
  afterAll(async () => {
    await session?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('lays every paying customer on the grid, and each cell opens exactly as many customers as it counts', async () => {
    expect(activePaying).toBeGreaterThanOrEqual(30);
    const cells = await book.locator(`${GRID} a`).evaluateAll((links) => links.map((link) => ({ href: link.getAttribute('href') as string, count: Number(link.textContent) })));
    expect(cells.reduce((sum, cell) => sum + cell.count, 0)).toBe(activePaying);
    expect(cells.length).toBeGreaterThan(5);
    for (const cell of cells) {
      await book.goto(book.url().replace(/#.*$/, cell.href));
      await expect.poll(() => book.getByTestId('table-total').textContent(), { message: cell.href }).toBe(t('table.total', { count: cell.count }));
      // A small cell fits the window: exactly its customers are drawn.
      if (cell.count <= 8) await expect.poll(() => book.locator('[role="row"][data-index]').count(), { message: cell.href }).toBe(cell.count);
    }
  });

  it('follows a cell with the keyboard, and the filter it set can be taken off', async () => {
    await book.goto(book.url().replace(/#.*$/, '#/segmentos'));
    const first = book.locator(`${GRID} a`).first();
    const count = Number(await first.textContent());
    await first.focus();
    await book.keyboard.press('Enter');
    await expect.poll(() => book.getByTestId('table-total').textContent()).toBe(t('table.total', { count }));
    await book.getByRole('button', { name: t('filter.rfmCellsClear') }).focus();
    await book.keyboard.press('Enter');
    await expect.poll(() => book.getByTestId('table-total').textContent()).toBe(t('table.total', { count: document.customers.filter((customer) => customer.archivedAt === null).length }));
    expect(book.url()).not.toContain('rfm=');
  });

  it('has no serious or critical accessibility violation, light or dark (axe-core)', async () => {
    await book.goto(book.url().replace(/#.*$/, '#/segmentos'));
    await book.locator(GRID).waitFor();
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
