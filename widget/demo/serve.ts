// The demo store on loopback: `npx tsx widget/demo/serve.ts [--port 8080] [--fake-collector]` (builds the widget
// first). The end-to-end tests import serveDemo() and serve a fresh build the same way.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { buildWidget, WIDGET_OUTDIR } from '../build';
import { demoCsp } from './csp';
import { startFakeCollector } from './fake-collector';

const DEMO_DIR = import.meta.dirname;
/** The collector origin written in the demo pages; each response swaps in the one the server was given. */
export const DEFAULT_COLLECTOR = 'http://127.0.0.1:8787';
/** The nonce placeholder written in the demo pages (also a valid nonce, so the files work opened directly). */
const NONCE_PLACEHOLDER = /__CSP_NONCE__/g;
const WIDGET_FILES = new Set(['clientela-widget.js', 'clientela-widget-ui.js', 'clientela-widget.d.ts']);

export interface DemoServerOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Where the demo's widget tag sends feedback (and what its CSP lets it connect to). */
  collectorOrigin?: string;
  /** Built widget files; default .output/widget. */
  widgetDir?: string;
}

export interface DemoServer {
  /** Base URL, ending with a slash. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves widget/demo/*.html with a fresh nonce per response, put both in the CSP header and in every
 * `nonce="…"` of the page, and the built widget files. GET/HEAD only, 127.0.0.1 only, no directory listing.
 */
export async function serveDemo(options: DemoServerOptions = {}): Promise<DemoServer> {
  const collectorOrigin = options.collectorOrigin ?? DEFAULT_COLLECTOR;
  const widgetDir = options.widgetDir ?? WIDGET_OUTDIR;
  const server = createServer((req, res) => {
    const send = async () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return res.writeHead(405).end();
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const name = path === '/' ? 'index.html' : path.slice(1);
      const common = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
      if (name === 'favicon.ico') return res.writeHead(204, common).end();
      if (WIDGET_FILES.has(name)) {
        const body = await readFile(join(widgetDir, name));
        const type = name.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/plain; charset=utf-8';
        return res.writeHead(200, { ...common, 'content-type': type }).end(req.method === 'HEAD' ? undefined : body);
      }
      // Page names are plain words: no slashes, no dots other than the extension, so no way out of the folder.
      if (!/^[a-z0-9-]+\.html$/.test(name)) return res.writeHead(404, common).end('not found');
      const nonce = randomBytes(18).toString('base64');
      const csp = demoCsp(nonce, collectorOrigin);
      const html = (await readFile(join(DEMO_DIR, name), 'utf8')).replace(NONCE_PLACEHOLDER, nonce).replaceAll(DEFAULT_COLLECTOR, collectorOrigin);
      res.writeHead(200, { ...common, 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp });
      res.end(req.method === 'HEAD' ? undefined : html);
    };
    send().catch((error: NodeJS.ErrnoException) => {
      if (!res.headersSent) res.writeHead(error.code === 'ENOENT' ? 404 : 500).end(error.code === 'ENOENT' ? 'not found' : 'error');
    });
  });
  await new Promise<void>((done) => server.listen(options.port ?? 0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '8080' }, 'fake-collector': { type: 'boolean', default: false } } });
  await buildWidget();
  const collector = values['fake-collector'] ? await startFakeCollector({ port: 8787 }) : null;
  const demo = await serveDemo({ port: Number(values.port) });
  console.log(`Demo store: ${demo.url} (also ${demo.url}obrigado.html and ${demo.url}hostile.html)`);
  console.log(collector ? `Fake collector: ${collector.origin} (rows are printed as they arrive)` : `Feedback goes to ${DEFAULT_COLLECTOR}: start the collector there, or pass --fake-collector.`);
  if (collector) {
    let seen = 0;
    setInterval(() => {
      for (const body of collector.received.slice(seen)) console.log('feedback', JSON.stringify(body));
      seen = collector.received.length;
    }, 500).unref();
  }
}
