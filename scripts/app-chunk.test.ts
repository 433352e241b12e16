import { describe, expect, it } from 'vitest';
import { appModules, type ModuleLike } from './app-chunk';

const module = (importedIds: string[] = [], dynamicallyImportedIds: string[] = [], isEntry = false): ModuleLike => ({ isEntry, importedIds, dynamicallyImportedIds });

describe('appModules', () => {
  it('splits what the app reaches into what other pages reach too and what only it needs, leaving out its page’s first script', () => {
    const graph: Record<string, ModuleLike> = {
      'book.html': module(['main.tsx'], [], true),
      'main.tsx': module(['locale.ts', 'screens.ts'], ['start.tsx', 'pt-br.ts']),
      'screens.ts': module(['links.ts'], ['funnel.tsx']),
      'start.tsx': module(['app.tsx', 'core.ts', 'locale.ts']),
      'app.tsx': module(['today.tsx', 'preact.js', 'links.ts']),
      'today.tsx': module(['preact.js', 'core.ts']),
      'core.ts': module(['zod.js', 'locale.ts']),
      'funnel.tsx': module(['app.tsx', 'drag.ts']),
      'frame.html': module(['frame.tsx'], [], true),
      'frame.tsx': module(['preact.js'], ['profile.tsx']),
      'profile.tsx': module(['core.ts']),
    };
    const info = (id: string) => graph[id] ?? module();
    const { shared, own } = appModules(Object.keys(graph).concat(['locale.ts', 'links.ts', 'preact.js', 'zod.js', 'pt-br.ts', 'drag.ts']), info, (id) => id === 'start.tsx', (id) => id === 'book.html');
    // The frame reaches preact at once and core through its own dynamic import: shared. Locale and the links are
    // the first script's. The funnel screen and the language are fetched later, by themselves.
    expect([...shared].sort()).toEqual(['core.ts', 'preact.js', 'zod.js']);
    expect([...own].sort()).toEqual(['app.tsx', 'start.tsx', 'today.tsx']);
  });

  it('finds nothing in a build without the app', () => {
    expect(appModules(['background.ts'], () => module([], [], true), (id) => id === 'start.tsx', () => false)).toEqual({ shared: new Set(), own: new Set() });
  });
});
