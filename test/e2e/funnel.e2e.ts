// Funil in Chromium with the built extension (issue 15): over a restored book whose stages are known, each column
// counts exactly its customers; a card moves by keyboard (the focus goes with it) and by drag and drop, the move is in
// the book after a reload, and axe-core finds nothing serious.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FUNNEL_STAGES } from '../../core/segments';
import type { Customer } from '../../core/model';
import { bigBackupDocument } from '../../bench/big-backup';
import { writeBackupFile } from '../../bench/backup-bench';
import { translate, type MessageKey } from '../../extension/i18n/translate';
import { enumLabel } from '../../extension/i18n/labels';
import { launchWithExtension, type ExtensionSession } from './extension-harness';

const AXE = resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js');
const t = (key: MessageKey, params?: Record<string, string | number>) => translate('pt-BR', key, params);
const COLUMNS = [null, ...DEFAULT_FUNNEL_STAGES] as const;
const columnName = (stage: string | null) => (stage === null ? t('filter.noFunnelStage') : enumLabel('pt-BR', 'funnelStage', stage as never));

/**
 * The book: 60 synthetic customers (bench/big-backup.ts, seed 15), customer i in stage COLUMNS[i % 5], and every
 * seventh archived. The answer per column is counted from the file itself, so it is known before the page opens.
 */
function knownBook(): { customers: Customer[]; write: (file: string) => Promise<number> } {
  const document = bigBackupDocument({ customers: 60, orders: 150, seed: 15 });
  document.customers = document.customers.map((customer, i) => ({
    ...customer,
    funnelStage: COLUMNS[i % COLUMNS.length] as string | null,
    archivedAt: i % 7 === 3 ? customer.createdAt : null,
  }));
  return { customers: document.customers, write: (file) => writeBackupFile(document, file) };
}

const column = (page: Page, stage: string | null) => page.locator(`section.funnel-column[data-stage="${stage ?? ''}"]`);
const countText = (page: Page, stage: string | null) => column(page, stage).getByTestId('funnel-count').textContent();
const cardIds = (page: Page, stage: string | null) => column(page, stage).locator('li.funnel-card').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-customer')));
const storedStage = (page: Page, id: string) =>
  page.evaluate(
    (customerId) =>
      new Promise<string | null | undefined>((done, fail) => {
        const open = indexedDB.open('clientela-book');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          try {
            const get = open.result.transaction('customers').objectStore('customers').get(customerId);
            get.onerror = () => fail(get.error);
            get.onsuccess = () => {
              done((get.result as { funnelStage?: string | null } | undefined)?.funnelStage);
              open.result.close();
            };
          } catch (error) {
            fail(error);
          }
        };
      }),
    id,
  );

describe('Funil, in Chromium', () => {
  let dir: string;
  let session: ExtensionSession;
  let book: Page;
  const { customers, write } = knownBook();
  const expected = (stage: string | null) => customers.filter((customer) => customer.archivedAt === null && customer.funnelStage === stage);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'clientela-funnel-e2e-'));
    const file = join(dir, 'book.json');
    await write(file);
    session = await launchWithExtension();
    book = await session.openExtensionPage('book.html#/configuracoes');
    await book.setViewportSize({ width: 1440, height: 900 });
    await book.getByTestId('restore-file').setInputFiles(file);
    await book.locator('[data-testid="restore-result"][role="status"]', { hasText: 'Agenda restaurada' }).waitFor({ timeout: 120_000 });
    // The keyboard reaches the screen: the nav link, then Enter.
    await book.getByRole('navigation').getByRole('link', { name: t('nav.funnel'), exact: true }).focus();
    await book.keyboard.press('Enter');
    await book.getByRole('heading', { level: 1, name: t('nav.funnel'), exact: true }).waitFor();
  }, 300_000);
  afterAll(async () => {
    await session?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('counts exactly the customers of each stage, archived ones left out', async () => {
    for (const stage of COLUMNS) {
      await expect.poll(() => countText(book, stage), { message: columnName(stage) }).toBe(t('funnel.count', { count: expected(stage).length }));
      const shown = await cardIds(book, stage);
      expect(shown.length, columnName(stage)).toBe(expected(stage).length);
      expect([...shown].sort(), columnName(stage)).toEqual(expected(stage).map((customer) => customer.id).sort());
    }
  });

  it('moves a card with the arrow keys, the focus going with it, and the move survives a reload', async () => {
    const [first] = await cardIds(book, 'discovery');
    const id = first as string;
    const before = { discovery: expected('discovery').length, consideration: expected('consideration').length };
    await column(book, 'discovery').locator(`li[data-customer="${id}"] a`).focus();
    await book.keyboard.press('ArrowRight');
    await expect.poll(() => cardIds(book, 'consideration')).toContain(id);
    expect(await cardIds(book, 'discovery')).not.toContain(id);
    await expect.poll(() => book.evaluate(() => document.activeElement?.closest('li')?.getAttribute('data-customer'))).toBe(id);
    await expect.poll(() => countText(book, 'consideration')).toBe(t('funnel.count', { count: before.consideration + 1 }));
    await expect.poll(() => countText(book, 'discovery')).toBe(t('funnel.count', { count: before.discovery - 1 }));
    await expect.poll(() => storedStage(book, id)).toBe('consideration');

    await book.reload();
    await book.getByRole('heading', { level: 1, name: t('nav.funnel'), exact: true }).waitFor();
    await expect.poll(() => cardIds(book, 'consideration')).toContain(id);
    await expect.poll(() => countText(book, 'consideration')).toBe(t('funnel.count', { count: before.consideration + 1 }));
  });

  it('moves a card dragged to another column', async () => {
    const [first] = await cardIds(book, 'decision');
    const id = first as string;
    const decision = (await cardIds(book, 'decision')).length;
    const customer = (await cardIds(book, 'customer')).length;
    // Dropped on the column's heading: aiming at the middle of a column taller than the window, Playwright scrolls
    // between pressing and moving the mouse, and the drag starts on whatever card is under it then.
    await column(book, 'decision').locator(`li[data-customer="${id}"]`).dragTo(column(book, 'customer').getByRole('heading'));
    await expect.poll(() => cardIds(book, 'customer')).toContain(id);
    expect(await cardIds(book, 'decision')).not.toContain(id);
    await expect.poll(() => storedStage(book, id)).toBe('customer');
    await expect.poll(() => countText(book, 'customer')).toBe(t('funnel.count', { count: customer + 1 }));
    await expect.poll(() => countText(book, 'decision')).toBe(t('funnel.count', { count: decision - 1 }));
  });

  it('has no serious or critical accessibility violation, light or dark (axe-core)', async () => {
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
