// Segmentos' rule builder in Chromium with the built extension (issue 15): over the book segments.e2e.ts restores
// (bench/big-backup.ts, 400 customers, seed 17), a rule's live count equals the count computed here from the file,
// an edit of the rule updates it to the new figure, the saved segment opens in Clientes with as many customers as it
// counts, and axe-core finds nothing serious.
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

describe('Segmentos rule builder, in Chromium', () => {
  let dir: string;
  let session: ExtensionSession;
  let book: Page;
  const document = bigBackupDocument({ customers: 400, orders: 1_200, seed: 17 });
  // The independent answer: each customer's paid orders and paid BRL spend, read from the file; archived ones left out.
  const paidOrders = new Map<string, number>();
  const spentBRL = new Map<string, number>();
  for (const order of document.orders) {
    if (order.status !== 'paid') continue;
    paidOrders.set(order.customerId, (paidOrders.get(order.customerId) ?? 0) + 1);
    if (order.currency === 'BRL') spentBRL.set(order.customerId, (spentBRL.get(order.customerId) ?? 0) + order.totalMinor);
  }
  const listed = document.customers.filter((customer) => customer.archivedAt === null);
  const withOrders = (n: number) => listed.filter((customer) => (paidOrders.get(customer.id) ?? 0) >= n).length;
  const withOrdersAndSpend = (n: number, minor: number) => listed.filter((customer) => (paidOrders.get(customer.id) ?? 0) >= n && (spentBRL.get(customer.id) ?? 0) >= minor).length;

  const countLine = () => book.getByTestId('rule-count');
  /** The count shown once it is the answer to the rule on screen. */
  const shownCount = async () => ((await countLine().getAttribute('data-current')) === 'true' ? await countLine().textContent() : null);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'clientela-segment-rules-e2e-'));
    const file = join(dir, 'book.json');
    await writeBackupFile(document, file);
    session = await launchWithExtension();
    book = await session.openExtensionPage('book.html#/configuracoes');
    await book.setViewportSize({ width: 1440, height: 900 });
    await book.getByTestId('restore-file').setInputFiles(file);
    await book.locator('[data-testid="restore-result"][role="status"]', { hasText: 'Agenda restaurada' }).waitFor({ timeout: 120_000 });
    await book.goto(book.url().replace(/#.*$/, '#/segmentos'));
    await book.getByTestId('rule-builder').waitFor({ timeout: 60_000 });
  }, 300_000);
  afterAll(async () => {
    await session?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('counts a rule as the file says, follows an edit to the new figure, and opens the saved segment with as many customers', async () => {
    const first = withOrders(3);
    const second = withOrdersAndSpend(5, 50_000);
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(0);
    expect(second).not.toBe(first);

    // Typed by keyboard: condition 1 is "Número de pedidos", "pelo menos" by default.
    await book.getByRole('textbox', { name: t('rules.valueLabel', { n: 1 }) }).fill('3');
    await expect.poll(shownCount, { timeout: 20_000 }).toBe(t('rules.count', { count: first }));

    // The edit: at least 5 orders, and a second condition on the BRL spent.
    await book.getByRole('textbox', { name: t('rules.valueLabel', { n: 1 }) }).fill('5');
    await expect.poll(shownCount, { timeout: 20_000 }).toBe(t('rules.count', { count: withOrders(5) }));
    await book.getByRole('button', { name: t('rules.addCondition') }).click();
    await book.getByRole('combobox', { name: t('rules.fieldLabel', { n: 2 }) }).selectOption('totalSpent');
    await book.getByRole('textbox', { name: t('rules.valueLabel', { n: 2 }) }).fill('500');
    await expect.poll(shownCount, { timeout: 20_000 }).toBe(t('rules.count', { count: second }));

    await book.getByRole('textbox', { name: t('rules.name') }).fill('Fiéis que gastam');
    await book.getByRole('textbox', { name: t('rules.name') }).press('Enter');
    const row = book.locator('[data-testid="saved-segments"] tr[data-segment="Fiéis que gastam"]');
    await row.waitFor({ timeout: 20_000 });
    expect(await row.getByTestId('saved-count').textContent()).toBe(String(second));

    await row.getByRole('link', { name: t('rules.openNamed', { name: 'Fiéis que gastam' }) }).focus();
    await book.keyboard.press('Enter');
    await expect.poll(() => book.getByTestId('table-total').textContent(), { timeout: 20_000 }).toBe(t('table.total', { count: second }));
    expect(book.url()).toContain('segmento-salvo=');
    expect(await book.getByTestId('saved-segment-filter').textContent()).toContain(t('customers.savedSegment', { name: 'Fiéis que gastam' }));
  });

  it('has no serious or critical accessibility violation, light or dark (axe-core)', async () => {
    await book.goto(book.url().replace(/#.*$/, '#/segmentos'));
    await book.getByTestId('rule-builder').waitFor();
    // A problem on screen too: an empty value, said beside its condition.
    await book.getByRole('textbox', { name: t('rules.valueLabel', { n: 1 }) }).fill('');
    await book.getByTestId('rule-problem').waitFor({ timeout: 20_000 });
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
