// Builds the storefront widget: `npx tsx widget/build.ts` → .output/widget/{clientela-widget.js, clientela-widget-ui.js}.
import { build, type BuildOptions } from 'esbuild';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '..');
export const WIDGET_OUTDIR = join(ROOT, '.output/widget');
export const LOADER_FILE = 'clientela-widget.js';
export const UI_FILE = 'clientela-widget-ui.js';
/** Budgets from issue #5, in gzip -9 bytes. */
export const LOADER_BUDGET = 2048;
export const TOTAL_BUDGET = 15360;

export interface WidgetFile {
  name: string;
  code: Uint8Array;
  raw: number;
  gzip: number;
}

export interface WidgetBuild {
  loader: WidgetFile;
  ui: WidgetFile;
  /** Every script a store may load, gzip -9 bytes summed. */
  totalGzip: number;
}

export interface BuildWidgetOptions {
  /** Write the files (default true); the size test keeps them in memory. */
  write?: boolean;
  outdir?: string;
}

const common: BuildOptions = {
  absWorkingDir: ROOT,
  bundle: true,
  write: false,
  minify: true,
  format: 'iife',
  platform: 'browser',
  // Stores' visitors include older phones: modern syntax is lowered to ES2019.
  target: ['es2019'],
  legalComments: 'none',
  // ASCII output: a store page in ISO-8859-1 still reads our accented strings correctly.
  charset: 'ascii',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  // Preact is bundled; anything asking for React gets Preact's compat layer (nothing does today).
  alias: { react: 'preact/compat', 'react-dom': 'preact/compat' },
  define: { 'process.env.NODE_ENV': '"production"' },
  // Ignore the repo's tsconfig (extension paths, WXT types): the widget's settings are all here. Class fields as
  // plain assignments: no defineProperty helper in the bundle (the components never rely on define semantics).
  tsconfigRaw: { compilerOptions: { useDefineForClassFields: false } },
  logLevel: 'silent',
};

async function bundle(entry: string, name: string): Promise<WidgetFile> {
  const result = await build({ ...common, entryPoints: [join(ROOT, entry)], outfile: join(WIDGET_OUTDIR, name) });
  const code = result.outputFiles?.[0]?.contents;
  if (!code) throw new Error(`esbuild produced nothing for ${entry}`);
  return { name, code, raw: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
}

/** Builds both scripts (and, when writing, copies the public type declarations beside them). */
export async function buildWidget(options: BuildWidgetOptions = {}): Promise<WidgetBuild> {
  const [loader, ui] = await Promise.all([bundle('widget/src/loader.ts', LOADER_FILE), bundle('widget/src/ui/main.tsx', UI_FILE)]);
  if (options.write ?? true) {
    const outdir = options.outdir ?? WIDGET_OUTDIR;
    await mkdir(outdir, { recursive: true });
    await Promise.all([
      writeFile(join(outdir, loader.name), loader.code),
      writeFile(join(outdir, ui.name), ui.code),
      copyFile(join(ROOT, 'widget/clientela-widget.d.ts'), join(outdir, 'clientela-widget.d.ts')),
    ]);
  }
  return { loader, ui, totalGzip: loader.gzip + ui.gzip };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;

export function describeBuild(result: WidgetBuild): string {
  const line = (f: WidgetFile) => `${f.name.padEnd(24)} ${String(f.raw).padStart(6)} B raw  ${String(f.gzip).padStart(6)} B gzip (${kb(f.gzip)})`;
  return [
    line(result.loader) + `  budget ${LOADER_BUDGET} B`,
    line(result.ui),
    `${'all scripts'.padEnd(24)} ${' '.repeat(13)}  ${String(result.totalGzip).padStart(6)} B gzip (${kb(result.totalGzip)})  budget ${TOTAL_BUDGET} B`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const result = await buildWidget();
  console.log(`Built the widget into ${WIDGET_OUTDIR}\n${describeBuild(result)}`);
  if (result.loader.gzip > LOADER_BUDGET || result.totalGzip > TOTAL_BUDGET) {
    console.error('Over budget.');
    process.exitCode = 1;
  }
}
