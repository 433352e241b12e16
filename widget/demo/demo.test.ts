import { readFile } from 'node:fs/promises';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCsp } from './csp';
import { startFakeCollector, type FakeCollector } from './fake-collector';
import { serveDemo, type DemoServer } from './serve';

describe('demo CSP', () => {
  it('is nonce-based and strict, and lets the page talk only to the collector', () => {
    expect(demoCsp('abc123abc', 'https://collector.example')).toBe(
      "default-src 'none'; script-src 'self' 'nonce-abc123abc'; style-src 'self' 'nonce-abc123abc'; connect-src https://collector.example; img-src 'self'; base-uri 'none'; form-action 'none'",
    );
  });

  it('refuses values that could inject a directive or a header', () => {
    expect(() => demoCsp("abc'; script-src *", 'https://c.example')).toThrow();
    expect(() => demoCsp('abc123abc', 'https://c.example; script-src *')).toThrow();
    expect(() => demoCsp('abc123abc', 'https://c.example\r\nX: y')).toThrow();
  });

  it('matches the <meta> copy in every demo page (modulo nonce and collector)', async () => {
    for (const name of ['index.html', 'obrigado.html', 'hostile.html']) {
      const html = await readFile(new URL(`./${name}`, import.meta.url), 'utf8');
      expect(html, name).toContain(`content="${demoCsp('__CSP_NONCE__', 'http://127.0.0.1:8787')}"`);
    }
  });
});

describe('demo server', () => {
  let dir: string;
  let demo: DemoServer;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'clientela-widget-demo-'));
    await writeFile(join(dir, 'clientela-widget.js'), '/* loader */');
    demo = await serveDemo({ collectorOrigin: 'http://127.0.0.1:9999', widgetDir: dir });
  });
  afterAll(async () => {
    await demo.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('puts a fresh nonce in the CSP header and in the page, and points the page at the collector', async () => {
    const [a, b] = await Promise.all([fetch(demo.url), fetch(demo.url + 'index.html')]);
    const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? '')?.[1];
    const [na, nb] = [nonceOf(a.headers.get('content-security-policy')), nonceOf(b.headers.get('content-security-policy'))];
    expect(na).toBeTruthy();
    expect(na).not.toBe(nb);
    const html = await a.text();
    expect(html).not.toContain('__CSP_NONCE__');
    expect(html).toContain(`nonce="${na}"`);
    expect(html).toContain('data-endpoint="http://127.0.0.1:9999"');
    expect(a.headers.get('content-security-policy')).toContain('connect-src http://127.0.0.1:9999');
  });

  it('serves the built widget, and nothing outside its two folders', async () => {
    const loader = await fetch(demo.url + 'clientela-widget.js');
    expect(loader.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await loader.text()).toBe('/* loader */');
    for (const path of ['../package.json', '%2e%2e/package.json', 'serve.ts', 'nope.html', 'clientela-widget-ui.js']) expect((await fetch(demo.url + path)).status, path).toBe(404);
    expect((await fetch(demo.url, { method: 'POST' })).status).toBe(405);
  });
});

describe('fake collector', () => {
  let collector: FakeCollector;
  beforeAll(async () => {
    collector = await startFakeCollector();
  });
  afterAll(() => collector.close());

  const post = (body: unknown, origin = 'http://127.0.0.1:1234') =>
    fetch(collector.origin + '/v1/feedback', { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: JSON.stringify(body) });

  it('answers the CORS preflight for loopback pages only', async () => {
    const ok = await fetch(collector.origin + '/v1/feedback', { method: 'OPTIONS', headers: { origin: 'http://127.0.0.1:1234', 'access-control-request-method': 'POST' } });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:1234');
    const other = await fetch(collector.origin + '/v1/feedback', { method: 'OPTIONS', headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('stores an id once however often it arrives, and fails on demand', async () => {
    expect((await post({ id: 'a', score: 5 })).status).toBe(201);
    expect((await post({ id: 'a', score: 5 })).status).toBe(200);
    collector.failWith(503, { 'retry-after': '1' });
    const failed = await post({ id: 'b' });
    expect([failed.status, failed.headers.get('retry-after'), failed.headers.get('access-control-expose-headers')]).toEqual([503, '1', 'Retry-After']);
    collector.failWith(null);
    expect((await post({ nope: true })).status).toBe(400);
    expect(collector.received.map((r) => r.id)).toEqual(['a', 'a', 'b']);
    expect([...collector.rows.keys()]).toEqual(['a']);
  });
});
