import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signContact } from './contact-signature';
import type { LogLine } from './request-log';
import { startCollector, type RunningCollector } from './start-collector';
import { pullAll, SHOP, submission, tempDir } from './test-kit';

const ORIGIN = 'https://loja.example';

describe('startCollector over real HTTP on 127.0.0.1', () => {
  let temp: ReturnType<typeof tempDir>;
  let collector: RunningCollector;
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${collector.url}/v1/feedback`, { method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN, ...headers }, body: JSON.stringify(body) });

  beforeAll(async () => {
    temp = tempDir();
    collector = await startCollector({ dataDir: temp.dir, sites: [SHOP], port: 0, rateLimits: { perAddressPerMinute: 1000 }, trustProxy: true, log: () => undefined });
  });
  afterAll(async () => {
    await collector.close();
    temp.remove();
  });

  it('listens on loopback and answers healthz', async () => {
    expect(collector.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await (await fetch(`${collector.url}/healthz`)).json()).toEqual({ ok: true });
  });

  it('answers a browser preflight, then stores, replays and lists', async () => {
    const preflight = await fetch(`${collector.url}/v1/feedback`, { method: 'OPTIONS', headers: { origin: ORIGIN, 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const contact = { email: 'ana@example.com' };
    const body = submission({ contact, consent: { given: true, text: 'Pode me contactar.', version: '1' }, token: signContact(SHOP.secret!, contact) });
    const created = await post(body);
    expect(created.status).toBe(201);
    const replay = await post(body);
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual(await created.json());
    const items = (await pullAll(collector.url, SHOP)) as { id: string; verified?: boolean }[];
    expect(items.filter((item) => item.id === body.id)).toEqual([expect.objectContaining({ verified: true })]);
  });

  it('refuses a chunked body over 16 KB while reading it', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${collector.url}/v1/feedback`, { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write(`{"site":"shop","id":"chunked-1","kind":"csat","score":5,"comment":"`);
      for (let i = 0; i < 40; i++) req.write('x'.repeat(1024));
      req.end('"}');
    });
    expect(status).toBe(413);
  });

  it('stores every one of many concurrent submissions exactly once (group commit)', async () => {
    const bodies = Array.from({ length: 120 }, () => submission());
    const statuses = await Promise.all([...bodies, ...bodies.slice(0, 30)].map(async (body) => (await post(body)).status));
    expect(statuses.filter((s) => s === 201)).toHaveLength(120);
    expect(statuses.filter((s) => s === 200)).toHaveLength(30);
    const ids = (await pullAll(collector.url, SHOP)).map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const body of bodies) expect(ids).toContain(body.id);
  });

  it('rate-limits by the proxy-appended X-Forwarded-For entry when trustProxy is on', async () => {
    const proxyTemp = tempDir();
    const limited = await startCollector({ dataDir: proxyTemp.dir, sites: [SHOP], port: 0, rateLimits: { perAddressPerMinute: 1 }, trustProxy: true, log: () => undefined });
    try {
      const send = (forwarded: string) =>
        fetch(`${limited.url}/v1/feedback`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': forwarded }, body: JSON.stringify(submission()) });
      expect((await send('1.1.1.1, 203.0.113.1')).status).toBe(201);
      // The visitor controls the left part: changing it does not buy a new bucket.
      expect((await send('9.9.9.9, 203.0.113.1')).status).toBe(429);
      expect((await send('203.0.113.2')).status).toBe(201);
      // An IPv6 visitor is its /64, however the proxy spells the address.
      expect((await send('2001:db8:0:1::1')).status).toBe(201);
      expect((await send('[2001:db8:0:1:0:0:0:2]:443')).status).toBe(429);
      expect((await send('2001:db8:0:2::1')).status).toBe(201);
    } finally {
      await limited.close();
      proxyTemp.remove();
    }
  });
});

/** A raw TCP connection to `url` that sends `text` (if any) and resolves with what came back once the server closed it. */
function rawConnection(url: string, text?: string): { answer: Promise<string>; socket: Socket; firstData: Promise<void> } {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  let data = '';
  let gotData = () => undefined as void;
  const firstData = new Promise<void>((resolve) => (gotData = resolve));
  socket.on('data', (chunk: Buffer) => {
    data += chunk.toString();
    gotData();
  });
  socket.on('error', () => undefined);
  if (text !== undefined) socket.on('connect', () => socket.write(text));
  return { socket, firstData, answer: new Promise((resolve) => socket.on('close', () => resolve(data))) };
}

describe('startCollector server limits', () => {
  let temp: ReturnType<typeof tempDir>;
  const logs: LogLine[] = [];
  beforeAll(() => (temp = tempDir()));
  afterAll(() => temp.remove());

  it('closes connections past maxConnections as they arrive, and serves again once one has closed', async () => {
    const collector = await startCollector({ dataDir: temp.dir, sites: [SHOP], port: 0, serverLimits: { maxConnections: 2 }, log: () => undefined });
    try {
      const held = [rawConnection(collector.url, 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n'), rawConnection(collector.url, 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n')];
      await Promise.all(held.map((connection) => connection.firstData));
      expect(await rawConnection(collector.url, 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n').answer).toBe('');
      for (const connection of held) connection.socket.destroy();
      await expect.poll(async () => (await fetch(`${collector.url}/healthz`).catch(() => null))?.status).toBe(200);
    } finally {
      await collector.close();
    }
  });

  it('answers 408 and closes a connection whose headers or body come too slowly, and closes idle kept-alive ones', async () => {
    const collector = await startCollector({
      dataDir: temp.dir,
      sites: [SHOP],
      port: 0,
      serverLimits: { headersTimeoutMs: 200, requestTimeoutMs: 400, keepAliveTimeoutMs: 200 },
      log: (line) => logs.push(line),
    });
    try {
      const [silent, slowHeaders, slowBody, idle] = await Promise.all([
        rawConnection(collector.url).answer,
        rawConnection(collector.url, 'GET /healthz HTTP/1.1\r\nHost: x\r\n').answer,
        rawConnection(collector.url, 'POST /v1/feedback HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"site":').answer,
        rawConnection(collector.url, 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n').answer,
      ]);
      for (const answer of [silent, slowHeaders, slowBody]) expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      expect(idle).toMatch(/^HTTP\/1\.1 200 [\s\S]*\{"ok":true\}$/);
    } finally {
      await collector.close();
    }
    // The body cut off by the timeout is the client's failure: logged as the 408 it got, not as a server error.
    expect(logs.filter((line) => line.level === 'error')).toEqual([]);
    expect(logs).toContainEqual(expect.objectContaining({ msg: 'request', method: 'POST', path: '/v1/feedback', status: 408 }));
  });
});
