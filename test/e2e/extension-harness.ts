import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type FrameLocator, type Locator, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CLIENTELA_CHROMIUM ?? '/usr/bin/chromium';
export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  /** Opens an extension page such as `book.html`. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /**
   * Chrome's third-party cookie setting. Allowed is Chrome's default; blocked (Debian's Chromium default, incognito,
   * or a seller's choice) denies storage to frames inside other sites, the sidebar frame included.
   */
  thirdPartyCookies?: 'allowed' | 'blocked';
}

/**
 * Launches Debian's Chromium with the built extension loaded, in a fresh profile, with no network: every
 * request that is not routed to a fixture is aborted, so nothing leaves the machine — except loopback, where
 * tests run their own servers (the collector, the demo store).
 */
export async function launchWithExtension({ thirdPartyCookies = 'allowed' }: LaunchOptions = {}): Promise<ExtensionSession> {
  const profile = await mkdtemp(join(tmpdir(), 'clientela-e2e-'));
  const blocked = thirdPartyCookies === 'blocked';
  await mkdir(join(profile, 'Default'));
  await writeFile(join(profile, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: blocked ? 1 : 0, block_third_party_cookies: blocked } }));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      '--headless=new',
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
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
  return {
    context,
    extensionId,
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** The sidebar's frame in a chat page (an extension page the content script placed; the page cannot look inside). */
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
