import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopServiceWorker } from '../../bench/chat-switch-bench';
import { launchWithExtension, routeSiteToFixture, searchCustomers, showBookScreen, sidebarOf, type ExtensionSession } from './extension-harness';

const AXE = resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js');

/** The names in the Clientes table's rows (the rows drawn: these books are small enough to be all of them). */
const CUSTOMER_NAMES = '[data-testid="customer-grid"] [role="row"][data-index] .col-name';

describe('extension in Chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchWithExtension();
    await routeSiteToFixture(session.context, 'https://web.whatsapp.com/**', 'extension/sites/whatsapp/fixtures/chat-open.html');
  });
  afterAll(async () => session?.close());

  it('the sidebar on WhatsApp Web counts the book, and the count follows a customer added in the book page', async () => {
    const chat = await session.context.newPage();
    await chat.goto('https://web.whatsapp.com/');
    const count = sidebarOf(chat).getByTestId('customer-count');
    await expect.poll(() => count.textContent()).toBe('Nenhum cliente na agenda');
    await expect.poll(() => sidebarOf(chat).locator('h1').textContent()).toBe('Clientela');

    const book = await session.openExtensionPage('book.html#/clientes');
    await book.getByLabel('Nome').fill('Ana Souza');
    await book.getByLabel('Contato', { exact: true }).fill('11 98765-4321');
    await book.getByRole('button', { name: 'Salvar' }).click();
    await expect.poll(() => book.getByRole('status').textContent()).toBe('Ana Souza foi adicionado.');

    // No reload: the book page's write reaches the sidebar frame through the book's change feed.
    await expect.poll(() => count.textContent()).toBe('1 cliente na agenda');
    await book.getByLabel('Nome').fill('Bia Lima');
    await book.getByRole('button', { name: 'Salvar' }).click();
    await expect.poll(() => count.textContent()).toBe('2 clientes na agenda');
  });

  it('a bad contact is refused in words that name it, and nothing is added', async () => {
    const book = await session.openExtensionPage('book.html#/clientes');
    await book.locator('[data-testid="customer-list"][aria-busy="false"]').waitFor();
    const names = book.locator(CUSTOMER_NAMES);
    const before = await names.count();
    await book.getByLabel('Nome').fill('Caio');
    await book.getByLabel('Contato', { exact: true }).fill('ligar depois');
    await book.getByRole('button', { name: 'Salvar' }).click();
    await expect.poll(() => book.getByRole('alert').textContent()).toMatch(/identities\[0\]\.value: "ligar depois" is not a valid phone number/);
    await expect.poll(() => names.count()).toBe(before);
  });

  it('backs up the book from the book page and restores it; a broken file changes nothing', async () => {
    const book = await session.openExtensionPage('book.html#/clientes');
    const rows = book.locator(CUSTOMER_NAMES);
    await book.locator('[data-testid="customer-list"][aria-busy="false"]').waitFor();
    const before = await rows.allTextContents();
    await showBookScreen(book, 'settings');
    const [download] = await Promise.all([book.waitForEvent('download'), book.getByTestId('backup-now').click()]);
    const backup = await readFile((await download.path()) as string, 'utf8');
    expect(JSON.parse(backup)).toMatchObject({ format: 'clientela-backup', counts: { customers: before.length } });

    await showBookScreen(book, 'nav.customers');
    await book.getByLabel('Nome').fill('Depois do backup');
    await book.getByRole('button', { name: 'Salvar' }).click();
    await expect.poll(() => rows.count()).toBe(before.length + 1);

    await showBookScreen(book, 'settings');
    const restoreInput = book.getByLabel('Restaurar de um arquivo');
    await restoreInput.setInputFiles({ name: 'cortado.json', mimeType: 'application/json', buffer: Buffer.from(backup.slice(0, backup.length / 2)) });
    await expect.poll(() => book.getByTestId('restore-result').textContent()).toMatch(/pode estar cortado\. Nada foi alterado/);
    await showBookScreen(book, 'nav.customers');
    await book.locator('[data-testid="customer-list"][aria-busy="false"]').waitFor();
    expect(await rows.count()).toBe(before.length + 1);

    await showBookScreen(book, 'settings');
    await restoreInput.setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
    await expect.poll(() => book.getByTestId('restore-result').textContent()).toMatch(/Agenda restaurada/);
    await showBookScreen(book, 'nav.customers');
    await expect.poll(() => rows.allTextContents()).toEqual(before);
  });

  it('the sidebar is isolated from the host page CSS and keeps the host page working', async () => {
    const chat = await session.context.newPage();
    await chat.goto('https://web.whatsapp.com/');
    const title = sidebarOf(chat).locator('h1');
    await expect.poll(() => title.textContent()).toBe('Clientela');
    const font = await title.evaluate((element) => getComputedStyle(element).fontFamily);
    expect(font).not.toContain('Comic Sans');
    // The composer is still there and typable.
    await chat.locator('footer [contenteditable="true"]').fill('Olá!');
    await expect.poll(() => chat.locator('footer [contenteditable="true"]').textContent()).toBe('Olá!');
  });

  it('the sidebar and the book page have no serious or critical accessibility violation (axe-core)', async () => {
    const axe = await readFile(AXE, 'utf8');
    const chat = await session.context.newPage();
    await chat.goto('https://web.whatsapp.com/');
    await expect.poll(() => sidebarOf(chat).getByTestId('customer-count').textContent()).toMatch(/clientes? na agenda/);
    const book = await session.openExtensionPage('book.html#/clientes');
    const frame = chat.frames().find((f) => f.url().includes('/sidebar-frame.html'));
    if (!frame) throw new Error('the sidebar frame is missing');
    for (const [page, include] of [
      [frame, 'aside'],
      [book, 'main'],
    ] as const) {
      await page.evaluate(axe);
      const violations = await page.evaluate(async (selector) => {
        const axeApi = (globalThis as unknown as { axe: { run: (context: unknown) => Promise<{ violations: { id: string; impact: string }[] }> } }).axe;
        const result = await axeApi.run({ include: [[selector]] });
        return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
      }, include);
      expect(violations, include).toEqual([]);
    }
  });
  it('the Clientes table reads through the page’s own channel to the service worker, and carries on after the worker stops', async () => {
    const book = await session.context.newPage();
    // What the page asks by runtime message, and the channels it hands the worker.
    await book.addInitScript(() => {
      const scope = globalThis as unknown as { chrome: { runtime: { sendMessage: (message: unknown) => Promise<unknown> } }; runtimeAsks: string[]; hellos: number };
      scope.runtimeAsks = [];
      scope.hellos = 0;
      const runtime = scope.chrome.runtime;
      const send = runtime.sendMessage.bind(runtime);
      runtime.sendMessage = (message) => {
        scope.runtimeAsks.push((message as { type: string }).type);
        return send(message);
      };
      const worker = ServiceWorker.prototype as unknown as { postMessage: (this: ServiceWorker, message: unknown, transfer: Transferable[]) => void };
      const post = worker.postMessage;
      worker.postMessage = function (this: ServiceWorker, message: unknown, transfer: Transferable[]) {
        scope.hellos += 1;
        post.call(this, message, transfer);
      };
    });
    await book.goto(`chrome-extension://${session.extensionId}/book.html#/clientes`);
    for (const name of ['Caio Canal', 'Duda Canal']) {
      await book.getByLabel('Nome').fill(name);
      await book.getByRole('button', { name: 'Salvar' }).click();
      await expect.poll(() => book.getByRole('status').textContent()).toBe(`${name} foi adicionado.`);
    }
    await searchCustomers(book, 'Canal');
    await expect.poll(() => book.locator(CUSTOMER_NAMES).allTextContents()).toEqual(['Caio Canal', 'Duda Canal']);
    const asked = () => book.evaluate(() => { const scope = globalThis as unknown as { runtimeAsks: string[]; hellos: number }; return { runtimeAsks: scope.runtimeAsks, hellos: scope.hellos }; });
    // By runtime message only the first rows, asked before the page's scripts ran; every later read (the count,
    // the rows after each write, the search) took the channel, opened once.
    const before = await asked();
    expect(before.runtimeAsks.filter((type) => type.startsWith('table/') || type === 'book/summary')).toEqual(['table/query']);
    expect(before.hellos).toBe(1);

    const cdp = await session.context.newCDPSession(book);
    await cdp.send('ServiceWorker.enable');
    await stopServiceWorker(cdp);
    await cdp.detach();
    // The stopped worker took the table and the channel with it: the next search opens a new channel, which wakes
    // the worker, and it reads the book again.
    await searchCustomers(book, 'Duda');
    await expect.poll(() => book.locator(CUSTOMER_NAMES).allTextContents(), { timeout: 60_000 }).toEqual(['Duda Canal']);
    expect((await asked()).hellos).toBe(2);
  });
});
