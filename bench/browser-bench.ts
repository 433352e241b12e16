import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import type { BenchRow } from './rows';

const CHROMIUM = process.env.CLIENTELA_CHROMIUM ?? '/usr/bin/chromium';

/** The book in real Chromium IndexedDB: bulk insert of 100k customers, then lookups by identity. */
export async function runStoreBenchInChromium(count = 100_000, lookups = 2_000): Promise<BenchRow[]> {
  const bundle = await build({
    entryPoints: [resolve(import.meta.dirname, 'store-bench.browser.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    minify: true,
    target: 'chrome120',
  });
  const script = bundle.outputFiles[0]?.text ?? '';
  // Served from loopback so the page has a real origin with IndexedDB (about:blank has none).
  const server = createServer((request, response) => {
    if (request.url === '/bench.js') response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>bench</title><script src="/bench.js"></script>');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    const result = await page.evaluate(
      ([n, k]) => (globalThis as unknown as { runStoreBench: (n: number, k: number) => Promise<{ count: number; insertMs: number; p50: number; p95: number; lookups: number }> }).runStoreBench(n, k),
      [count, lookups] as const,
    );
    return [
      { figure: `bulk insert of ${result.count.toLocaleString('en')} customers (one transaction)`, value: `${(result.insertMs / 1000).toFixed(2)} s`, note: `${Math.round(result.count / (result.insertMs / 1000)).toLocaleString('en')} customers/s` },
      { figure: `lookup by identity p50 (${result.lookups} lookups)`, value: `${result.p50.toFixed(2)} ms` },
      { figure: `lookup by identity p95 (${result.lookups} lookups)`, value: `${result.p95.toFixed(2)} ms`, goal: '≤ 5 ms', met: result.p95 <= 5 },
    ];
  } finally {
    await browser.close();
    server.close();
  }
}
