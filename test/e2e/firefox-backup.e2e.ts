// A backup made by the Chrome build restores in the Firefox build, and the other way round, plain and encrypted:
// the file is the same format in both, and so is the key derivation.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page as ChromePage } from 'playwright-core';
import type { ElementHandle } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeBackupLines } from '../../core/io';
import { translate } from '../../extension/i18n/translate';
import { recordsOf, smallBook } from './backup-books';
import { launchWithExtension, searchCustomers, showBookScreen, type ExtensionSession } from './extension-harness';
import { launchFirefox, openBookFromSidebar, showFirefoxBookScreen, type FirefoxSession, firefoxTarget } from './firefox-harness';

const PASSPHRASE = 'cavalo correto bateria';
const SOON = { timeout: 20_000 };

/** A manual backup from the Chrome book page, saved where Playwright keeps downloads. */
async function chromeBackup(book: ChromePage): Promise<string> {
  const [download] = await Promise.all([book.waitForEvent('download'), book.getByTestId('backup-now').click()]);
  return (await download.path()) as string;
}

describe('backups between the Chrome and Firefox builds', () => {
  let dir: string;
  let chrome: ExtensionSession;
  let firefox: FirefoxSession;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'clientela-cross-backup-'));
    chrome = await launchWithExtension();
    firefox = await launchFirefox(undefined, { downloadsDir: join(dir, 'firefox-downloads') });
    await firefox.routeToFixture((url) => url.origin === 'https://web.whatsapp.com' && url.pathname === '/', 'extension/sites/whatsapp/fixtures/chat-open.html');
  });
  afterAll(async () => {
    await firefox?.close();
    await chrome?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('a Chrome-made backup, plain or encrypted, restores in Firefox, and a Firefox-made one in Chrome', async () => {
    // Chrome: a book, and two copies of it.
    const chromeBook = await chrome.openExtensionPage('book.html');
    await showBookScreen(chromeBook, 'settings');
    const seed = join(dir, 'seed.json');
    await writeFile(seed, serializeBackupLines(smallBook()).join(''));
    await chromeBook.getByTestId('restore-file').setInputFiles(seed);
    await chromeBook.locator('[data-testid="restore-result"][role="status"]').waitFor();
    const plain = await chromeBackup(chromeBook);
    const panel = chromeBook.getByTestId('backup-panel');
    await panel.locator('input[name="backup-encrypt"]').check();
    await panel.locator('input[name="backup-passphrase"]').fill(PASSPHRASE);
    await panel.locator('input[name="backup-passphrase-confirm"]').fill(PASSPHRASE);
    await panel.getByRole('button', { name: 'Aplicar configurações de cópia' }).click();
    await panel.getByText(translate('pt-BR', 'backupEncryptedOn')).waitFor();
    const encrypted = await chromeBackup(chromeBook);
    const expected = await recordsOf(plain);
    expect(await recordsOf(encrypted, PASSPHRASE)).toEqual(expected);

    // Firefox restores the plain copy; its own copy of the result is the same book.
    const book: Page = await openBookFromSidebar(firefox, 'https://web.whatsapp.com/', translate('pt-BR', 'openBook'));
    await showFirefoxBookScreen(book, 'configuracoes');
    // Firefox grants persistent storage to an add-on with unlimitedStorage.
    await expect.poll(() => book.$eval('[data-testid="storage-persisted"]', (el) => el.textContent).catch(() => null), SOON).toBe(translate('pt-BR', 'storagePersisted'));
    const result = (role: string) => book.$eval(`[data-testid="restore-result"][role="${role}"]`, (el) => el.textContent).catch(() => null);
    await (await restoreInput(book)).uploadFile(plain);
    await expect.poll(() => result('status'), SOON).toMatch(/restaurad/);
    await firefoxTarget(book, '[data-testid="backup-now"]').click();
    const downloads = join(dir, 'firefox-downloads');
    let firefoxCopy: string | undefined;
    // Firefox creates the file when the download starts and fills it after: read it once it is whole.
    await expect
      .poll(async () => {
        const names = (await readdir(downloads, { recursive: true }).catch(() => [] as string[])).filter((name) => /clientela-backup-.*\.json$/.test(name));
        firefoxCopy = names.length ? join(downloads, names.sort().at(-1) as string) : undefined;
        return firefoxCopy ? recordsOf(firefoxCopy).catch(() => null) : null;
      }, SOON)
      .toEqual(expected);

    // Firefox asks for the passphrase of the encrypted copy: a wrong one is refused, the right one restores.
    await (await restoreInput(book)).uploadFile(encrypted);
    await firefoxTarget(book, 'input[name="restore-passphrase"]').fill('não é esta');
    await firefoxTarget(book, '[data-testid="restore-go"]').click();
    await expect.poll(() => result('alert'), SOON).toMatch(/senha/i);
    await (await restoreInput(book)).uploadFile(encrypted);
    await firefoxTarget(book, 'input[name="restore-passphrase"]').fill(PASSPHRASE);
    await firefoxTarget(book, '[data-testid="restore-go"]').click();
    await expect.poll(() => result('status'), SOON).toMatch(/restaurad/);

    // And the other way round: Firefox's copy restores in Chrome, over a book that had changed.
    await showBookScreen(chromeBook, 'nav.customers');
    await chromeBook.getByLabel('Nome').fill('Só no Chrome');
    await chromeBook.getByRole('button', { name: 'Salvar' }).click();
    await expect.poll(async () => (await searchCustomers(chromeBook, 'Só no Chrome')).getByText('Só no Chrome').count()).toBe(1);
    await showBookScreen(chromeBook, 'settings');
    await chromeBook.getByTestId('restore-file').setInputFiles(firefoxCopy as string);
    await chromeBook.locator('[data-testid="restore-result"][role="status"]').waitFor();
    await showBookScreen(chromeBook, 'nav.customers');
    await expect.poll(async () => (await searchCustomers(chromeBook, 'Só no Chrome')).getByText('Só no Chrome').count()).toBe(0);
    await showBookScreen(chromeBook, 'settings');
    await panel.locator('input[name="backup-encrypt"]').uncheck();
    await panel.getByRole('button', { name: 'Aplicar configurações de cópia' }).click();
    await panel.getByText(translate('pt-BR', 'backupEncryptedOn')).waitFor({ state: 'detached' });
    expect(await recordsOf(await chromeBackup(chromeBook))).toEqual(expected);
  });
});

type Page = Awaited<ReturnType<typeof openBookFromSidebar>>;

async function restoreInput(book: Page): Promise<ElementHandle<HTMLInputElement>> {
  const input = await book.waitForSelector('input[data-testid="restore-file"]');
  if (!input) throw new Error('no restore input on the book page');
  return input as ElementHandle<HTMLInputElement>;
}
