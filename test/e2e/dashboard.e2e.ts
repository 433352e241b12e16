// Painel in Chromium with the built extension (issue 15), over a book built to be counted by hand
// (core/segments/testing/dashboard-book.ts: 43 customers buying on fixed patterns dated back from now, three paying in
// EUR, refunds, one archived, ratings every 45 days, and a 22:00 São Paulo sale on the last day of last month),
// restored through Configurações with the seller's zone set to São Paulo. The cards equal a computation done here
// from the file's orders with Intl alone (core/segments/testing/dashboard-answer.ts); every chart has a table whose
// numbers are counted the same way; the charts are drawn; the period picker works with keys; axe-core finds nothing
// serious or critical, light or dark. Checked: revenue, average ticket and revenue per customer per currency,
// orders, new customers and retention, this period's and the previous one's.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeBackupLines } from '../../core/io';
import type { BackupDocument } from '../../core/io/backup-format';
import { dashboardBookDocument } from '../../core/segments/testing/dashboard-book';
import { monthAnswer, monthBefore, monthKey, retentionOf } from '../../core/segments/testing/dashboard-answer';
import { formatMoney } from '../../extension/i18n/format';
import { translate, type MessageKey } from '../../extension/i18n/translate';
import { chooseWithKeys, launchWithExtension, showBookScreen, type ExtensionSession } from './extension-harness';

const AXE = resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js');
const SP = 'America/Sao_Paulo';
const t = (key: MessageKey, params?: Record<string, string | number>) => translate('pt-BR', key, params);
const money = (minor: number, currency: string) => formatMoney(minor, currency, 'pt-BR');

describe('Painel in Chromium', () => {
  let session: ExtensionSession;
  let dir: string;
  let page: Page;
  let document: BackupDocument;

  /** A card's line as shown: this period's figure and the previous period's sentence. */
  const cardLine = (metric: string, currency?: string) =>
    page.locator(`[data-metric="${metric}"] .metric-line${currency ? `[data-currency="${currency}"]` : ''}`).evaluate((line) => ({
      current: line.querySelector('.metric-value')?.textContent,
      previous: line.querySelector('.metric-previous')?.textContent,
    }));

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'clientela-dashboard-e2e-'));
    document = dashboardBookDocument(new Date());
    const file = join(dir, 'dashboard.json');
    await writeFile(file, serializeBackupLines(document).join(''));
    session = await launchWithExtension();
    page = await session.openExtensionPage('book.html#/configuracoes');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.locator('#time-zone').fill(SP);
    await page.locator('#time-zone').press('Enter');
    await page.getByTestId('restore-file').setInputFiles(file);
    await page.locator('[data-testid="restore-result"][role="status"]').waitFor({ timeout: 60_000 });
  }, 120_000);
  afterAll(async () => {
    await session?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('shows cards equal to a count over the seeded orders: this month so far and the whole month before', { timeout: 60_000 }, async () => {
    await showBookScreen(page, 'nav.dashboard');
    await page.getByTestId('metric-cards').waitFor();
    const thisMonth = monthKey(Date.now(), SP);
    const expected = { current: monthAnswer(document, thisMonth, SP), previous: monthAnswer(document, monthBefore(thisMonth), SP) };
    const currencies = [...new Set([...Object.keys(expected.current.revenueMinor), ...Object.keys(expected.previous.revenueMinor)])];
    expect(currencies).toContain('BRL');
    const previousOf = (value: string) => t('dashboard.previous', { value });
    // The background's table may still be taking the new zone: poll the first card until it agrees.
    await expect
      .poll(() => cardLine('revenue', 'BRL'))
      .toEqual({ current: money(expected.current.revenueMinor.BRL ?? 0, 'BRL'), previous: previousOf(money(expected.previous.revenueMinor.BRL ?? 0, 'BRL')) });
    for (const currency of currencies) {
      const shown = (answer: typeof expected.current, pick: 'averageTicketMinor' | 'revenuePerCustomerMinor') => {
        const minor = answer[pick][currency];
        return minor === undefined ? t('dashboard.none.short') : money(minor, currency);
      };
      expect(await cardLine('revenue', currency), currency).toEqual({ current: money(expected.current.revenueMinor[currency] ?? 0, currency), previous: previousOf(money(expected.previous.revenueMinor[currency] ?? 0, currency)) });
      expect(await cardLine('average-ticket', currency), currency).toEqual({ current: shown(expected.current, 'averageTicketMinor'), previous: previousOf(shown(expected.previous, 'averageTicketMinor')) });
      expect(await cardLine('revenue-per-customer', currency), currency).toEqual({ current: shown(expected.current, 'revenuePerCustomerMinor'), previous: previousOf(shown(expected.previous, 'revenuePerCustomerMinor')) });
    }
    // One line per currency: never added together.
    await expect.poll(() => page.locator('[data-metric="revenue"] .metric-line').count()).toBe(currencies.length);
    expect(await cardLine('orders')).toEqual({ current: String(expected.current.orders), previous: previousOf(String(expected.previous.orders)) });
    expect(await cardLine('new-customers')).toEqual({ current: String(expected.current.newCustomers), previous: previousOf(String(expected.previous.newCustomers)) });
    const share = (value: number | null) => (value === null ? t('dashboard.none.short') : new Intl.NumberFormat('pt-BR', { style: 'percent', maximumFractionDigits: 1 }).format(value));
    const beforePrevious = monthAnswer(document, monthBefore(monthBefore(thisMonth)), SP);
    expect(await cardLine('retention')).toEqual({ current: share(retentionOf(expected.current, expected.previous)), previous: previousOf(share(retentionOf(expected.previous, beforePrevious))) });
    // Lia's 22:00 sale on the last day of last month is last month's, in São Paulo.
    expect(monthKey(Date.parse(document.orders.find((order) => order.customerId === 'lia')!.placedAt), SP)).toBe(monthBefore(thisMonth));
  });

  it('has a table with the numbers behind every chart, and draws the charts', { timeout: 60_000 }, async () => {
    const months = await page.getByTestId('revenue-table').locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-month') as string));
    expect(months).toHaveLength(12);
    expect(months.at(-1)).toBe(monthKey(Date.now(), SP));
    for (const month of months) {
      const answer = monthAnswer(document, month, SP);
      for (const currency of ['BRL', 'EUR']) {
        const cell = page.getByTestId('revenue-table').locator(`tr[data-month="${month}"] td[data-currency="${currency}"]`);
        await expect.poll(() => cell.textContent(), { message: `${month} ${currency}` }).toBe(money(answer.revenueMinor[currency] ?? 0, currency));
      }
      // A cohort is the month's new customers.
      const cohort = page.getByTestId('cohort-table').locator(`tr[data-month="${month}"] td`).first();
      if (answer.newCustomers > 0) await expect.poll(() => cohort.textContent(), { message: month }).toBe(String(answer.newCustomers));
      else await expect.poll(() => cohort.count(), { message: month }).toBe(0);
      const csat = document.feedback.filter((row) => row.kind === 'csat' && monthKey(Date.parse(row.receivedAt), SP) === month);
      const shown = await page.getByTestId('feedback-table').locator(`tr[data-month="${month}"] td[data-series="csat"]`).textContent();
      expect(shown, month).toBe(csat.length === 0 ? t('dashboard.none.short') : new Intl.NumberFormat('pt-BR', { style: 'percent', maximumFractionDigits: 1 }).format(csat.filter((row) => row.score >= 4).length / csat.length));
    }
    const activity = await page.getByTestId('activity-table').locator('tbody td').allTextContents();
    expect(activity.map(Number).reduce((a, b) => a + b, 0)).toBe(document.customers.filter((customer) => customer.archivedAt === null).length);
    for (const id of ['revenue', 'activity', 'cohorts', 'feedback']) {
      const table = page.getByTestId(`chart-${id}`).getByRole('table');
      expect((await table.locator('caption').textContent())?.length, id).toBeGreaterThan(0);
    }
    for (const chart of ['revenue', 'activity', 'feedback']) {
      const drawn = page.locator(`[data-chart="${chart}"][data-drawn="true"]`);
      await drawn.waitFor();
      expect(await drawn.getAttribute('role')).toBe('img');
      expect(await drawn.locator('canvas').count(), chart).toBeGreaterThan(0);
    }
  });

  it('compares the quarter when the seller picks it with the keys', { timeout: 30_000 }, async () => {
    await chooseWithKeys(page, page.getByRole('combobox', { name: t('dashboard.period') }), 'quarter');
    const thisMonth = monthKey(Date.now(), SP);
    const [year, month] = thisMonth.split('-').map(Number) as [number, number];
    const first = month - ((month - 1) % 3);
    const quarter = [0, 1, 2].map((k) => `${year}-${String(first + k).padStart(2, '0')}`);
    const orders = quarter.reduce((sum, key) => sum + monthAnswer(document, key, SP).orders, 0);
    await expect.poll(() => cardLine('orders').then((line) => line.current)).toBe(String(orders));
    expect(page.url()).toMatch(/#\/painel\?periodo=trimestre$/);
  });

  it('has no serious or critical accessibility violation, light or dark (axe-core)', async () => {
    await page.evaluate(await readFile(AXE, 'utf8'));
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.locator('[data-chart="revenue"][data-drawn="true"]').waitFor();
      const violations = await page.evaluate(async () => {
        const axeApi = (globalThis as unknown as { axe: { run: (context: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
        const result = await axeApi.run({ include: [['main']] });
        return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      });
      expect(violations, colorScheme).toEqual([]);
    }
  });
});
