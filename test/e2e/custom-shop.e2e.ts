import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORDER_PAGE, SHOP, WP_ADMIN } from './custom-shop-fixture';
import { launchWithExtension, siteAccessInBrowser, sidebarFrame, sidebarOf, type ExtensionSession } from './extension-harness';
import { expectNoSidebar, ShopsSettings, t } from './shops-settings';
declare const chrome: typeof import('wxt/browser').browser;
import { shopMatches } from '../../extension/shops/shop-patterns';

describe('the sidebar on a shop on the seller’s own domain (WooCommerce)', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchWithExtension();
    await session.context.route(`${SHOP}/**`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: WP_ADMIN }));
  });
  afterAll(async () => session?.close());

  it('refuses what is no own shop, asks the browser for the one origin, runs the sidebar there, and stops once removed', async () => {
    const settings = await ShopsSettings.open(session);
    await settings.says('status', '');
    await expect.poll(() => settings.page.getByText(t('shops.none')).count()).toBe(1);

    // Words the seller can act on, and nothing asked of the browser.
    await settings.typeAndSubmit('http://loja-da-ana.com.br');
    await settings.says('alert', t('shops.problem.notHttps', { scheme: 'http' }));
    await settings.typeAndSubmit('web.whatsapp.com');
    await settings.says('alert', t('shops.problem.served', { host: 'web.whatsapp.com' }));
    expect(await settings.granted(SHOP)).toBe(false);

    // The seller allows the site (see siteAccessInBrowser), then adds it: permissions.request({ origins }) in the
    // submit, answered yes by Chrome, and the background registers the sidebar for the shop's admin pages.
    await siteAccessInBrowser(session, 'allow', `${SHOP}/*`);
    await settings.typeAndSubmit(`${SHOP}/wp-admin/`);
    await settings.says('status', t('shops.added', { origin: SHOP }));
    await expect.poll(() => settings.status(SHOP)).toBe(t('shops.status.active'));
    expect(await settings.granted(SHOP)).toBe(true);
    await expect.poll(() => settings.registered()).toEqual([[...shopMatches(SHOP)].sort()]);

    const order = await session.context.newPage();
    await order.goto(ORDER_PAGE);
    await sidebarOf(order).waitFor();
    const src = await order.locator('iframe[title="Clientela"]').getAttribute('src');
    // Chrome's dynamic URL: a per-session id, not the extension's.
    expect(src).toMatch(/^chrome-extension:\/\/[0-9a-f-]{36}\/sidebar-frame\.html#/);
    expect(src).not.toContain(session.extensionId);

    // Any https page may load the frame through that URL (the shop domains are known only at run time), but a page
    // that frames it by itself gets a blank frame: no content script of ours said hello to it.
    const stranger = await session.context.newPage();
    await stranger.route('https://outra-loja.com.br/**', (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: '<!doctype html><title>Outra</title>' }));
    await stranger.goto('https://outra-loja.com.br/');
    await stranger.evaluate((url) => {
      const frame = document.createElement('iframe');
      frame.src = url;
      frame.title = 'Clientela';
      document.body.append(frame);
    }, src as string);
    await expect.poll(() => sidebarFrame(stranger).locator('body[data-host="unpaired"]').count()).toBe(1);
    expect(await sidebarOf(stranger).count()).toBe(0);
    await stranger.close();

    // Removed: no sidebar on the shop's pages any more, and the browser no longer lets us reach the shop.
    await settings.page.getByRole('button', { name: t('shops.removeNamed', { origin: SHOP }) }).click();
    await settings.says('status', t('shops.removed', { origin: SHOP }));
    await expect.poll(() => settings.page.getByText(t('shops.none')).count()).toBe(1);
    expect(await settings.granted(SHOP)).toBe(false);
    expect(await settings.registered()).toEqual([]);
    const later = await session.context.newPage();
    await later.goto(ORDER_PAGE);
    await expectNoSidebar(later);
    await Promise.all([order.close(), later.close(), settings.page.close()]);
  });

  it('follows the browser: a site withdrawn in its extension settings loses the sidebar and says so, until allowed again', async () => {
    const settings = await ShopsSettings.open(session);
    await siteAccessInBrowser(session, 'allow', `${SHOP}/*`);
    await settings.typeAndSubmit(SHOP);
    await expect.poll(() => settings.status(SHOP)).toBe(t('shops.status.active'));

    await siteAccessInBrowser(session, 'withdraw', `${SHOP}/*`);
    await expect.poll(() => settings.status(SHOP)).toBe(t('shops.status.noPermission'));
    await expect.poll(() => settings.registered()).toEqual([]);
    const withdrawn = await session.context.newPage();
    await withdrawn.goto(ORDER_PAGE);
    await expectNoSidebar(withdrawn);

    // Allowed again in the browser: a site the extension was granted before comes back at once (onAdded).
    const grantAgain = settings.page.getByRole('button', { name: t('shops.grantAgainNamed', { origin: SHOP }) });
    await grantAgain.waitFor();
    expect(await settings.axeViolations()).toEqual([]);
    await siteAccessInBrowser(session, 'allow', `${SHOP}/*`);
    await expect.poll(() => settings.status(SHOP)).toBe(t('shops.status.active'));
    expect(await settings.granted(SHOP)).toBe(true);
    await expect.poll(() => settings.registered()).toEqual([[...shopMatches(SHOP)].sort()]);
    await withdrawn.reload();
    await sidebarOf(withdrawn).waitFor();

    // "Permitir de novo": the grant dropped without the browser's settings (here the extension's own
    // permissions.remove, which leaves Chrome remembering the seller's yes), so the button's request is answered
    // without a prompt, as after a first grant.
    await settings.page.evaluate((pattern) => chrome.permissions.remove({ origins: [pattern] }), `${SHOP}/*`);
    await expect.poll(() => settings.status(SHOP)).toBe(t('shops.status.noPermission'));
    await grantAgain.click();
    await settings.says('status', t('shops.grantedAgain', { origin: SHOP }));
    await expect.poll(() => settings.status(SHOP)).toBe(t('shops.status.active'));
    await expect.poll(() => settings.registered()).toEqual([[...shopMatches(SHOP)].sort()]);

    await settings.page.getByRole('button', { name: t('shops.removeNamed', { origin: SHOP }) }).click();
    await expect.poll(() => settings.granted(SHOP)).toBe(false);
    await Promise.all([withdrawn.close(), settings.page.close()]);
  });
});
