import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate, type MessageKey } from '../../extension/i18n/translate';
import { SITES } from '../../extension/sites/site-expectations';
import { launchWithExtension, routeSiteToFixture, showBookScreen, sidebarOf, type ExtensionSession } from './extension-harness';

const AXE = resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js');
const WHATSAPP = SITES[0]!.expectations.e2e!;
const t = (key: MessageKey, params?: Record<string, string | number>) => translate('pt-BR', key, params);

/** Configurações as the seller drives it with the keyboard: focus a control, then keys only. */
class SettingsPage {
  constructor(readonly page: Page) {}

  async typeInto(label: string, text: string, within = this.page.locator('main')): Promise<void> {
    await within.getByLabel(label, { exact: true }).focus();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.type(text);
  }

  async status(text: string): Promise<void> {
    await expect.poll(() => this.page.getByRole('status').textContent()).toBe(text);
  }

  async addTag(name: string): Promise<void> {
    const form = this.page.getByRole('form', { name: t('newTag') });
    await this.typeInto(t('tagName'), name, form);
    await this.page.keyboard.press('Enter');
    await this.status(t('tagAdded', { name }));
  }

  async renameTag(from: string, to: string): Promise<void> {
    await this.page.getByRole('button', { name: t('editTagNamed', { name: from }) }).focus();
    await this.page.keyboard.press('Enter');
    // The editor opens right after the row: Tab past "Excluir" reaches its name.
    await this.page.keyboard.press('Tab');
    await this.page.keyboard.press('Tab');
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.type(to);
    await this.page.keyboard.press('Enter');
    await this.status(t('tagSaved', { name: to }));
  }
}

describe('Configurações: tags, quick replies and the chave PIX, with the keyboard', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchWithExtension();
  });
  afterAll(async () => session?.close());

  it('renames a tag, adds a quick reply for a stage, passes axe-core, and the sidebar offers the reply filled for a customer of that stage', async () => {
    const book = await session.openExtensionPage('book.html');
    await showBookScreen(book, 'settings');
    const settings = new SettingsPage(book);

    await settings.addTag('VIP');
    await settings.renameTag('VIP', 'Clientes VIP');
    await expect.poll(() => book.getByTestId('tag-row').first().locator('.tag-filled').textContent()).toBe('Clientes VIP');

    await settings.typeInto(t('pixKey'), 'loja@exemplo.com.br');
    await book.keyboard.press('Enter');
    await settings.status(t('pixKeySaved'));

    const form = book.getByRole('form', { name: t('newQuickReply') });
    await settings.typeInto(t('quickReplyName'), 'Fechar pedido', form);
    await book.keyboard.press('Tab');
    await expect.poll(() => book.evaluate(() => document.activeElement?.id)).toBe('new-reply-stage');
    // Closed select, arrow keys: any stage → Descoberta → Consideração → Decisão.
    for (let i = 0; i < 3; i++) await book.keyboard.press('ArrowDown');
    await expect.poll(() => form.getByLabel(t('quickReplyStage')).inputValue()).toBe('funnel:decision');
    await book.keyboard.press('Tab');
    await book.keyboard.type('{nome}, já separei! A chave PIX é ');
    // The variable buttons come after the text: Tab to {chave_pix} (the sixth), Enter inserts it at the cursor.
    for (let i = 0; i < 6; i++) await book.keyboard.press('Tab');
    await book.keyboard.press('Enter');
    await expect.poll(() => form.getByLabel(t('quickReplyText')).inputValue()).toBe('{nome}, já separei! A chave PIX é {chave_pix}');
    await form.getByRole('button', { name: t('addQuickReply') }).focus();
    await book.keyboard.press('Enter');
    await settings.status(t('quickReplyAdded', { name: 'Fechar pedido' }));

    await book.evaluate(await readFile(AXE, 'utf8'));
    const violations = await book.evaluate(async () => {
      const axe = (globalThis as unknown as { axe: { run: (context: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const result = await axe.run(document);
      return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect(violations).toEqual([]);
    await book.close();

    await routeSiteToFixture(session.context, 'https://web.whatsapp.com/**', WHATSAPP.fixture);
    const chat = await session.context.newPage();
    await chat.goto(WHATSAPP.start);
    const sidebar = sidebarOf(chat);
    await sidebar.getByRole('button', { name: 'Criar cliente desta conversa' }).click();
    await expect.poll(() => sidebar.getByTestId('customer-name').textContent()).toBe(WHATSAPP.firstName);
    await sidebar.getByLabel(t('funnel')).selectOption('decision');
    await expect.poll(() => sidebar.getByTestId('quick-reply').textContent()).toBe('Ana, já separei! A chave PIX é loja@exemplo.com.br');
    await chat.close();
  });
});
