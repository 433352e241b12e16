import { browser } from 'wxt/browser';
import { askBackground } from '../../../messaging/client';
import { shopPermission } from '../../../shops/shop-patterns';
import type { ShopsState } from '../../../shops/shop-service';

/** What the shops panel needs of the browser and the background (component tests pass a stand-in). */
export interface ShopsServices {
  list(): Promise<ShopsState>;
  /** Asks the browser for the shop's origin. Must be called in the seller's click or submit itself, before any await. */
  request(origin: string): Promise<boolean>;
  add(origin: string): Promise<ShopsState>;
  remove(origin: string): Promise<ShopsState>;
  /** Calls `changed` when the browser's grants change (the seller may remove a site in the browser's own settings). */
  watch(changed: () => void): () => void;
}

export const browserShopsServices: ShopsServices = {
  list: () => askBackground({ type: 'shops/list' }),
  request: (origin) => browser.permissions.request({ origins: [shopPermission(origin)] }),
  add: (origin) => askBackground({ type: 'shops/add', origin }),
  remove: (origin) => askBackground({ type: 'shops/remove', origin }),
  watch(changed) {
    // Every extension page has the API; a document rendered outside one (the shell's component tests) hears nothing.
    const permissions = (browser as typeof browser | undefined)?.permissions;
    if (!permissions) return () => undefined;
    permissions.onAdded.addListener(changed);
    permissions.onRemoved.addListener(changed);
    return () => {
      permissions.onAdded.removeListener(changed);
      permissions.onRemoved.removeListener(changed);
    };
  },
};
