import type { Browser } from 'wxt/browser';

/**
 * The sidebar content script as WXT builds it (`entrypoints/sidebar.content.ts` → `content-scripts/sidebar.js`);
 * `test/e2e/manifest.e2e.ts` checks both builds have it and load it for the fixed sites.
 */
export const SIDEBAR_SCRIPT = 'content-scripts/sidebar.js';

/** The sidebar registered for one shop origin, as the browser reports it. */
export interface ShopScript {
  origin: string;
  matches: string[];
  js: string[];
}

/** Where the sidebar is registered at run time, one registration per shop origin. */
export interface ShopScripts {
  list(): Promise<ShopScript[]>;
  register(script: ShopScript): Promise<void>;
  unregister(origins: string[]): Promise<void>;
}

const ID_PREFIX = 'shop:';

/**
 * Chrome: `scripting.registerContentScripts`, persisted across browser restarts. Ids are `shop:<origin>`, so the
 * registrations are told from any other the extension may make.
 */
export function chromeShopScripts(scripting: Pick<typeof Browser.scripting, 'getRegisteredContentScripts' | 'registerContentScripts' | 'unregisterContentScripts'>): ShopScripts {
  return {
    async list() {
      const registered = await scripting.getRegisteredContentScripts();
      return registered.filter((script) => script.id.startsWith(ID_PREFIX)).map((script) => ({ origin: script.id.slice(ID_PREFIX.length), matches: script.matches ?? [], js: script.js ?? [] }));
    },
    async register({ origin, matches, js }) {
      await scripting.registerContentScripts([{ id: ID_PREFIX + origin, matches, js, runAt: 'document_idle', persistAcrossSessions: true }]);
    },
    async unregister(origins) {
      if (origins.length) await scripting.unregisterContentScripts({ ids: origins.map((origin) => ID_PREFIX + origin) });
    },
  };
}

/** What Firefox's `contentScripts` API (MV2, not in Chrome's typings) offers the background page. */
export interface FirefoxContentScripts {
  register(options: { matches: string[]; js: { file: string }[]; runAt: 'document_idle' }): Promise<{ unregister(): Promise<void> }>;
}

/**
 * Firefox MV2: `contentScripts.register` lives as long as the page that called it. Only the (persistent)
 * background page calls it, and it registers every granted shop again each time it starts (shop-service.ts).
 */
export function firefoxShopScripts(contentScripts: FirefoxContentScripts): ShopScripts {
  const live = new Map<string, { script: ShopScript; handle: { unregister(): Promise<void> } }>();
  return {
    async list() {
      return [...live.values()].map(({ script }) => script);
    },
    async register(script) {
      const handle = await contentScripts.register({ matches: script.matches, js: script.js.map((file) => ({ file: `/${file}` })), runAt: 'document_idle' });
      live.set(script.origin, { script, handle });
    },
    async unregister(origins) {
      for (const origin of origins) {
        await live.get(origin)?.handle.unregister();
        live.delete(origin);
      }
    },
  };
}
