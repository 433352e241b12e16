import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { translate, type MessageKey } from '../../extension/i18n/translate';
import { showBookScreen, type ExtensionSession } from './extension-harness';

const AXE = resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js');
export const t = (key: MessageKey, params?: Record<string, string | number>) => translate('pt-BR', key, params);

/** Configurações › Lojas com domínio próprio, driven as the seller does: the keyboard for the form, clicks on rows. */
export class ShopsSettings {
  private constructor(readonly page: Page) {}

  static async open(session: ExtensionSession): Promise<ShopsSettings> {
    const page = await session.openExtensionPage('book.html');
    await showBookScreen(page, 'settings');
    await page.getByRole('heading', { level: 2, name: t('shops.title') }).waitFor();
    return new ShopsSettings(page);
  }

  async typeAndSubmit(text: string): Promise<void> {
    await this.page.getByLabel(t('shops.url'), { exact: true }).focus();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  async says(kind: 'status' | 'alert', text: string): Promise<void> {
    await expect.poll(() => this.page.getByRole(kind).textContent()).toBe(text);
  }

  status(origin: string): Promise<string | null> {
    return this.page.locator(`[data-testid="shop"][data-origin="${origin}"] [data-testid="shop-status"]`).textContent({ timeout: 1000 }).catch(() => null);
  }

  /** What the browser itself holds for the extension (asked from this extension page). */
  granted(origin: string): Promise<boolean> {
    return this.page.evaluate((pattern) => chrome.permissions.contains({ origins: [pattern] }), `${origin}/*`);
  }

  /** Serious and critical axe-core findings on the shops panel. */
  async axeViolations(): Promise<string[]> {
    await this.page.evaluate(await readFile(AXE, 'utf8'));
    return this.page.evaluate(async () => {
      const axe = (globalThis as unknown as { axe: { run: (context: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const result = await axe.run(document.querySelector('[data-testid="shops-panel"]'));
      return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
  }

  /** The match patterns of each registered content script, sorted (Chrome answers them in its own order). */
  registered(): Promise<string[][]> {
    return this.page.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((script) => [...(script.matches ?? [])].sort()));
  }
}

declare const chrome: typeof import('wxt/browser').browser;

/** A page of the shop with no sidebar: nothing placed a frame once the page loaded and stood idle for a while. */
export async function expectNoSidebar(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  // A registered content script runs at document_idle, right after load; give it ample time to show itself.
  await page.waitForTimeout(1500);
  expect(await page.locator('iframe').count()).toBe(0);
}

