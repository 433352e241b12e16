// Every language's messages, before any module that translates is evaluated.
import '../../extension/i18n/catalogs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type FrameLocator, type Locator, type Page } from 'playwright-core';
import { translate, type MessageKey } from '../../extension/i18n/translate';

export const CHROMIUM = process.env.CLIENTELA_CHROMIUM ?? '/usr/bin/chromium';
export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  /** Opens an extension page such as `book.html`. */
  openExtensionPage(path: string): Promise<Page>;
  /**
   * Quits the browser and starts it again on the same profile, as a seller's next morning: the book is on disk,
   * the service worker starts cold. The session returned replaces this one.
   */
  restart(): Promise<ExtensionSession>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /**
   * Chrome's third-party cookie setting. Allowed is Chrome's default; blocked (Debian's Chromium default, incognito,
   * or a seller's choice) denies storage to frames inside other sites, the sidebar frame included.
   */
  thirdPartyCookies?: 'allowed' | 'blocked';
  /**
   * Optional permissions to hold as already granted. Chrome asks the seller in browser UI (not a page) that no
   * automation can answer, so the test loads a copy of the build whose manifest lists these as granted at
   * install; `permissions.request` then resolves true without a prompt and every code path after it is the real
   * one. Only the prompt itself goes untested.
   */
  grantedOptional?: string[];
  /** Downloads land here under the names the extension gives them (instead of Playwright's numbered files). */
  downloadsDir?: string;
}

/**
 * Launches Debian's Chromium with the built extension loaded, in a fresh profile, with no network: every
 * request that is not routed to a fixture is aborted, so nothing leaves the machine — except loopback, where
 * tests run their own servers (the collector, the demo store).
 */
export async function launchWithExtension(options: LaunchOptions = {}, reuse?: { profile: string; extension: string }): Promise<ExtensionSession> {
  const { thirdPartyCookies = 'allowed', grantedOptional = [], downloadsDir } = options;
  const profile = reuse?.profile ?? (await mkdtemp(join(tmpdir(), 'clientela-e2e-')));
  const blocked = thirdPartyCookies === 'blocked';
  if (!reuse) {
    await mkdir(join(profile, 'Default'));
    const download = downloadsDir ? { download: { default_directory: downloadsDir, prompt_for_download: false } } : {};
    await writeFile(join(profile, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: blocked ? 1 : 0, block_third_party_cookies: blocked }, ...download }));
  }
  const extension = reuse?.extension ?? (grantedOptional.length ? await withGranted(grantedOptional, profile) : EXTENSION_DIR);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      '--headless=new',
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--lang=pt-BR',
    ],
    locale: 'pt-BR',
  });
  await context.route(
    (url) => /^https?:$/.test(url.protocol) && url.hostname !== '127.0.0.1',
    (route) => route.abort('internetdisconnected'),
  );
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  if (downloadsDir) {
    // Playwright catches downloads into numbered files; hand them back to Chrome, which saves them in the
    // profile's download folder under the names the extension chose.
    const page = context.pages()[0] ?? (await context.newPage());
    await (await context.newCDPSession(page)).send('Browser.setDownloadBehavior', { behavior: 'default' });
  }
  return {
    context,
    extensionId,
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async restart() {
      await context.close();
      return launchWithExtension(options, { profile, extension });
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** A copy of the Chrome build whose manifest holds `permissions` as granted at install (see grantedOptional). */
async function withGranted(permissions: string[], profile: string): Promise<string> {
  const copy = join(profile, 'extension');
  await cp(EXTENSION_DIR, copy, { recursive: true });
  const manifest = JSON.parse(await readFile(join(copy, 'manifest.json'), 'utf8')) as { permissions?: string[]; optional_permissions?: string[] };
  const missing = permissions.filter((permission) => !manifest.optional_permissions?.includes(permission));
  if (missing.length) throw new Error(`the build does not ask for ${missing.join(', ')} as optional permissions`);
  manifest.optional_permissions = manifest.optional_permissions?.filter((permission) => !permissions.includes(permission));
  manifest.permissions = [...(manifest.permissions ?? []), ...permissions];
  await writeFile(join(copy, 'manifest.json'), JSON.stringify(manifest));
  return copy;
}

/**
 * Moves the extension's service worker clock `ms` ahead (Date and Date.now), as if that much time had passed;
 * timers and alarms keep real time. Gone when the worker restarts.
 */
export async function advanceServiceWorkerClock(context: BrowserContext, ms: number): Promise<void> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await worker.evaluate((offset) => {
    const scope = globalThis as unknown as { Date: DateConstructor; __clientelaRealDate?: DateConstructor };
    const RealDate = scope.__clientelaRealDate ?? scope.Date;
    scope.__clientelaRealDate = RealDate;
    class ShiftedDate extends RealDate {
      constructor(...args: [] | [string | number | Date]) {
        if (args.length === 0) super(RealDate.now() + offset);
        else super(args[0]);
      }
      static override now(): number {
        return RealDate.now() + offset;
      }
    }
    scope.Date = ShiftedDate as DateConstructor;
  }, ms);
}

/**
 * The browser's own answer about a site, given where the seller gives it outside our pages: chrome://extensions,
 * through its `developerPrivate` API (what its "Site access" controls call). `allow` records `pattern` as granted by
 * the user, so the extension's own `permissions.request` for it is then answered yes by Chrome without showing its
 * prompt, which no automation reaches (it is browser UI: no command-line switch accepts it, and the DevTools
 * protocol's Extensions domain has no permission method); every step after the prompt is Chrome's real one.
 * `withdraw` takes the site away, as the seller would in the extension's details: `permissions.onRemoved` fires.
 */
export async function siteAccessInBrowser(session: ExtensionSession, action: 'allow' | 'withdraw', pattern: string): Promise<void> {
  const page = await session.context.newPage();
  try {
    await page.goto('chrome://extensions');
    await page.evaluate(
      ([id, host, allow]) => {
        const developer = (globalThis as unknown as { chrome: { developerPrivate: Record<'addHostPermission' | 'removeHostPermission', (id: string, host: string) => Promise<void>> } }).chrome.developerPrivate;
        return allow ? developer.addHostPermission(id, host) : developer.removeHostPermission(id, host);
      },
      [session.extensionId, pattern, action === 'allow'] as const,
    );
  } finally {
    await page.close();
  }
}

/** The sidebar's frame in a chat page (an extension page the content script placed; the page cannot look inside). */
/**
 * Shows a screen of the book page the way a seller does, through its link in the nav (named from the catalog:
 * 'nav.customers' for Clientes, 'settings' for Configurações), and waits for its heading.
 */
export async function showBookScreen(book: Page, label: MessageKey): Promise<void> {
  const name = translate('pt-BR', label);
  await book.getByRole('navigation').getByRole('link', { name, exact: true }).click();
  await book.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

export function sidebarFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe[title="Clientela"]');
}

/** The sidebar itself, inside its frame. */
export function sidebarOf(page: Page): Locator {
  return sidebarFrame(page).locator('aside.clientela-sidebar');
}

/** Serves a committed fixture at a host site's real URL (e.g. https://web.whatsapp.com/). */
export async function routeSiteToFixture(context: BrowserContext, urlPattern: string, fixturePath: string): Promise<void> {
  const body = await readFile(resolve(import.meta.dirname, '../..', fixturePath), 'utf8');
  await context.route(urlPattern, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
}

/**
 * Searches the Clientes table for `text` and waits until the rows drawn answer that search: the table draws only
 * the rows in view, so a name is looked for, not scrolled to.
 */
export async function searchCustomers(book: Page, text: string): Promise<Locator> {
  await book.getByLabel(translate('pt-BR', 'table.search'), { exact: true }).fill(text);
  await book.locator(`[data-testid="customer-grid"][aria-busy="false"][data-search="${text.replaceAll('"', '\\"')}"]`).waitFor();
  return book.getByTestId('customer-grid');
}

/** Chooses `value` in a select with the keyboard only: focus it, then the arrow keys until it is chosen. */
export async function chooseWithKeys(page: Page, selector: string | Locator, value: string): Promise<void> {
  const select = typeof selector === 'string' ? page.locator(selector) : selector;
  await select.focus();
  const options = await select.locator('option').evaluateAll((list) => list.map((option) => (option as HTMLOptionElement).value));
  if (!options.includes(value)) throw new Error(`${selector} has no option ${value}: ${options.join(', ')}`);
  const key = options.indexOf(value) < options.indexOf(await select.inputValue()) ? 'ArrowUp' : 'ArrowDown';
  for (let step = 0; step < options.length && (await select.inputValue()) !== value; step++) await page.keyboard.press(key);
  if ((await select.inputValue()) !== value) throw new Error(`the arrow keys did not reach ${value} in ${String(selector)}`);
}
