// Metas in Chromium with the built extension, over a seeded book (core/goals/testing/goals-book.ts: seven customers,
// paid orders in BRL dated back from now in whole hours over 50 days, some late in the evening, one refunded and
// one in USD; restored through Configurações like the Hoje test's book). A goal is made through the form
// ("Faturamento", R$ 1.500,00, this month); the progress it shows must equal what this test computes itself from the
// seeded orders on the seller's calendar (the browser's zone: backups carry no zone setting). axe-core finds
// nothing serious or critical, light or dark.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeBackupLines } from '../../core/io';
import { goalsBookDocument } from '../../core/goals/testing/goals-book';
import type { BackupDocument } from '../../core/io/backup-format';
import { formatMoney } from '../../extension/i18n/format';
import { translate, type MessageKey } from '../../extension/i18n/translate';
import { launchWithExtension, type ExtensionSession } from './extension-harness';

const AXE = resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js');
const t = (key: MessageKey, params?: Record<string, string | number>) => translate('pt-BR', key, params);
const money = (minor: number) => formatMoney(minor, 'BRL', 'pt-BR');

/** `YYYY-MM-DD` of an instant on `timeZone`'s calendar, by Intl alone. */
function dayIn(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
}

/** This month's goal figures, computed here from the seeded orders: revenue, days gone (today included) and days in the month. */
function thisMonth(document: BackupDocument, now: number, timeZone: string) {
  const today = dayIn(now, timeZone);
  const month = today.slice(0, 7);
  const revenue = document.orders
    .filter((o) => o.status === 'paid' && o.currency === 'BRL' && dayIn(Date.parse(o.placedAt), timeZone).startsWith(month))
    .reduce((sum, o) => sum + o.totalMinor, 0);
  const [year, m] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const deadline = `${String(days).padStart(2, '0')}/${String(m).padStart(2, '0')}/${year}`;
  return { today, revenue, elapsed: Number(today.slice(8, 10)), days, deadline };
}

describe('Metas in Chromium', () => {
  let session: ExtensionSession;
  let dir: string;
  let page: Page;
  let seeded: BackupDocument;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'clientela-goals-e2e-'));
    seeded = goalsBookDocument(new Date());
    const file = join(dir, 'goals.json');
    await writeFile(file, serializeBackupLines(seeded).join(''));
    session = await launchWithExtension();
    page = await session.openExtensionPage('book.html#/configuracoes');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByTestId('restore-file').setInputFiles(file);
    await page.locator('[data-testid="restore-result"][role="status"]').waitFor({ timeout: 60_000 });
  }, 120_000);
  afterAll(async () => {
    await session?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('creates a goal through the form, and its progress equals the seeded orders’ own sum', { timeout: 60_000 }, async () => {
    await page.getByRole('navigation').getByRole('link', { name: t('nav.goals'), exact: true }).click();
    await page.getByRole('heading', { level: 1, name: t('nav.goals'), exact: true }).waitFor();
    await page.locator('[data-testid="goals"][aria-busy="false"]').waitFor();
    const timeZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    const figures = thisMonth(seeded, Date.now(), timeZone);
    expect(await page.getByTestId('goals').getAttribute('data-today')).toBe(figures.today);

    await page.getByLabel(t('goals.field.metric')).selectOption('revenue');
    await page.getByLabel(t('goals.field.target'), { exact: true }).fill('R$ 1.500,00');
    await page.getByRole('radio', { name: t('goals.period.month', { date: figures.deadline }) }).check();
    await page.getByRole('button', { name: t('goals.save.new') }).click();

    const card = page.getByTestId('goal');
    await card.waitFor();
    const title = t('goals.title', { metric: t('goals.metric.revenue'), target: money(150_000), date: figures.deadline });
    const bar = card.getByRole('progressbar', { name: title });
    expect(await bar.getAttribute('aria-valuenow')).toBe(String(Math.min(100, Math.round((figures.revenue / 150_000) * 100))));
    expect(await card.getByTestId('goal-current').textContent()).toBe(t('goals.current', { value: money(figures.revenue), target: money(150_000) }));
    const projected = Math.floor((figures.revenue / figures.elapsed) * figures.days);
    // The whole book's BRL revenue is R$ 1.459,40: below the target whatever the day, so the pace is always shown.
    expect(figures.revenue).toBeLessThan(150_000);
    expect(await card.getByTestId('goal-pace').textContent()).toContain(t('goals.pace.sum', { projected: money(projected), date: figures.deadline }));
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe(t('goals.saved', { name: title }));

    // It is the book's: still there, with the same figures, after a reload.
    await page.reload();
    await page.locator('[data-testid="goals"][aria-busy="false"]').waitFor();
    expect(await page.getByTestId('goal-current').textContent()).toBe(t('goals.current', { value: money(figures.revenue), target: money(150_000) }));
  });

  it('says what is wrong in words naming the field', async () => {
    await page.getByLabel(t('goals.field.target'), { exact: true }).fill('muito');
    await page.getByRole('button', { name: t('goals.save.new') }).click();
    await page.getByText(t('goals.error.target.money')).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('goal-target');
  });

  it('has no serious or critical accessibility violation, light or dark (axe-core)', async () => {
    await page.evaluate(await readFile(AXE, 'utf8'));
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const violations = await page.evaluate(async () => {
        const axeApi = (globalThis as unknown as { axe: { run: (context: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
        const result = await axeApi.run({ include: [['main']] });
        return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      });
      expect(violations, colorScheme).toEqual([]);
    }
  });
});
