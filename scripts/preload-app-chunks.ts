// A Vite plugin for the extension build: an HTML entry whose script starts the app by a dynamic import (the book
// page's main.tsx sends its first request, then imports the app) gets `<link rel="modulepreload">` for that
// import's chunks and a preload of their CSS, so the browser fetches them while it parses the page and
// runs the small entry script, not one round trip after it. Vite's own preload helper skips files already linked.
import type { Plugin } from 'vite';

/** The minimal shape of Rollup's output chunk this plugin reads. */
export interface ChunkLike {
  type: 'chunk';
  fileName: string;
  imports: string[];
  dynamicImports: string[];
  /** The modules in the chunk. */
  moduleIds?: string[];
  /** The module the chunk stands for, when it is an entry or a dynamic import's target. */
  facadeModuleId?: string | null;
  viteMetadata?: { importedCss: Set<string> };
}

/**
 * Every file the entry's app import needs at once: the app's chunk, its static imports (transitively), and their
 * CSS. The entry's other dynamic imports (one language of four, the screen the page opens on) are chosen at run
 * time, and chunks the app itself imports later are left to load when asked.
 */
export function appFiles(entry: ChunkLike, bundle: Record<string, ChunkLike | { type: 'asset' }>, isApp: (chunk: ChunkLike) => boolean = () => true): { scripts: string[]; styles: string[] } {
  const scripts: string[] = [];
  const styles = new Set<string>();
  const seen = new Set<string>([entry.fileName, ...entry.imports]);
  const visit = (fileName: string) => {
    if (seen.has(fileName)) return;
    seen.add(fileName);
    const chunk = bundle[fileName];
    if (chunk?.type !== 'chunk') return;
    scripts.push(fileName);
    chunk.viteMetadata?.importedCss.forEach((css) => styles.add(css));
    chunk.imports.forEach(visit);
  };
  entry.dynamicImports.filter((fileName) => {
    const chunk = bundle[fileName];
    return chunk?.type === 'chunk' && isApp(chunk);
  }).forEach(visit);
  return { scripts, styles: [...styles] };
}

/** `isApp`: which of an entry's dynamic imports is the app (every one by default). */
export function preloadAppChunks(isApp?: (chunk: ChunkLike) => boolean): Plugin {
  return {
    name: 'clientela:preload-app-chunks',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const entry = context.chunk as unknown as ChunkLike | undefined;
        if (!entry || !context.bundle) return html;
        const { scripts, styles } = appFiles(entry, context.bundle as unknown as Record<string, ChunkLike>, isApp);
        if (scripts.length === 0) return html;
        return [
          ...scripts.map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` }, injectTo: 'head' as const })),
          // Fetched, not applied: a stylesheet link would hold the entry script back until it loaded (scripts wait for
          // the style sheets before them); the app's import applies it.
          ...styles.map((file) => ({ tag: 'link', attrs: { rel: 'preload', as: 'style', crossorigin: true, href: `/${file}` }, injectTo: 'head' as const })),
        ];
      },
    },
  };
}
