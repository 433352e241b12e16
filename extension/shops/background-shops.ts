import { browser } from 'wxt/browser';
import type { KeyValueStore } from '../background/collectors';
import { chromeShopScripts, firefoxShopScripts, type FirefoxContentScripts } from './shop-scripts';
import { ShopService } from './shop-service';

/** The background's shops, over this browser's registration API (Chrome's `scripting`, Firefox MV2's `contentScripts`). */
export function backgroundShops(settings: KeyValueStore): ShopService {
  const scripts = import.meta.env.FIREFOX ? firefoxShopScripts((browser as unknown as { contentScripts: FirefoxContentScripts }).contentScripts) : chromeShopScripts(browser.scripting);
  return new ShopService(settings, browser.permissions, scripts);
}

/**
 * Keeps the registrations true to the browser's grants: at every start of the background (Firefox forgets its
 * registrations with the background page; Chrome keeps them, and is checked anyway) and whenever a grant changes,
 * including a site the seller removed in the browser's own extension settings. Listeners are added at once, as an
 * MV3 service worker woken by the event needs them on its first turn.
 */
export function keepShopsRegistered(shops: Promise<ShopService>): void {
  const reconcile = () =>
    void shops
      .then((service) => service.reconcile())
      .then((failed) => {
        for (const [origin, message] of failed) console.warn(`Clientela: the sidebar could not be registered on ${origin}: ${message}`);
      })
      .catch((error: unknown) => console.warn('Clientela: the shops could not be reconciled with the browser’s grants', error));
  browser.permissions.onAdded.addListener(reconcile);
  browser.permissions.onRemoved.addListener(reconcile);
  reconcile();
}
