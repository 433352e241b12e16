import { runStoreBenchInChromium } from './browser-bench';
import { printRows } from './rows';

// `npm run bench`: every figure the issues ask for, in one run. Figures, not tests: nothing here fails on time.
const only = process.argv[2];
console.log(`Clientela bench — ${new Date().toISOString()} — Node ${process.version}`);
if (!only || only === 'store') printRows('Customer book in Chromium IndexedDB (100k customers)', await runStoreBenchInChromium());
