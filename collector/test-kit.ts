// Shared fixtures of the collector tests (not itself a test file).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createApp, type RateLimits } from './app';
import type { FeedbackItem, FeedbackStore } from './feedback-store';
import type { LogLine } from './request-log';
import type { Site } from './sites';
import { SqliteFeedbackStore } from './sqlite-store';

/**
 * Two shops: `shop` signs contacts with its own secret; `other` falls back to its token. Their credentials are
 * constants drawn once with generateSecret(), strong as the sites file demands.
 */
export const SHOP: Site = { key: 'shop', origins: ['https://loja.example', 'http://localhost:8788'], token: 'jVqJiMqHjSMvFJDh8-6giPaKYWF9Rthw', secret: 'ynJzF0g42iHvH4ouLCD2Q6FydWktg4i9' };
export const OTHER: Site = { key: 'other', origins: ['https://outra.example'], token: 'GihaUIeh6Wkyy6yM7ahP_xjhZnUP3Mz3' };

/** A temp folder removed by the returned function. */
export function tempDir(prefix = 'clientela-collector-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Environment for a spawned collector keeping its data in `dir`, with a sites file there listing SHOP. */
export function collectorEnv(dir: string, extra: Record<string, string> = {}): Record<string, string> {
  const sitesFile = join(dir, 'sites.json');
  writeFileSync(sitesFile, JSON.stringify({ sites: [SHOP] }));
  return { CLIENTELA_DATA: dir, CLIENTELA_SITES: sitesFile, ...extra };
}

let counter = 0;

/** A valid csat submission for `shop` with a fresh idempotency id. */
export function submission(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return { site: 'shop', id: `fb-${Date.now().toString(36)}-${counter}`, kind: 'csat', score: 5, elapsedMs: 9000, ...overrides };
}

/** A collector child process (by default `node --import tsx collector/server.ts`), and its URL once listening. */
export interface CollectorChild {
  child: ChildProcess;
  url: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stdout: () => string;
}

const ROOT = resolve(import.meta.dirname, '..');

/** Spawns the real entry point (or `nodeArgs`, e.g. a built bundle) on a free loopback port; resolves when it logs `listening`. */
export function spawnCollector(env: Record<string, string>, nodeArgs = ['--import', 'tsx', 'collector/server.ts']): Promise<CollectorChild> {
  const child = spawn(process.execPath, nodeArgs, {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.once('exit', (code, signal) => done({ code, signal })));
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`collector did not start in time: ${err}`)), 15_000);
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /"msg":"listening","url":"([^"]+)"/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolvePromise({ child, url: match[1], exited, stdout: () => out });
      }
    });
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`collector exited with ${code} before listening: ${err}`));
    });
  });
}

/** Every item of a site, following `next` to the end. */
export async function pullAll(url: string, site: Site): Promise<{ id: string }[]> {
  const items: { id: string }[] = [];
  let after = '0';
  for (;;) {
    const response = await fetch(`${url}/v1/feedback?site=${site.key}&after=${after}&limit=500`, { headers: { authorization: `Bearer ${site.token}` } });
    if (response.status !== 200) throw new Error(`pull answered ${response.status}`);
    const page = (await response.json()) as { items: { id: string }[]; next: string | null };
    items.push(...page.items);
    if (page.next === null) return items;
    after = page.next;
  }
}

/**
 * A createApp() over `store` (default: a real SQLite file in a temp folder), a settable clock and captured log
 * lines. close() closes the store.
 */
export function appHarness(options: { rateLimits?: Partial<RateLimits>; store?: FeedbackStore } = {}) {
  let temp: ReturnType<typeof tempDir> | undefined;
  const store = options.store ?? SqliteFeedbackStore.open((temp = tempDir()).dir);
  const clock = { now: Date.parse('2026-11-22T19:28:00Z') };
  const logs: LogLine[] = [];
  const app = createApp({
    store,
    sites: [SHOP, OTHER],
    rateLimits: { perAddressPerMinute: 1000, perSitePerMinute: 1000, ...options.rateLimits },
    clientAddress: (c) => c.req.header('x-test-address') ?? '203.0.113.7',
    now: () => clock.now,
    log: (line) => logs.push(line),
  });
  /** POSTs a JSON body (or raw text) as a browser on `origin` would; a header given as '' is left out. */
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    app.request('/v1/feedback', {
      method: 'POST',
      headers: Object.entries({ 'content-type': 'application/json', origin: 'https://loja.example', ...headers }).filter(([, value]) => value !== ''),
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  /** GETs the feedback list as the extension would. */
  const list = async (query: string, token: string | null = SHOP.token) => {
    const response = await app.request(`/v1/feedback?${query}`, { headers: token === null ? {} : { authorization: `Bearer ${token}` } });
    return { response, body: (await response.json()) as { items: FeedbackItem[]; next: string | null; cursor: string; error?: string; field?: string } };
  };
  const close = async () => {
    await store.close();
    temp?.remove();
  };
  return { app, store, clock, logs, post, list, close };
}
