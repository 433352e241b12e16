// Limpeza in Chromium with the built extension, over a book built to a known answer (core/cleanup/testing/
// cleanup-book.ts: every buyer bought on two days or more at whole days from now, so each is judged by their own
// rhythm, with spends spread so the RFM spend scores are known; restored through Configurações): the candidates are
// exactly the expected ones under their reasons and the win-back list is the two good lost customers; archiving two
// with the seller's words takes them off the list and archives them in IndexedDB, shown in Arquivados and in
// Clientes' archived filter; "Desfazer" (in the log, and as the notice's action) brings them back unarchived; by
// keyboard; axe-core clean, light and dark.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupBookDocument, type CleanupAnswer } from '../../core/cleanup/testing/cleanup-book';
import { serializeBackupLines } from '../../core/io';
import { enumLabel } from '../../extension/i18n/labels';
import { translate, type MessageKey } from '../../extension/i18n/translate';
import { launchWithExtension, type ExtensionSession } from './extension-harness';

const AXE = resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js');
const t = (key: MessageKey, params?: Record<string, string | number>) => translate('pt-BR', key, params);
const REASONS = ['lost', 'inactive-low-value', 'unhappy', 'never-bought-old'] as const;

/** The Limpeza screen as a seller works it, by the catalog's words. */
class CleanupPage {
  constructor(readonly page: Page) {}

  group(reason: (typeof REASONS)[number]) {
    return this.page.getByTestId(`cleanup-${reason}`);
  }

  /** The names under a reason, in the list's order; [] when the group is not shown (nobody in it). */
  async names(reason: (typeof REASONS)[number]): Promise<string[]> {
    return this.group(reason).locator('.cleanup-name').allTextContents();
  }

  async winBack(): Promise<string[]> {
    return this.page.getByTestId('cleanup-win-back').locator('.today-name').allTextContents();
  }

  /** Waits for the lists the background answered (not a run in flight). */
  async settled(): Promise<void> {
    await this.page.locator('[data-testid="cleanup"][aria-busy="false"]').waitFor();
  }

  /** Focuses `control` by tabbing from `from` (at most 30 steps), then presses `key`: the keyboard only. */
  async tabTo(from: ReturnType<Page['locator']>, control: ReturnType<Page['locator']>, key: string): Promise<void> {
    await from.focus();
    for (let step = 0; step < 30; step++) {
      if (await control.evaluate((element) => element === document.activeElement)) break;
      await this.page.keyboard.press('Tab');
    }
    await expect.poll(() => control.evaluate((element) => element === document.activeElement)).toBe(true);
    await this.page.keyboard.press(key);
  }
}

/** Each named customer's `archivedAt`, read from the book's IndexedDB. */
function archivedAt(page: Page, ids: string[]): Promise<Record<string, string | null>> {
  return page.evaluate(async (wanted) => {
    const db = await new Promise<IDBDatabase>((done) => {
      const request = indexedDB.open('clientela-book');
      request.onsuccess = () => done(request.result);
    });
    const store = db.transaction('customers').objectStore('customers');
    const out: Record<string, string | null> = {};
    for (const id of wanted) {
      out[id] = await new Promise<string | null>((done) => {
        const request = store.get(id);
        request.onsuccess = () => done((request.result as { archivedAt: string | null }).archivedAt);
      });
    }
    db.close();
    return out;
  }, ids);
}

describe('Limpeza in Chromium', () => {
  let session: ExtensionSession;
  let dir: string;
  let page: Page;
  let cleanup: CleanupPage;
  let answer: CleanupAnswer;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'clientela-cleanup-e2e-'));
    const built = cleanupBookDocument(new Date());
    answer = built.answer;
    const file = join(dir, 'cleanup.json');
    await writeFile(file, serializeBackupLines(built.document).join(''));
    session = await launchWithExtension();
    page = await session.openExtensionPage('book.html#/configuracoes');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByTestId('restore-file').setInputFiles(file);
    await page.locator('[data-testid="restore-result"][role="status"]').waitFor({ timeout: 60_000 });
    cleanup = new CleanupPage(page);
  }, 120_000);
  afterAll(async () => {
    await session?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('reached from the nav by keyboard, lists exactly the expected candidates under their reasons and the good lost customers', async () => {
    await page.getByRole('navigation').getByRole('link', { name: t('nav.cleanup'), exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: t('nav.cleanup'), exact: true }).waitFor();
    await cleanup.settled();
    await expect.poll(() => cleanup.names('lost')).toEqual(answer.groups.lost);
    for (const reason of REASONS) expect(await cleanup.names(reason), reason).toEqual(answer.groups[reason]);
    expect(await cleanup.winBack()).toEqual(answer.winBack);
    for (const name of answer.absent) await expect.poll(() => page.getByRole('link', { name, exact: true }).count(), { message: name }).toBe(0);
  });

  it('archives two with the seller’s words: off the list, archived in the book and in Clientes; Desfazer brings them back', { timeout: 60_000 }, async () => {
    const lost = cleanup.group('lost');
    const firstBox = lost.getByRole('checkbox', { name: t('cleanup.select', { name: 'Bruno Sumido' }) });
    await firstBox.focus();
    await page.keyboard.press('Space');
    await cleanup.tabTo(firstBox, lost.getByRole('checkbox', { name: t('cleanup.select', { name: 'Lia Perdida Média' }) }), 'Space');
    await expect.poll(() => lost.locator('.selection-count').textContent()).toBe(t('cleanup.selected', { count: 2 }));
    await lost.getByLabel(t('cleanup.reason')).selectOption('text');
    await lost.getByLabel(t('cleanup.reasonText')).fill('Mudou de cidade');
    await cleanup.tabTo(lost.getByLabel(t('cleanup.reasonText')), lost.getByRole('button', { name: t('cleanup.archive') }), 'Enter');

    await expect.poll(() => page.getByTestId('notice-status').textContent()).toBe(t('cleanup.archived', { count: 2 }));
    await expect.poll(() => cleanup.names('lost')).toEqual(answer.groups.lost.filter((name) => name !== 'Bruno Sumido' && name !== 'Lia Perdida Média'));
    const stamps = await archivedAt(page, ['bruno', 'lia', 'ana']);
    expect(stamps.bruno).not.toBeNull();
    expect(stamps.lia).toBe(stamps.bruno);
    expect(stamps.ana).toBeNull();
    const entry = page.getByTestId('cleanup-log-entry');
    await expect.poll(() => entry.textContent()).toContain('Mudou de cidade');
    expect((await entry.locator('a').allTextContents()).sort()).toEqual(['Bruno Sumido', 'Lia Perdida Média']);

    // The log's link opens Clientes with its archived filter: exactly the archived customers (Ivo was already).
    await page.getByRole('link', { name: t('cleanup.log.all') }).click();
    await expect.poll(() => page.url()).toMatch(/#\/clientes\?arquivados=only$/);
    await expect.poll(() => page.getByTestId('table-total').textContent(), { timeout: 15_000 }).toBe(t('table.total', { count: 3 }));
    const shown = await page.getByTestId('customer-grid').locator('.grid-row[data-index] .col-name').allTextContents();
    expect(shown.map((name) => name.trim()).filter(Boolean).sort()).toEqual(['Bruno Sumido', 'Ivo Arquivado', 'Lia Perdida Média']);
    await page.goBack();
    await cleanup.settled();

    // Desfazer from the log, by keyboard.
    const undo = page.getByTestId('cleanup-log').getByRole('button', { name: /^Desfazer/ });
    await undo.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('notice-status').textContent()).toBe(t('cleanup.undone', { count: 2 }));
    await expect.poll(() => cleanup.names('lost')).toEqual(answer.groups.lost);
    expect(await archivedAt(page, ['bruno', 'lia'])).toEqual({ bruno: null, lia: null });
    await expect.poll(() => page.getByTestId('cleanup-log').getByRole('button', { name: /^Desfazer/ }).count()).toBe(0);
  });

  it('archives a whole group with its own reason by default, and the notice’s Desfazer brings it back', { timeout: 30_000 }, async () => {
    const group = cleanup.group('unhappy');
    await group.getByRole('checkbox', { name: t('cleanup.selectAll', { count: 1, group: enumLabel('pt-BR', 'cleanupReason', 'unhappy') }) }).check();
    await group.getByRole('button', { name: t('cleanup.archive') }).click();
    await expect.poll(() => page.getByTestId('notice-status').textContent()).toBe(t('cleanup.archived', { count: 1 }));
    await expect.poll(() => cleanup.group('unhappy').count()).toBe(0);
    expect((await archivedAt(page, ['eva'])).eva).not.toBeNull();
    await expect.poll(() => page.getByTestId('cleanup-log-entry').first().textContent()).toContain(enumLabel('pt-BR', 'cleanupReason', 'unhappy'));
    await page.getByTestId('notice-action').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('notice-status').textContent()).toBe(t('cleanup.undone', { count: 1 }));
    await expect.poll(() => cleanup.names('unhappy')).toEqual(answer.groups.unhappy);
    expect(await archivedAt(page, ['eva'])).toEqual({ eva: null });
  });

  it('has no serious or critical accessibility violation, light or dark (axe-core)', async () => {
    await cleanup.settled();
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
