// A Vite plugin for the extension build: the app an HTML entry starts by a dynamic import (the book page's
// start.tsx) comes in two chunks, whatever it shares with the other pages and what only it needs. Left to itself,
// the bundler splits the app's modules by which pages and screens use each (the sidebar frame, the popup, the
// offscreen document, each screen fetched later by screens.ts) into a dozen or more small chunks, and every file an
// extension page loads costs it a read through the browser's main thread: on a busy 2-core machine eighteen files
// held the book page's first script back by ~80 ms. The app always comes before the screens, so they import from
// its chunks; another page that needs any of the shared modules loads that one chunk (they already loaded most of
// it, in pieces).
import type { Plugin } from 'vite';

/** The minimal shape of a module's info this plugin reads. */
export interface ModuleLike {
  isEntry: boolean;
  importedIds: readonly string[];
  dynamicallyImportedIds: readonly string[];
}

/** Every module `roots` reach through static imports, and through dynamic imports too when `dynamic`. */
function reach(roots: Iterable<string>, info: (id: string) => ModuleLike | null, dynamic: boolean): Set<string> {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    const module = info(id);
    if (!module) continue;
    stack.push(...module.importedIds);
    if (dynamic) stack.push(...module.dynamicallyImportedIds);
  }
  return seen;
}

/**
 * The app's modules (what `app` reaches by static imports, less what its own entry reaches by static imports: the
 * page's first script), split into those another entry reaches too (by any import) and those only the app needs.
 */
export function appModules(ids: Iterable<string>, info: (id: string) => ModuleLike | null, app: (id: string) => boolean, appEntry: (id: string) => boolean): { shared: Set<string>; own: Set<string> } {
  const all = [...ids];
  const roots = all.filter(app);
  const shared = new Set<string>();
  const own = new Set<string>();
  if (roots.length === 0) return { shared, own };
  const entries = all.filter((id) => info(id)?.isEntry);
  const first = reach(entries.filter(appEntry), info, false);
  const others = reach(entries.filter((id) => !appEntry(id)), info, true);
  for (const id of reach(roots, info, false)) {
    if (first.has(id)) continue;
    (others.has(id) ? shared : own).add(id);
  }
  return { shared, own };
}

/**
 * `app`: the app's module (start.tsx); `appEntry`: the HTML entry whose script imports it. The chunks are named
 * `<name>-shared` and `<name>`. Each takes only its modules (not their dependencies, the bundler's default), and no
 * cycle can form: whatever a shared module imports, the other entry that reaches it reaches too, so it is shared
 * (or the first script's); the first script's modules import only their own kind.
 */
export function appChunk(name: string, app: (id: string) => boolean, appEntry: (id: string) => boolean): Plugin {
  let modules = { shared: new Set<string>(), own: new Set<string>() };
  let building = false;
  return {
    name: 'clientela:app-chunk',
    options(options) {
      // Only the build of the pages (the other builds, one script each, are left as they are). Groups that leave
      // dependencies out ask that entry chunks may export more than their modules do: no one reads an HTML page's.
      const input = options.input;
      const inputs = typeof input === 'string' ? [input] : Array.isArray(input) ? input : Object.values(input ?? {});
      building = inputs.some(appEntry);
      return building ? { ...options, preserveEntrySignatures: 'allow-extension' } : null;
    },
    buildEnd() {
      modules = appModules(this.getModuleIds(), (id) => this.getModuleInfo(id), app, appEntry);
    },
    outputOptions(options) {
      if (!building) return null;
      const splitting = typeof options.codeSplitting === 'object' ? options.codeSplitting : {};
      const groups = [
        { name: `${name}-shared`, test: (id: string) => modules.shared.has(id), includeDependenciesRecursively: false },
        { name, test: (id: string) => modules.own.has(id), includeDependenciesRecursively: false },
      ];
      return { ...options, codeSplitting: { ...splitting, groups: [...(splitting.groups ?? []), ...groups] } };
    },
  };
}
