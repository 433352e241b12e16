import type { Browser } from 'wxt/browser';
import { describe, expect, it } from 'vitest';
import { handleRequest, type BookServices } from '../background/handle-request';
import type { KeyValueStore } from '../background/collectors';
import { chromeShopScripts, firefoxShopScripts, SIDEBAR_SCRIPT, type FirefoxContentScripts } from './shop-scripts';
import { MAX_SHOPS, ShopError, ShopService, type ShopPermissions } from './shop-service';
import { shopMatches } from './shop-patterns';

const ANA = 'https://loja-da-ana.com.br';
const BIA = 'https://bia.com.br';

function fakeSettings(initial: Record<string, unknown> = {}): KeyValueStore & { values: Map<string, unknown> } {
  const values = new Map(Object.entries(initial));
  return { values, get: async (key) => values.get(key), set: async (key, value) => void values.set(key, value) };
}

/** The browser's grants: `granted` holds permission patterns; `refuseRemoval` plays a browser that keeps one. */
function fakePermissions(...granted: string[]): ShopPermissions & { granted: Set<string>; refuseRemoval: boolean } {
  const fake = {
    granted: new Set(granted.map((origin) => `${origin}/*`)),
    refuseRemoval: false,
    contains: async ({ origins }: { origins: string[] }) => origins.every((origin) => fake.granted.has(origin)),
    remove: async ({ origins }: { origins: string[] }) => {
      if (fake.refuseRemoval) return false;
      for (const origin of origins) fake.granted.delete(origin);
      return true;
    },
  };
  return fake;
}

type Registered = Browser.scripting.RegisteredContentScript;

/** Chrome's scripting API as it behaves: a duplicate or unknown id rejects the whole call. */
function fakeScripting(existing: Registered[] = []) {
  const scripts = new Map(existing.map((script) => [script.id, script]));
  let failNext: string | null = null;
  return {
    scripts,
    failNextWith: (message: string) => void (failNext = message),
    getRegisteredContentScripts: async () => [...scripts.values()].map((script) => structuredClone(script)),
    registerContentScripts: async (list: Registered[]) => {
      if (failNext) {
        const message = failNext;
        failNext = null;
        throw new Error(message);
      }
      for (const script of list) if (scripts.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
      for (const script of list) scripts.set(script.id, script);
    },
    unregisterContentScripts: async (filter?: { ids?: string[] }) => {
      for (const id of filter?.ids ?? []) if (!scripts.has(id)) throw new Error(`Nonexistent script ID '${id}'`);
      for (const id of filter?.ids ?? []) scripts.delete(id);
    },
  };
}

function chromeService(settings = fakeSettings(), permissions = fakePermissions(), scripting = fakeScripting()) {
  return { service: new ShopService(settings, permissions, chromeShopScripts(scripting as never)), settings, permissions, scripting };
}

describe('shops on the seller’s own domain', () => {
  it('registers the sidebar on a granted shop’s admin pages with the built content script, kept across restarts', async () => {
    const { service, settings, permissions, scripting } = chromeService(fakeSettings(), fakePermissions(ANA));
    expect(await service.add(`${ANA}/wp-admin/`)).toEqual({ shops: [{ origin: ANA, status: 'active' }] });
    expect(settings.values.get('shops')).toEqual([ANA]);
    expect([...scripting.scripts.values()]).toEqual([{ id: `shop:${ANA}`, matches: shopMatches(ANA), js: [SIDEBAR_SCRIPT], runAt: 'document_idle', persistAcrossSessions: true }]);
    // Adding it again changes nothing.
    expect(await service.add(ANA)).toEqual({ shops: [{ origin: ANA, status: 'active' }] });
    expect(scripting.scripts.size).toBe(1);
    expect(permissions.granted).toEqual(new Set([`${ANA}/*`]));
  });

  it('lists a shop the browser gives no access to as without permission, and runs nothing there', async () => {
    const { service, scripting } = chromeService();
    expect(await service.add(ANA)).toEqual({ shops: [{ origin: ANA, status: 'no-permission' }] });
    expect(scripting.scripts.size).toBe(0);
  });

  it('follows the browser’s grants: a site removed in the browser’s settings loses the sidebar, and gets it back when allowed again', async () => {
    const { service, permissions, scripting } = chromeService(fakeSettings({ shops: [ANA, BIA] }), fakePermissions(ANA, BIA), fakeScripting([{ id: 'other', matches: ['https://x.com/*'], js: ['x.js'] }]));
    await service.reconcile();
    expect(new Set(scripting.scripts.keys())).toEqual(new Set(['other', `shop:${ANA}`, `shop:${BIA}`]));

    permissions.granted.delete(`${BIA}/*`);
    await service.reconcile();
    expect(new Set(scripting.scripts.keys())).toEqual(new Set(['other', `shop:${ANA}`]));
    expect((await service.list()).shops).toEqual([
      { origin: ANA, status: 'active' },
      { origin: BIA, status: 'no-permission' },
    ]);

    permissions.granted.add(`${BIA}/*`);
    await service.reconcile();
    expect(new Set(scripting.scripts.keys())).toEqual(new Set(['other', `shop:${ANA}`, `shop:${BIA}`]));
  });

  it('drops registrations of shops no longer listed and registers again those an older version made with other pages or files', async () => {
    const stale = { id: `shop:${ANA}`, matches: [`${ANA}/*`], js: ['content-scripts/old-sidebar.js'] };
    const forgotten = { id: 'shop:https://esquecida.com.br', matches: shopMatches('https://esquecida.com.br'), js: [SIDEBAR_SCRIPT] };
    const { service, scripting } = chromeService(fakeSettings({ shops: [ANA] }), fakePermissions(ANA, 'https://esquecida.com.br'), fakeScripting([stale, forgotten]));
    await service.reconcile();
    expect([...scripting.scripts.values()]).toEqual([{ id: `shop:${ANA}`, matches: shopMatches(ANA), js: [SIDEBAR_SCRIPT], runAt: 'document_idle', persistAcrossSessions: true }]);
  });

  it('never registers one shop twice when grants change while it is being added', async () => {
    const { service, scripting } = chromeService(fakeSettings(), fakePermissions(ANA));
    const [added] = await Promise.all([service.add(ANA), service.reconcile(), service.reconcile()]);
    expect(added.shops).toEqual([{ origin: ANA, status: 'active' }]);
    expect(scripting.scripts.size).toBe(1);
  });

  it('removes a shop: no sidebar there, the permission given back, the shop forgotten', async () => {
    const { service, settings, permissions, scripting } = chromeService(fakeSettings(), fakePermissions(ANA, BIA));
    await service.add(ANA);
    await service.add(BIA);
    expect(await service.remove(ANA)).toEqual({ shops: [{ origin: BIA, status: 'active' }] });
    expect([...scripting.scripts.keys()]).toEqual([`shop:${BIA}`]);
    expect(permissions.granted).toEqual(new Set([`${BIA}/*`]));
    expect(settings.values.get('shops')).toEqual([BIA]);
    // A shop without permission is removed too.
    permissions.granted.clear();
    expect(await service.remove(BIA)).toEqual({ shops: [] });
  });

  it('keeps a shop listed and running when the browser refuses to take the permission back', async () => {
    const { service, permissions, scripting } = chromeService(fakeSettings(), fakePermissions(ANA));
    await service.add(ANA);
    permissions.refuseRemoval = true;
    await expect(service.remove(ANA)).rejects.toEqual(new ShopError({ problem: 'not-removed', origin: ANA }));
    expect((await service.list()).shops).toEqual([{ origin: ANA, status: 'active' }]);
    expect(scripting.scripts.size).toBe(1);
  });

  it('refuses what is no shop of the seller’s own, and more than the shops it keeps', async () => {
    const { service, settings } = chromeService(fakeSettings(), fakePermissions());
    await expect(service.add('http://loja-da-ana.com.br')).rejects.toMatchObject({ detail: { problem: 'not-https', scheme: 'http' } });
    await expect(service.add('https://web.whatsapp.com')).rejects.toMatchObject({ detail: { problem: 'served', host: 'web.whatsapp.com' } });
    for (let index = 0; index < MAX_SHOPS; index++) await service.add(`https://loja${index}.com.br`);
    await expect(service.add(ANA)).rejects.toMatchObject({ detail: { problem: 'too-many', max: MAX_SHOPS } });
    expect((settings.values.get('shops') as string[]).length).toBe(MAX_SHOPS);
  });

  it('says when the browser gave access but the sidebar could not be registered', async () => {
    const { service, scripting } = chromeService(fakeSettings(), fakePermissions(ANA));
    scripting.failNextWith('Could not load javascript');
    await expect(service.add(ANA)).rejects.toMatchObject({ detail: { problem: 'not-running', origin: ANA, message: 'Could not load javascript' } });
    expect((await service.list()).shops).toEqual([{ origin: ANA, status: 'not-running' }]);
    await service.reconcile();
    expect((await service.list()).shops).toEqual([{ origin: ANA, status: 'active' }]);
  });

  it('ignores stored values that are not shop origins', async () => {
    const { service } = chromeService(fakeSettings({ shops: [ANA, 'http://x.com', `${BIA}/wp-admin/`, 42, 'https://web.whatsapp.com'] }), fakePermissions(ANA));
    await service.reconcile();
    expect((await service.list()).shops).toEqual([{ origin: ANA, status: 'active' }]);
  });

  it('on Firefox, registers the shops again each time the background page starts (its registrations die with it)', async () => {
    const calls: { matches: string[]; js: { file: string }[] }[] = [];
    const live = new Set<object>();
    const contentScripts: FirefoxContentScripts = {
      async register(options) {
        calls.push({ matches: options.matches, js: options.js });
        const handle = { unregister: async () => void live.delete(handle) };
        live.add(handle);
        return handle;
      },
    };
    const settings = fakeSettings({ shops: [ANA, BIA] });
    const permissions = fakePermissions(ANA);
    await new ShopService(settings, permissions, firefoxShopScripts(contentScripts)).reconcile();
    expect(calls).toEqual([{ matches: shopMatches(ANA), js: [{ file: `/${SIDEBAR_SCRIPT}` }] }]);

    // The browser restarted: a new background page, nothing registered, the list and the grant kept.
    live.clear();
    const restarted = new ShopService(settings, permissions, firefoxShopScripts(contentScripts));
    await restarted.reconcile();
    expect(calls).toHaveLength(2);
    expect(live.size).toBe(1);
    expect(await restarted.remove(ANA)).toEqual({ shops: [{ origin: BIA, status: 'no-permission' }] });
    expect(live.size).toBe(0);
  });

  it('answers the settings page in the seller’s language, naming what was wrong', async () => {
    const { service } = chromeService();
    const services = { locale: 'pt-BR', shops: service } as unknown as BookServices;
    expect(await handleRequest(services, { type: 'shops/add', origin: 'http://loja-da-ana.com.br' })).toEqual({
      ok: false,
      error: 'O endereço começa com http://: o Clientela só abre em lojas com https://, que protege o painel da loja.',
    });
    expect(await handleRequest({ ...services, locale: 'es' } as BookServices, { type: 'shops/add', origin: 'https://203.0.113.7' })).toEqual({
      ok: false,
      error: '203.0.113.7 es una dirección IP: usa el dominio de la tienda, como mitienda.com.',
    });
    expect(await handleRequest(services, { type: 'shops/list' })).toEqual({ ok: true, data: { shops: [] } });
  });
});
