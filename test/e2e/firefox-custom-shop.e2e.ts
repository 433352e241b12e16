// The Firefox build (MV2) in Firefox ESR: a shop on the seller's own domain gets the sidebar through
// contentScripts.register, which lives only as long as the background page, so the background registers every
// granted shop again when it starts. The optional permission is asked for real in the submit handler, and answered
// yes without the prompt (see grantOptionalWithoutPrompt).
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate, type MessageKey } from '../../extension/i18n/translate';
import { ORDER_PAGE, SHOP, WP_ADMIN } from './custom-shop-fixture';
import { extensionFrame, findSidebar, launchFirefox, openBookFromSidebar, showFirefoxBookScreen, type FirefoxSession, firefoxTarget } from './firefox-harness';

const t = (key: MessageKey, params?: Record<string, string | number>) => translate('pt-BR', key, params);
const WHATSAPP_FIXTURE = 'extension/sites/whatsapp/fixtures/chat-open.html';
/** Each read is a BiDi round trip and the suite shares two cores: vitest's 1 s default for expect.poll is tight. */
const SOON = { timeout: 15_000 };

declare const browser: typeof import('wxt/browser').browser;

const shopStatus = (book: Page, origin: string) => book.$eval(`[data-testid="shop"][data-origin="${origin}"]`, (el) => (el as HTMLElement).dataset.status ?? null).catch(() => null);
const granted = (book: Page, origin: string) => book.evaluate((pattern) => browser.permissions.contains({ origins: [pattern] }), `${origin}/*`);
const notice = (book: Page) => book.$eval('[data-testid="notice-status"]', (el) => el.textContent).catch(() => null);

async function openSettings(firefox: FirefoxSession): Promise<Page> {
  const book = await openBookFromSidebar(firefox, 'https://web.whatsapp.com/', t('openBook'));
  await showFirefoxBookScreen(book, 'configuracoes');
  await book.waitForSelector('#shop-url');
  return book;
}

describe('Firefox ESR: the sidebar on a shop on the seller’s own domain', () => {
  let firefox: FirefoxSession;

  beforeAll(async () => {
    firefox = await launchFirefox(undefined, { grantOptionalWithoutPrompt: true });
    await firefox.routeToFixture((url) => url.origin === 'https://web.whatsapp.com' && url.pathname === '/', WHATSAPP_FIXTURE);
    firefox.routeToHtml((url) => url.origin === SHOP, WP_ADMIN);
  });
  afterAll(async () => firefox?.close());

  it('asks for the origin at the seller’s submit, runs the sidebar there (again after the background restarts), and stops once removed', async () => {
    let book = await openSettings(firefox);
    expect(await granted(book, SHOP)).toBe(false);
    await book.focus('#shop-url');
    await book.keyboard.type(SHOP);
    await book.keyboard.press('Enter');
    await expect.poll(() => notice(book), SOON).toBe(t('shops.added', { origin: SHOP }));
    await expect.poll(() => shopStatus(book, SHOP), SOON).toBe('active');
    expect(await granted(book, SHOP)).toBe(true);

    const order = await firefox.newPage();
    await order.goto(ORDER_PAGE);
    await findSidebar(order);
    await order.close();

    // The add-on reloads (as at a browser start): its registrations are gone with the old background page, and the
    // new one registers the granted shop again. Its pages close with it.
    await book.evaluate(() => browser.runtime.reload());
    await expect.poll(() => book.evaluate(() => location.href).then(() => 'open', () => 'gone'), SOON).toBe('gone');
    const reloaded = await firefox.newPage();
    await expect
      .poll(
        async () => {
          await reloaded.goto(ORDER_PAGE);
          return (await findSidebar(reloaded, 3_000).then(() => true, () => false)) as boolean;
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(true);
    await reloaded.close();

    book = await openSettings(firefox);
    await expect.poll(() => shopStatus(book, SHOP), SOON).toBe('active');
    await firefoxTarget(book, `button[aria-label="${t('shops.removeNamed', { origin: SHOP })}"]`).click();
    await expect.poll(() => notice(book), SOON).toBe(t('shops.removed', { origin: SHOP }));
    expect(await granted(book, SHOP)).toBe(false);

    const later = await firefox.newPage();
    await later.goto(ORDER_PAGE, { waitUntil: 'load' });
    // A registered content script runs at document_idle, right after load; give it ample time to show itself.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await extensionFrame(later)).toBeNull();
    await Promise.all([later.close(), book.close()]);
  });
});
