import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, routeSiteToFixture, type ExtensionSession } from './extension-harness';

const AXE = resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js');

interface SiteCase {
  id: string;
  routes: string[];
  fixture: string;
  broken: string;
  /** Opens the first chat (a new contact). */
  start: string;
  firstName: string;
  /** Switches to the second chat (used for the link flow). */
  second: (page: Page) => Promise<void>;
  secondName: string;
  group: (page: Page) => Promise<void>;
  brokenUrl: string;
}

const click = (text: string) => (page: Page) => page.getByText(text, { exact: true }).first().click();

const SITES: SiteCase[] = [
  {
    id: 'whatsapp',
    routes: ['https://web.whatsapp.com/**'],
    fixture: 'extension/sites/whatsapp/fixtures/chat-open.html',
    broken: 'extension/sites/whatsapp/fixtures/broken.html',
    start: 'https://web.whatsapp.com/',
    firstName: 'Ana Souza',
    second: click('+55 31 99876-5432'),
    secondName: '+55 31 99876-5432',
    group: click('Família'),
    brokenUrl: 'https://web.whatsapp.com/',
  },
  {
    id: 'instagram',
    routes: ['https://www.instagram.com/**'],
    fixture: 'extension/sites/instagram/fixtures/direct.html',
    broken: 'extension/sites/instagram/fixtures/broken.html',
    start: 'https://www.instagram.com/direct/t/340282366841710300949128171234567890/',
    firstName: 'Ana Souza',
    second: click('Bruno Lima'),
    secondName: 'Bruno Lima',
    group: click('Amigas do bazar'),
    brokenUrl: 'https://www.instagram.com/direct/t/340282366841710300949128171234567890/',
  },
  {
    id: 'messenger',
    routes: ['https://www.messenger.com/**'],
    fixture: 'extension/sites/messenger/fixtures/thread.html',
    broken: 'extension/sites/messenger/fixtures/broken.html',
    start: 'https://www.messenger.com/t/100004567890123/',
    firstName: 'Ana Souza',
    second: click('Bruno Lima'),
    secondName: 'Bruno Lima',
    group: click('Bazar das amigas'),
    brokenUrl: 'https://www.messenger.com/t/100004567890123/',
  },
  {
    id: 'telegram',
    routes: ['https://web.telegram.org/**'],
    fixture: 'extension/sites/telegram/fixtures/web-k.html',
    broken: 'extension/sites/telegram/fixtures/broken.html',
    start: 'https://web.telegram.org/k/#@ana_loja',
    firstName: 'Ana Souza',
    second: click('Bruno Lima'),
    secondName: 'Bruno Lima',
    group: click('Clientes VIP (canal)'),
    brokenUrl: 'https://web.telegram.org/a/#/chat/ana',
  },
];

const sidebarOf = (page: Page) => page.locator('clientela-sidebar aside');
const chip = (sidebar: Locator, name: string) => sidebar.locator(`button.chip[data-tag="${name}"]`);

async function addCustomerInBook(session: ExtensionSession, name: string, email: string): Promise<void> {
  const book = await session.openExtensionPage('book.html');
  await book.getByLabel('Nome').fill(name);
  await book.getByLabel('Tipo de contato').selectOption('email');
  await book.getByLabel('Contato', { exact: true }).fill(email);
  await book.getByRole('button', { name: 'Salvar' }).click();
  await expect.poll(() => book.getByRole('status').textContent()).toBe(`${name} foi adicionado.`);
  await book.close();
}

describe('inbox sidebar on the four chat sites', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchWithExtension();
  });
  afterAll(async () => session?.close());

  for (const site of SITES) {
    describe(site.id, () => {
      it('creates the customer from the chat, tags by click and by key (kept after reload), records a quick sale', async () => {
        for (const route of site.routes) await routeSiteToFixture(session.context, route, site.fixture);
        const page = await session.context.newPage();
        await page.goto(site.start);
        const sidebar = sidebarOf(page);
        await expect.poll(() => sidebar.getByTestId('chat-name').textContent()).toBe(site.firstName);
        await sidebar.getByRole('button', { name: 'Criar cliente desta conversa' }).click();
        await expect.poll(() => sidebar.getByTestId('customer-name').textContent()).toBe(site.firstName);

        // Tags: two created inline (each goes on at once), then key 1 (the first by name, "Atacado") takes one off.
        for (const name of [`VIP ${site.id}`, `Atacado ${site.id}`]) {
          await sidebar.getByLabel('Nova etiqueta').fill(name);
          await sidebar.getByRole('button', { name: 'Adicionar etiqueta' }).click();
          await expect.poll(() => chip(sidebar, name).getAttribute('aria-pressed')).toBe('true');
        }
        await sidebar.getByTestId('customer-name').click();
        const keyOfAtacado = await chip(sidebar, `Atacado ${site.id}`).locator('kbd').textContent();
        await page.keyboard.press(keyOfAtacado as string);
        await expect.poll(() => chip(sidebar, `Atacado ${site.id}`).getAttribute('aria-pressed')).toBe('false');
        await chip(sidebar, `Atacado ${site.id}`).click();
        await expect.poll(() => chip(sidebar, `Atacado ${site.id}`).getAttribute('aria-pressed')).toBe('true');
        await page.keyboard.press(keyOfAtacado as string);
        await expect.poll(() => chip(sidebar, `Atacado ${site.id}`).getAttribute('aria-pressed')).toBe('false');

        // Quick sale, typed the Brazilian way.
        await sidebar.getByLabel('Valor').fill('1.234,56');
        await sidebar.getByRole('button', { name: 'Registrar venda' }).click();
        await expect.poll(() => sidebar.getByTestId('total-BRL').textContent()).toMatch(/^R\$\s1\.234,56$/);
        expect(await sidebar.getByTestId('order-count').textContent()).toBe('1 pedido');
        expect(await sidebar.getByTestId('insight').textContent()).toMatch(/Ativ|Nov/);

        await page.reload();
        await expect.poll(() => sidebarOf(page).getByTestId('customer-name').textContent()).toBe(site.firstName);
        expect(await chip(sidebarOf(page), `VIP ${site.id}`).getAttribute('aria-pressed')).toBe('true');
        expect(await chip(sidebarOf(page), `Atacado ${site.id}`).getAttribute('aria-pressed')).toBe('false');
        expect(await sidebarOf(page).getByTestId('total-BRL').textContent()).toMatch(/1\.234,56/);
        await page.close();
      });

      it('follows chat switches, links a new chat to an existing customer, and never offers a group', async () => {
        for (const route of site.routes) await routeSiteToFixture(session.context, route, site.fixture);
        const existing = `Cliente Antigo ${site.id}`;
        await addCustomerInBook(session, existing, `antigo.${site.id}@example.com`);
        const page = await session.context.newPage();
        await page.goto(site.start);
        const sidebar = sidebarOf(page);
        await expect.poll(() => sidebar.getByTestId('customer-name').textContent()).toBe(site.firstName);

        await site.second(page);
        await expect.poll(() => sidebar.getByTestId('chat-name').textContent()).toBe(site.secondName);
        await sidebar.getByLabel('Buscar por nome, telefone ou @').fill('antigo');
        await sidebar.getByRole('listitem').filter({ hasText: existing }).getByRole('button', { name: 'Vincular' }).click();
        await expect.poll(() => sidebar.getByTestId('customer-name').textContent()).toBe(existing);
        expect(await sidebar.locator('.identities li').count()).toBeGreaterThanOrEqual(2);

        await site.group(page);
        await expect.poll(() => sidebar.getByTestId('group-notice').isVisible()).toBe(true);
        expect(await sidebar.getByRole('button', { name: 'Criar cliente desta conversa' }).count()).toBe(0);
        expect(await sidebar.getByTestId('customer-name').count()).toBe(0);
        await page.close();
      });

      it('shows basic mode when the page no longer looks like the site we know', async () => {
        for (const route of site.routes) await routeSiteToFixture(session.context, route, site.broken);
        const page = await session.context.newPage();
        await page.goto(site.brokenUrl);
        // The sidebar waits UNDETECTED_GRACE_MS (400 ms) before saying so; the margin is for a loaded CI machine.
        await expect.poll(() => sidebarOf(page).getByTestId('basic-mode').isVisible(), { timeout: 3000 }).toBe(true);
        expect(await sidebarOf(page).getByLabel('Buscar por nome, telefone ou @').isVisible()).toBe(true);
        await page.close();
      });
    });
  }

  it('reads WhatsApp without its chat model (DOM fallback), keeps the composer uncovered, and passes axe-core', async () => {
    await routeSiteToFixture(session.context, 'https://web.whatsapp.com/**', SITES[0]!.fixture);
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
    const aside = await sidebar.boundingBox();
    expect(composer && aside && composer.x + composer.width <= aside.x + 1).toBe(true);
    await page.evaluate(await readFile(AXE, 'utf8'));
    const violations = await page.evaluate(async () => {
      const axe = (globalThis as unknown as { axe: { run: (context: unknown) => Promise<{ violations: { id: string; impact: string }[] }> } }).axe;
      const result = await axe.run({ include: [['clientela-sidebar']] });
      return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    });
    expect(violations).toEqual([]);
    await page.close();
  });

  it('follows the host dark theme, and stays collapsed after a reload once the seller collapses it', async () => {
    await routeSiteToFixture(session.context, 'https://web.whatsapp.com/**', SITES[0]!.fixture);
    const page = await session.context.newPage();
    await page.goto('https://web.whatsapp.com/?dark');
    const aside = sidebarOf(page);
    await expect.poll(() => aside.getAttribute('class')).toContain('dark');
    await aside.getByRole('button', { name: 'Recolher a Clientela' }).click();
    const tab = page.locator('clientela-sidebar').getByRole('button', { name: 'Abrir a Clientela' });
    await tab.waitFor();
    await page.reload();
    await tab.waitFor();
    expect(await sidebarOf(page).count()).toBe(0);
    await tab.click();
    await expect.poll(() => sidebarOf(page).count()).toBe(1);
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
