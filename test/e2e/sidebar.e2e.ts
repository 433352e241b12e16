import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../extension/i18n/translate';
import { SITES } from '../../extension/sites/site-expectations';
import { launchWithExtension, routeSiteToFixture, sidebarFrame, sidebarOf, type ExtensionSession } from './extension-harness';

const AXE = resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js');
const WHATSAPP = SITES[0]!.expectations.e2e!;

const clickText = (page: Page, text: string) => page.getByText(text, { exact: true }).first().click();
const chip = (sidebar: Locator, name: string) => sidebar.locator(`button.chip[data-tag="${name}"]`);

/**
 * Deletes tags in Configurações, confirming each. Tags keep the seller's order and only the first nine get keys
 * 1–9, so each site's scenario takes its tags away again: the next one's new tags are then among the first nine.
 */
async function deleteTagsInBook(session: ExtensionSession, names: string[]): Promise<void> {
  const book = await session.openExtensionPage('book.html#/configuracoes');
  for (const name of names) {
    await book.getByRole('button', { name: translate('pt-BR', 'deleteTagNamed', { name }) }).click();
    await book.getByRole('button', { name: translate('pt-BR', 'deleteTagConfirm', { name }), exact: true }).click();
    await expect.poll(() => book.getByRole('status').textContent()).toBe(translate('pt-BR', 'tagDeleted', { name }));
  }
  await book.close();
}

async function addCustomerInBook(session: ExtensionSession, name: string, email: string): Promise<void> {
  const book = await session.openExtensionPage('book.html#/clientes');
  await book.getByLabel('Nome').fill(name);
  await book.getByLabel('Tipo de contato').selectOption('email');
  await book.getByLabel('Contato', { exact: true }).fill(email);
  await book.getByRole('button', { name: 'Salvar' }).click();
  await expect.poll(() => book.getByRole('status').textContent()).toBe(`${name} foi adicionado.`);
  await book.close();
}

describe('inbox sidebar on every chat site', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchWithExtension();
  });
  afterAll(async () => session?.close());

  for (const { expectations } of SITES) {
    const site = expectations.e2e;
    // Store order pages have their own end-to-end test (stores.e2e.ts).
    if (!site) continue;
    describe(expectations.site, () => {
      it('creates the customer from the chat, tags by click and by key (kept after reload), records a quick sale', async () => {
        for (const route of site.routes) await routeSiteToFixture(session.context, route, site.fixture);
        const page = await session.context.newPage();
        await page.goto(site.start);
        const sidebar = sidebarOf(page);
        await expect.poll(() => sidebar.getByTestId('chat-name').textContent()).toBe(site.firstName);
        await sidebar.getByRole('button', { name: 'Criar cliente desta conversa' }).click();
        await expect.poll(() => sidebar.getByTestId('customer-name').textContent()).toBe(site.firstName);

        // Tags: two created inline (each goes on at once), then the key its chip shows (keys follow the seller's order) takes one off.
        for (const name of [`VIP ${expectations.site}`, `Atacado ${expectations.site}`]) {
          await sidebar.getByLabel('Nova etiqueta').fill(name);
          await sidebar.getByRole('button', { name: 'Adicionar etiqueta' }).click();
          await expect.poll(() => chip(sidebar, name).getAttribute('aria-pressed')).toBe('true');
        }
        const atacado = chip(sidebar, `Atacado ${expectations.site}`);
        await sidebar.getByTestId('customer-name').click();
        const keyOfAtacado = (await atacado.locator('kbd').textContent()) as string;
        await page.keyboard.press(keyOfAtacado);
        await expect.poll(() => atacado.getAttribute('aria-pressed')).toBe('false');
        await atacado.click();
        await expect.poll(() => atacado.getAttribute('aria-pressed')).toBe('true');
        await page.keyboard.press(keyOfAtacado);
        await expect.poll(() => atacado.getAttribute('aria-pressed')).toBe('false');

        // Quick sale, typed the Brazilian way.
        await sidebar.getByLabel('Valor').fill('1.234,56');
        await sidebar.getByRole('button', { name: 'Registrar venda' }).click();
        await expect.poll(() => sidebar.getByTestId('total-BRL').textContent()).toMatch(/^R\$\s1\.234,56$/);
        await expect.poll(() => sidebar.getByTestId('order-count').textContent()).toBe('1 pedido');
        await expect.poll(() => sidebar.getByTestId('insight').textContent()).toMatch(/Ativ|Nov/);

        await page.reload();
        const again = sidebarOf(page);
        await expect.poll(() => again.getByTestId('customer-name').textContent()).toBe(site.firstName);
        await expect.poll(() => chip(again, `VIP ${expectations.site}`).getAttribute('aria-pressed')).toBe('true');
        await expect.poll(() => chip(again, `Atacado ${expectations.site}`).getAttribute('aria-pressed')).toBe('false');
        await expect.poll(() => again.getByTestId('total-BRL').textContent()).toMatch(/1\.234,56/);
        await page.close();
        await deleteTagsInBook(session, [`VIP ${expectations.site}`, `Atacado ${expectations.site}`]);
      });

      it(`follows chat switches, links a new chat to an existing customer${site.group ? ', and never offers a group' : ''}`, async () => {
        for (const route of site.routes) await routeSiteToFixture(session.context, route, site.fixture);
        const existing = `Cliente Antigo ${expectations.site}`;
        await addCustomerInBook(session, existing, `antigo.${expectations.site}@example.com`);
        const page = await session.context.newPage();
        await page.goto(site.start);
        const sidebar = sidebarOf(page);
        await expect.poll(() => sidebar.getByTestId('customer-name').textContent()).toBe(site.firstName);

        await clickText(page, site.second.click);
        await expect.poll(() => sidebar.getByTestId('chat-name').textContent()).toBe(site.second.name);
        await sidebar.getByLabel('Buscar por nome, telefone ou @').fill('antigo');
        await sidebar.getByRole('listitem').filter({ hasText: existing }).getByRole('button', { name: 'Vincular' }).click();
        await expect.poll(() => sidebar.getByTestId('customer-name').textContent()).toBe(existing);
        await expect.poll(() => sidebar.locator('.identities li').count()).toBeGreaterThanOrEqual(2);

        if (site.group) {
          await clickText(page, site.group.click);
          await expect.poll(() => sidebar.getByTestId('group-notice').isVisible()).toBe(true);
          await expect.poll(() => sidebar.getByRole('button', { name: 'Criar cliente desta conversa' }).count()).toBe(0);
          await expect.poll(() => sidebar.getByTestId('customer-name').count()).toBe(0);
        }
        await page.close();
      });

      it('shows basic mode when the page no longer looks like the site we know', async () => {
        for (const route of site.routes) await routeSiteToFixture(session.context, route, site.broken.fixture);
        const page = await session.context.newPage();
        await page.goto(site.broken.url);
        // The sidebar waits UNDETECTED_GRACE_MS (400 ms) before saying so; the margin is for a loaded CI machine.
        await expect.poll(() => sidebarOf(page).getByTestId('basic-mode').isVisible(), { timeout: 5000 }).toBe(true);
        await expect.poll(() => sidebarOf(page).getByLabel('Buscar por nome, telefone ou @').isVisible()).toBe(true);
        await page.close();
      });
    });
  }

  it('reads WhatsApp without its chat model (DOM fallback), keeps the composer uncovered, and passes axe-core', async () => {
    await routeSiteToFixture(session.context, 'https://web.whatsapp.com/**', WHATSAPP.fixture);
    const page = await session.context.newPage();
    await page.goto('https://web.whatsapp.com/?nobridge');
    const sidebar = sidebarOf(page);
    // Ana may already be in the book (the WhatsApp tests above); create her when this test runs alone.
    const create = sidebar.getByRole('button', { name: 'Criar cliente desta conversa' });
    await expect.poll(async () => (await sidebar.getByTestId('customer-name').count()) + (await create.count())).toBeGreaterThan(0);
    if (await create.count()) await create.click();
    await expect.poll(() => sidebar.getByTestId('customer-name').textContent()).toBe('Ana Souza');
    // A quick reply goes into WhatsApp's message box as typed text; it is never sent.
    await sidebar.getByRole('button', { name: 'Inserir na conversa' }).click();
    const reply = await sidebar.getByTestId('quick-reply').textContent();
    await expect.poll(() => page.locator('#main footer [contenteditable="true"]').textContent()).toBe(reply);
    const composer = await page.locator('#main footer [contenteditable="true"]').boundingBox();
    const frame = await page.locator('iframe[title="Clientela"]').boundingBox();
    expect(composer && frame && composer.x + composer.width <= frame.x + 1).toBe(true);
    const inside = page.frames().find((f) => f.url().includes('/sidebar-frame.html'));
    await inside!.evaluate(await readFile(AXE, 'utf8'));
    const violations = await inside!.evaluate(async () => {
      const axe = (globalThis as unknown as { axe: { run: (context: unknown) => Promise<{ violations: { id: string; impact: string }[] }> } }).axe;
      const result = await axe.run(document);
      return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    });
    expect(violations).toEqual([]);
    await page.close();
  });

  it('WhatsApp’s own model (the main-world bridge) pairs a hidden-number chat with a known phone; linking waits for the seller', async () => {
    const book = await session.openExtensionPage('book.html#/clientes');
    await book.getByLabel('Nome').fill('Bruno Cliente');
    await book.getByLabel('Tipo de contato').selectOption('whatsapp');
    await book.getByLabel('Contato', { exact: true }).fill('21 99887-7665');
    await book.getByRole('button', { name: 'Salvar' }).click();
    await book.getByRole('status').filter({ hasText: 'Bruno Cliente foi adicionado.' }).waitFor();
    await book.close();
    await routeSiteToFixture(session.context, 'https://web.whatsapp.com/**', WHATSAPP.fixture);
    const page = await session.context.newPage();
    // The page's DOM knows this chat only as 123456789012345@lid; the bridge adds the phone behind it.
    await page.goto('https://web.whatsapp.com/?chat=123456789012345@lid');
    const sidebar = sidebarOf(page);
    await expect.poll(() => sidebar.getByTestId('customer-name').textContent()).toBe('Bruno Cliente');
    const suggestion = sidebar.getByTestId('link-suggestion');
    await expect.poll(() => suggestion.textContent()).toContain('123456789012345');
    await expect.poll(() => sidebar.locator('.card .identities li').count()).toBe(1);
    await suggestion.getByRole('button', { name: 'Vincular a este cliente' }).click();
    await expect.poll(() => suggestion.count()).toBe(0);
    await expect.poll(() => sidebar.locator('.card .identities').textContent()).toContain('WhatsApp (número oculto)');
    await page.close();
  });

  it('follows the host dark theme, and stays collapsed after a reload once the seller collapses it', async () => {
    await routeSiteToFixture(session.context, 'https://web.whatsapp.com/**', WHATSAPP.fixture);
    const page = await session.context.newPage();
    await page.goto('https://web.whatsapp.com/?dark');
    const aside = sidebarOf(page);
    await expect.poll(() => aside.getAttribute('class')).toContain('dark');
    await aside.getByRole('button', { name: 'Recolher a Clientela' }).click();
    const tab = sidebarFrame(page).getByRole('button', { name: 'Abrir a Clientela' });
    await tab.waitFor();
    await expect.poll(async () => (await page.locator('iframe[title="Clientela"]').boundingBox())?.width).toBeLessThan(60);
    await page.reload();
    await sidebarFrame(page).getByRole('button', { name: 'Abrir a Clientela' }).waitFor();
    await expect.poll(() => sidebarOf(page).count()).toBe(0);
    await sidebarFrame(page).getByRole('button', { name: 'Abrir a Clientela' }).click();
    await expect.poll(() => sidebarOf(page).count()).toBe(1);
    await expect.poll(async () => (await page.locator('iframe[title="Clientela"]').boundingBox())?.width).toBe(320);
    await page.close();
  });

  it('the toolbar popup opens the sidebar in search mode on any page and shows the customer picked', async () => {
    await addCustomerInBook(session, 'Dora Pedidos', 'dora@example.com');
    const popup = await session.openExtensionPage('popup.html');
    const sidebar = popup.locator('aside.clientela-sidebar');
    await sidebar.getByLabel('Buscar por nome, telefone ou @').fill('dora');
    await sidebar.getByRole('listitem').filter({ hasText: 'Dora Pedidos' }).getByRole('button', { name: 'Abrir' }).click();
    await expect.poll(() => sidebar.getByTestId('customer-name').textContent()).toBe('Dora Pedidos');
    await sidebar.getByLabel('Valor').fill('R$ 50');
    await sidebar.getByRole('button', { name: 'Registrar venda' }).click();
    await expect.poll(() => sidebar.getByTestId('order-count').textContent()).toBe('1 pedido');
    await popup.close();
  });
});

describe('inbox sidebar when the browser blocks third-party cookies', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchWithExtension({ thirdPartyCookies: 'blocked' });
  });
  afterAll(async () => session?.close());

  it('the frame, denied its own storage, reaches the book through the background: creates, tags, follows a switch', async () => {
    await routeSiteToFixture(session.context, 'https://web.whatsapp.com/**', WHATSAPP.fixture);
    const page = await session.context.newPage();
    await page.goto(WHATSAPP.start);
    await expect.poll(() => sidebarFrame(page).locator('body').getAttribute('data-book')).toBe('background');
    const sidebar = sidebarOf(page);
    await sidebar.getByRole('button', { name: 'Criar cliente desta conversa' }).click();
    await expect.poll(() => sidebar.getByTestId('customer-name').textContent()).toBe(WHATSAPP.firstName);
    await sidebar.getByLabel('Nova etiqueta').fill('VIP');
    await sidebar.getByRole('button', { name: 'Adicionar etiqueta' }).click();
    await expect.poll(() => chip(sidebar, 'VIP').getAttribute('aria-pressed')).toBe('true');
    await clickText(page, WHATSAPP.second.click);
    await expect.poll(() => sidebar.getByTestId('chat-name').textContent()).toBe(WHATSAPP.second.name);
    await clickText(page, WHATSAPP.firstName);
    await expect.poll(() => chip(sidebar, 'VIP').getAttribute('aria-pressed')).toBe('true');
    await page.close();
  });
});
