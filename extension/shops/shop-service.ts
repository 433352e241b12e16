import type { KeyValueStore } from '../background/collectors';
import { shopMatches, shopPermission } from './shop-patterns';
import { shopOrigin, type ShopUrlProblem } from './shop-origin';
import { SIDEBAR_SCRIPT, type ShopScript, type ShopScripts } from './shop-scripts';

/** `active`: granted and the sidebar registered; `no-permission`: the browser holds no access to it (any more). */
export type ShopStatus = 'active' | 'no-permission' | 'not-running';

export interface ShopsState {
  shops: { origin: string; status: ShopStatus }[];
}

/** The part of `browser.permissions` the shops need (the asking is the settings page's, at the seller's click). */
export interface ShopPermissions {
  contains(permissions: { origins: string[] }): Promise<boolean>;
  remove(permissions: { origins: string[] }): Promise<boolean>;
}

/** Why a shop could not be added or kept; said in the seller's words by `shopProblemText`. */
export type ShopProblem = ShopUrlProblem | { problem: 'too-many'; max: number } | { problem: 'not-running'; origin: string; message: string } | { problem: 'not-removed'; origin: string };

export class ShopError extends Error {
  constructor(readonly detail: ShopProblem) {
    super(`shop: ${detail.problem}`);
    this.name = 'ShopError';
  }
}

/** Where the list lives among the book's settings (`meta`, as `settings.shops`): origins, in the order added. */
const KEY = 'shops';
export const MAX_SHOPS = 20;

const sameScript = (a: ShopScript, b: ShopScript) => a.origin === b.origin && a.matches.join() === b.matches.join() && a.js.join() === b.js.join();

/**
 * The seller's shops on their own domains, kept by the background: the list (among the book's settings), the
 * sidebar's registration on each granted shop, and the host permission given back on removal. The browser's
 * grants are the truth: `reconcile` registers exactly the listed shops the browser lets us reach, so a site
 * removed in the browser's own extension settings loses its registration (the background calls it at start and
 * on `permissions.onAdded`/`onRemoved`). Every operation runs after the one before, so two never register the same
 * script at once.
 */
export class ShopService {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly settings: KeyValueStore,
    private readonly permissions: ShopPermissions,
    private readonly scripts: ShopScripts,
  ) {}

  list(): Promise<ShopsState> {
    return this.serial(() => this.state());
  }

  /** Adds a shop whose permission the settings page asked for, and registers the sidebar there if granted. */
  add(typed: string): Promise<ShopsState> {
    return this.serial(async () => {
      const checked = shopOrigin(typed);
      if (!checked.ok) throw new ShopError(checked);
      const { origin } = checked;
      const shops = await this.read();
      if (!shops.includes(origin)) {
        if (shops.length >= MAX_SHOPS) throw new ShopError({ problem: 'too-many', max: MAX_SHOPS });
        await this.settings.set(KEY, [...shops, origin]);
      }
      const failed = await this.sync();
      const error = failed.get(origin);
      if (error) throw new ShopError({ problem: 'not-running', origin, message: error });
      return this.state();
    });
  }

  /** Stops the sidebar there, gives the host permission back, and forgets the shop. */
  remove(origin: string): Promise<ShopsState> {
    return this.serial(async () => {
      await this.scripts.unregister((await this.scripts.list()).filter((script) => script.origin === origin).map((script) => script.origin));
      const granted = await this.permissions.contains({ origins: [shopPermission(origin)] });
      if (granted && !(await this.permissions.remove({ origins: [shopPermission(origin)] }))) {
        await this.sync();
        throw new ShopError({ problem: 'not-removed', origin });
      }
      await this.settings.set(KEY, (await this.read()).filter((shop) => shop !== origin));
      return this.state();
    });
  }

  /** Registers the sidebar on exactly the listed shops the browser grants; returns registrations that failed. */
  reconcile(): Promise<Map<string, string>> {
    return this.serial(() => this.sync());
  }

  private serial<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async read(): Promise<string[]> {
    const stored = await this.settings.get(KEY);
    if (!Array.isArray(stored)) return [];
    // What is stored went through shopOrigin; anything else (a hand-edited or older value) is left out.
    return stored.filter((origin): origin is string => {
      const checked = typeof origin === 'string' ? shopOrigin(origin) : null;
      return checked?.ok === true && checked.origin === origin;
    });
  }

  private async granted(shops: string[]): Promise<Set<string>> {
    const answers = await Promise.all(shops.map((origin) => this.permissions.contains({ origins: [shopPermission(origin)] })));
    return new Set(shops.filter((_, index) => answers[index]));
  }

  private async sync(): Promise<Map<string, string>> {
    const shops = await this.read();
    const granted = await this.granted(shops);
    const wanted: ShopScript[] = shops.filter((origin) => granted.has(origin)).map((origin) => ({ origin, matches: shopMatches(origin), js: [SIDEBAR_SCRIPT] }));
    const registered = await this.scripts.list();
    // Gone from the list, not granted any more, or registered by an older version with other pages or files.
    await this.scripts.unregister(registered.filter((script) => !wanted.some((want) => sameScript(want, script))).map((script) => script.origin));
    const failed = new Map<string, string>();
    for (const script of wanted.filter((want) => !registered.some((have) => sameScript(want, have)))) {
      try {
        await this.scripts.register(script);
      } catch (error) {
        failed.set(script.origin, error instanceof Error ? error.message : String(error));
      }
    }
    return failed;
  }

  private async state(): Promise<ShopsState> {
    const shops = await this.read();
    const granted = await this.granted(shops);
    const running = new Set((await this.scripts.list()).map((script) => script.origin));
    return { shops: shops.map((origin) => ({ origin, status: !granted.has(origin) ? 'no-permission' : running.has(origin) ? 'active' : 'not-running' })) };
  }
}
