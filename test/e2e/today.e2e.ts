// Hoje, the book page's first screen, in Chromium with the built extension, over a book built to a known answer
// (core/today/testing/today-book.ts: orders spaced so each customer's own interval is exact, dated from now at
// whole days, restored through Configurações): the list holds exactly the late customers and the due follow-ups
// (and the one low rating and the one new store prospect); done and snooze hide a row and survive a reload; it all
// works with the keyboard alone; axe-core finds nothing serious or critical, light or dark.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeBackupLines } from '../../core/io';
import { todayBookDocument, type TodayAnswer } from '../../core/today/testing/today-book';
import { translate, type MessageKey } from '../../extension/i18n/translate';
import { launchWithExtension, type ExtensionSession } from './extension-harness';

const AXE = resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js');
const t = (key: MessageKey, params?: Record<string, string | number>) => translate('pt-BR', key, params);

/** The Hoje screen as a seller works it, by the catalog's words. */
class TodayPage {
  constructor(readonly page: Page) {}

  section(kind: 'follow-up' | 'late' | 'low-feedback' | 'new-prospect') {
    return this.page.getByTestId(`today-${kind}`);
  }

  /** The names in a section, sorted; [] when the section is not shown (nobody in it). */
  async names(kind: Parameters<TodayPage['section']>[0]): Promise<string[]> {
    return (await this.section(kind).locator('.today-name').allTextContents()).sort();
  }

  /** Waits for the list the background answered (not a run in flight). */
  async settled(): Promise<void> {
    await this.page.locator('[data-testid="today-list"][aria-busy="false"]').waitFor();
  }

  /** Tabs from the row's name to the control whose accessible name is `label`, then presses Enter: the keyboard only. */
  async pressInRow(customer: string, label: string): Promise<void> {
    const name = this.page.getByRole('link', { name: customer, exact: true });
    await name.focus();
    const target = this.page.getByRole('listitem').filter({ has: name }).locator(`[aria-label="${label}"]`);
    for (let step = 0; step < 12; step++) {
      if (await target.evaluate((element) => element === document.activeElement)) break;
      await this.page.keyboard.press('Tab');
    }
    await expect.poll(() => target.evaluate((element) => element === document.activeElement)).toBe(true);
    await this.page.keyboard.press('Enter');
  }
}

describe('Hoje in Chromium', () => {
  let session: ExtensionSession;
  let dir: string;
  let page: Page;
  let today: TodayPage;
  let answer: TodayAnswer;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'clientela-today-e2e-'));
    const built = todayBookDocument(new Date());
    answer = built.answer;
    const file = join(dir, 'today.json');
    await writeFile(file, serializeBackupLines(built.document).join(''));
    session = await launchWithExtension();
    page = await session.openExtensionPage('book.html#/configuracoes');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByTestId('restore-file').setInputFiles(file);
    await page.locator('[data-testid="restore-result"][role="status"]').waitFor({ timeout: 60_000 });
    today = new TodayPage(page);
  }, 120_000);
  afterAll(async () => {
    await session?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('opens on Hoje, reached with the keyboard from the nav, holding exactly the due follow-ups and the late customers', async () => {
    await page.getByRole('navigation').getByRole('link', { name: t('nav.today'), exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: t('nav.today'), exact: true }).waitFor();
    await today.settled();
    await expect.poll(() => today.names('follow-up')).toEqual(answer.followUps);
    expect(await today.names('late')).toEqual(answer.late);
    expect(await today.names('low-feedback')).toEqual(answer.lowFeedback);
    expect(await today.names('new-prospect')).toEqual(answer.prospects);
    for (const name of answer.absent) expect(await page.getByRole('link', { name, exact: true }).count(), name).toBe(0);
    // An address with no screen opens Hoje too.
    await page.goto(page.url().replace(/#.*$/, ''));
    await today.settled();
    expect(await today.names('late')).toEqual(answer.late);
  });

  it('hides a follow-up marked done and a late customer snoozed, with keys only, and they stay hidden after a reload', { timeout: 30_000 }, async () => {
    await today.pressInRow('Helena Hoje', t('today.doneFor', { name: 'Helena Hoje' }));
    await expect.poll(() => today.names('follow-up')).toEqual(answer.followUps.filter((name) => name !== 'Helena Hoje'));
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe(t('today.doneNotice', { name: 'Helena Hoje' }));
    // Focus went on to a row's name, not back to the top of the page.
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('today-name') ?? false)).toBe(true);

    await today.pressInRow('Bruno Atrasado', t('today.snoozeFor', { name: 'Bruno Atrasado' }));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(t('today.snooze.3'));
    await page.keyboard.press('Enter');
    await expect.poll(() => today.names('late')).toEqual(answer.late.filter((name) => name !== 'Bruno Atrasado'));

    await page.reload();
    await today.settled();
    await expect.poll(() => today.names('late')).toEqual(answer.late.filter((name) => name !== 'Bruno Atrasado'));
    expect(await today.names('follow-up')).toEqual(answer.followUps.filter((name) => name !== 'Helena Hoje'));
  });

  it('has no serious or critical accessibility violation, light or dark, with a snooze menu open (axe-core)', async () => {
    await page.locator('.today-snooze summary').first().click();
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
