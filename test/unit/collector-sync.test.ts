import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCollector, type RunningCollector } from '../../collector';
import { openTestBook } from '../../core/store/test-book';
import { intakeLabels } from '../../core';
import { CollectorService, type KeyValueStore } from '../../extension/background/collectors';

/** The token was drawn once with generateSecret(): the collector refuses weak ones. */
const SITE = { key: 'loja', origins: ['http://127.0.0.1:8788'], token: 'M3Ed6bOieFFjfMeQjyi8gdr1gb7mwcek' };

function memoryStorage(): KeyValueStore {
  const map = new Map<string, unknown>();
  return { get: async (key) => structuredClone(map.get(key)), set: async (key, value) => void map.set(key, structuredClone(value)) };
}

async function submit(collector: RunningCollector, id: string, body: Record<string, unknown>) {
  const response = await fetch(`${collector.url}/v1/feedback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: SITE.origins[0]! },
    body: JSON.stringify({ site: SITE.key, id, kind: 'csat', score: 5, elapsedMs: 5000, ...body }),
  });
  expect(response.status).toBe(201);
}

describe('pulling feedback from a real collector over loopback HTTP', () => {
  let collector: RunningCollector;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'clientela-sync-'));
    collector = await startCollector({ dataDir: dir, sites: [SITE], port: 0, log: () => undefined, rateLimits: { perAddressPerMinute: 10_000, perSitePerMinute: 10_000 } });
  });
  afterAll(async () => {
    await collector.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('tests the connection, refuses a wrong token, then pulls page after page exactly once', async () => {
    const book = await openTestBook();
    const ana = await book.customers.create({ displayName: 'Ana', identities: [{ kind: 'email', value: 'ana@example.com' }] });
    const service = new CollectorService(book, memoryStorage(), undefined, undefined, 'en');
    await expect(service.add({ url: collector.url, site: SITE.key, token: 'errado' })).rejects.toThrowError(/refused the site key or token/);
    await expect(service.add({ url: 'http://127.0.0.1:1', site: SITE.key, token: SITE.token })).rejects.toThrowError(/No collector answers/);
    const brazilian = new CollectorService(book, memoryStorage(), undefined, undefined, 'pt-BR');
    await expect(brazilian.add({ url: collector.url, site: SITE.key, token: 'errado' })).rejects.toThrowError('O coletor recusou a chave do site ou o token');
    await expect(brazilian.add({ url: 'http://loja.example', site: SITE.key, token: SITE.token })).rejects.toThrowError(/precisa ser acessado por https/);
    const [config] = await service.add({ url: `${collector.url}/`, site: SITE.key, token: SITE.token });

    const consent = { given: true, text: 'Aceito ser contatada', version: '1' };
    await submit(collector, 'visit-0001', { kind: 'nps', score: 9, comment: 'Entrega rápida <3', contact: { email: 'ANA@example.com' }, consent });
    for (let i = 0; i < 250; i++) await submit(collector, `visit-${String(i + 2).padStart(4, '0')}`, { score: 1 + (i % 5) });
    const [first] = await service.sync();
    expect(first).toEqual({ added: 251, duplicates: 0, matched: 1, created: 0, anonymous: 250 });
    expect((await book.feedback.listByCustomer(ana.id)).map((f) => [f.kind, f.score, f.comment])).toEqual([['nps', 9, 'Entrega rápida <3']]);

    await submit(collector, 'visit-9999', { score: 3 });
    const [second] = await service.sync(config!.id);
    expect(second).toEqual({ added: 1, duplicates: 0, matched: 0, created: 0, anonymous: 1 });
    expect(await book.feedback.list()).toHaveLength(252);
    const { collectors } = await service.list();
    expect(collectors[0]).toMatchObject({ lastSync: { ok: true, added: 1 }, cursor: expect.any(String) });
  });
});

describe('a collector that answers something unreadable', () => {
  it('keeps the last sync as failed, in the seller\'s words naming the field, and adds nothing', async () => {
    const book = await openTestBook();
    const answers: Record<string, unknown> = {
      '/healthz': { ok: true },
      '/v1/feedback': { items: [{ id: 'x', site: 'demo', kind: 'csat', score: 9 }], next: null },
    };
    const fakeFetch = (async (url: string) => {
      const path = new URL(url).pathname;
      return new Response(JSON.stringify(answers[path]), { status: 200, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    const service = new CollectorService(book, memoryStorage(), fakeFetch, undefined, 'es');
    await service.add({ url: 'http://127.0.0.1:9', site: 'demo', token: SITE.token });
    await service.sync();
    const { collectors } = await service.list();
    expect(collectors[0]?.lastSync).toMatchObject({ ok: false, added: 0 });
    expect(collectors[0]?.lastSync?.message).toMatch(/^El recolector envió valoraciones que esta versión no puede leer \(.*items\[0\]\.score/);
    expect(await book.feedback.list()).toEqual([]);
  });
});

describe("the intake's words", () => {
  it("are the seller's language, for every locale we speak", () => {
    expect(intakeLabels('pt-BR').anonymousVisitors('loja-da-ana')).toBe('Visitantes anônimos (loja-da-ana)');
    expect(intakeLabels('pt-PT').anonymousVisitors('x')).toBe('Visitantes anónimos (x)');
    expect([intakeLabels('es').originField, intakeLabels('es').originStore]).toEqual(['origen', 'tienda']);
    expect([intakeLabels('en').originField, intakeLabels('en').originStore]).toEqual(['source', 'store']);
  });
});
