// Storefront widget sizes (issue #5): a fresh in-memory build, gzip -9, against the budgets.
// Run alone with `npx tsx bench/widget-bench.ts`; the lead's bench runner imports runWidgetBench().
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LOADER_BUDGET, TOTAL_BUDGET, buildWidget } from '../widget/build';
import { printRows, type BenchRow } from './rows';

const bytes = (n: number) => `${n.toLocaleString('en')} B (${(n / 1024).toFixed(2)} KB)`;

export async function runWidgetBench(): Promise<BenchRow[]> {
  const { loader, ui, totalGzip } = await buildWidget({ write: false });
  return [
    { figure: 'loader clientela-widget.js, raw', value: bytes(loader.raw), note: 'minified, ES2019' },
    { figure: 'loader clientela-widget.js, gzip -9', value: bytes(loader.gzip), goal: `≤ ${bytes(LOADER_BUDGET)}`, met: loader.gzip <= LOADER_BUDGET, note: 'on every page view' },
    { figure: 'UI clientela-widget-ui.js, raw', value: bytes(ui.raw), note: 'Preact included' },
    { figure: 'UI clientela-widget-ui.js, gzip -9', value: bytes(ui.gzip), note: 'only when the widget shows' },
    { figure: 'all widget scripts, gzip -9', value: bytes(totalGzip), goal: `≤ ${bytes(TOTAL_BUDGET)}`, met: totalGzip <= TOTAL_BUDGET },
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  printRows('Storefront widget size', await runWidgetBench());
}
