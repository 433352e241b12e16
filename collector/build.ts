// Builds the collector for running with plain Node: `npx tsx collector/build.ts` → .output/collector/server.mjs.
// `npm run collector` and `npm run build` run it.
// Running the TypeScript through tsx instead costs the server about a tenth of its throughput (esbuild's
// keep-names wrappers on every function), and tsx is a development tool a seller's server need not install.
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');
export const COLLECTOR_OUTDIR = resolve(ROOT, '.output/collector');

/**
 * Bundles `entries` (paths from the repository root) as ES modules for Node into `outdir`, one `.mjs` per entry,
 * packages left to node_modules. The bench builds its bare Hono peer with the same options.
 * `outdir` must be inside the repository so the bundles find node_modules.
 */
export async function buildForNode(entries: string[], outdir: string): Promise<void> {
  await build({
    absWorkingDir: ROOT,
    entryPoints: entries.map((entry) => resolve(ROOT, entry)),
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outExtension: { '.js': '.mjs' },
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

/** The collector's server, ready for `node <outdir>/server.mjs`. */
export function buildCollector(outdir = COLLECTOR_OUTDIR): Promise<void> {
  return buildForNode(['collector/server.ts'], outdir);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await buildCollector();
  console.log(`Built the collector into ${COLLECTOR_OUTDIR} (run: node ${COLLECTOR_OUTDIR}/server.mjs)`);
}
