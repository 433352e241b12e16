import { runBackupBench } from './backup-bench';
import { runBookBench } from './book-bench';
import { runImportBench } from './import-bench';
import { runStoreBenchInChromium } from './browser-bench';
import { runWidgetBench } from './widget-bench';
import { runChatSwitchBench } from './chat-switch-bench';
import { runCollectorBench } from './collector-bench';
import { runPredictBench } from './predict-bench';
import { runRateLimiterBench } from './rate-limiter-bench';
import { printRows } from './rows';
import { runSegmentsBench } from './segments-bench';
import { runScreensBench } from './screens-bench';

// `npm run bench`: every figure the issues ask for, in one run. Figures, not tests: nothing here fails on time.
// `npm run bench -- store` (or sidebar, segments, predict, widget, collector, backup, book, import, screens) runs one part.
const only = process.argv[2];
const want = (part: string) => !only || only === part;
console.log(`Clientela bench — ${new Date().toISOString()} — Node ${process.version}`);
if (want('store')) printRows('Customer book in Chromium IndexedDB (issue 2)', await runStoreBenchInChromium());
if (want('sidebar')) printRows('Inbox sidebar in Chromium (issue 4)', await runChatSwitchBench());
if (want('segments')) printRows('Segmentation and metrics, 100k customers / 1M orders (issue 3)', await runSegmentsBench());
if (want('predict')) printRows('Predicted value models (issue 3)', runPredictBench());
if (want('widget')) printRows('Storefront widget size (issue 5)', await runWidgetBench());
if (want('collector')) {
  printRows('Feedback collector on loopback, autocannon (issue 5)', await runCollectorBench());
  printRows('Collector rate limiter at 10k and 100k keys (best of 5 runs of 300k takes)', runRateLimiterBench());
}
if (want('backup')) printRows('Backup and restore in Chromium, 100k customers / 1M orders (issue 12)', await runBackupBench());
if (want('book')) printRows('The customer book page in Chromium, 100k customers (issue 13)', await runBookBench());
if (want('import')) printRows('Import of a seller’s export in Chromium, 1M orders / 100k customers (issue 14)', await runImportBench());
if (want('screens')) printRows('Hoje and Painel in Chromium, 100k customers / 1M orders (issue 15)', await runScreensBench());
