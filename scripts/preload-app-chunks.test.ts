import { describe, expect, it } from 'vitest';
import { appFiles, type ChunkLike } from './preload-app-chunks';

const chunk = (fileName: string, imports: string[] = [], dynamicImports: string[] = [], css: string[] = []): ChunkLike => ({ type: 'chunk', fileName, imports, dynamicImports, viteMetadata: { importedCss: new Set(css) } });

describe('appFiles', () => {
  it('lists the chunks the entry’s dynamic import needs (transitively) and their CSS, not what the entry loads itself or what the app loads later', () => {
    const bundle = {
      'chunks/book.js': chunk('chunks/book.js', ['chunks/virtual.js'], ['chunks/start.js']),
      'chunks/virtual.js': chunk('chunks/virtual.js'),
      'chunks/start.js': chunk('chunks/start.js', ['chunks/shared.js', 'chunks/book.js'], ['chunks/charts.js'], ['assets/start.css']),
      'chunks/shared.js': chunk('chunks/shared.js', ['chunks/runtime.js', 'chunks/virtual.js'], [], ['assets/shared.css']),
      'chunks/runtime.js': chunk('chunks/runtime.js', ['chunks/shared.js']),
      'chunks/charts.js': chunk('chunks/charts.js', [], [], ['assets/charts.css']),
      'assets/start.css': { type: 'asset' as const },
    };
    expect(appFiles(bundle['chunks/book.js'], bundle)).toEqual({ scripts: ['chunks/start.js', 'chunks/shared.js', 'chunks/runtime.js'], styles: ['assets/start.css', 'assets/shared.css'] });
  });

  it('leaves out the dynamic imports that are not the app (a language, a screen chosen at run time), with what only they import', () => {
    const bundle = {
      'chunks/book.js': chunk('chunks/book.js', [], ['chunks/start.js', 'chunks/pt-br.js', 'chunks/funnel.js']),
      'chunks/start.js': { ...chunk('chunks/start.js', ['chunks/shared.js']), facadeModuleId: '/x/extension/entrypoints/book/start.tsx' },
      'chunks/shared.js': chunk('chunks/shared.js'),
      'chunks/pt-br.js': { ...chunk('chunks/pt-br.js', ['chunks/en-types.js']), facadeModuleId: '/x/extension/i18n/messages/pt-br.ts' },
      'chunks/en-types.js': chunk('chunks/en-types.js'),
      'chunks/funnel.js': { ...chunk('chunks/funnel.js', ['chunks/shared.js', 'chunks/drag.js'], [], ['assets/funnel.css']), facadeModuleId: '/x/extension/ui/book/funnel/funnel-screen.tsx' },
      'chunks/drag.js': chunk('chunks/drag.js'),
    };
    expect(appFiles(bundle['chunks/book.js'], bundle, (found) => found.facadeModuleId?.endsWith('/entrypoints/book/start.tsx') === true)).toEqual({ scripts: ['chunks/start.js', 'chunks/shared.js'], styles: [] });
  });

  it('lists nothing for an entry that imports everything statically', () => {
    const bundle = { 'chunks/frame.js': chunk('chunks/frame.js', ['chunks/shared.js']), 'chunks/shared.js': chunk('chunks/shared.js') };
    expect(appFiles(bundle['chunks/frame.js'], bundle)).toEqual({ scripts: [], styles: [] });
  });
});
