import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCollector, type RunningCollector } from '../../collector';
import { openTestBook } from '../../core/store/test-book';
import { intakeLabels } from '../../core';
import { MAX_PAGE_BYTES, MAX_PAGES_PER_SYNC } from '../../extension/background/collector-sync';
import { CollectorService, type KeyValueStore } from '../../extension/background/collectors';
import type { Locale } from '../../extension/i18n/translate';

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
    // Unsigned: Ana's email is the visitor's claim, waiting for the seller, not Ana's feedback.
    expect(first).toMatchObject({ added: 251, duplicates: 0, matched: 0, created: 0, anonymous: 250, claims: 1, unreadable: 0 });
    expect(await book.feedback.listByCustomer(ana.id)).toEqual([]);
    const [claim] = await book.feedback.pendingClaimsFor(['email:ana@example.com']);
    await book.feedback.settleClaim(claim!.id, { link: ana.id });
    expect((await book.feedback.listByCustomer(ana.id)).map((f) => [f.kind, f.score, f.comment])).toEqual([['nps', 9, 'Entrega rápida <3']]);

    await submit(collector, 'visit-9999', { score: 3 });
    const [second] = await service.sync(config!.id);
    expect(second).toMatchObject({ added: 1, duplicates: 0, matched: 0, created: 0, anonymous: 1 });
    expect(await book.feedback.list()).toHaveLength(252);
    const { collectors } = await service.list();
    expect(collectors[0]).toMatchObject({ lastSync: { ok: true, added: 1 }, cursor: expect.any(String) });
  });
});

/** A fake collector: `/healthz` answers, and every page request is answered by `page(after)`. */
function fakeCollector(page: (after: string | null, request: number) => unknown | Promise<unknown>): { fetch: typeof fetch; requests: () => number } {
  let requests = 0;
  const fakeFetch = (async (url: string, init?: RequestInit) => {
    const parsed = new URL(url);
    if (parsed.pathname === '/healthz') return Response.json({ ok: true });
    // The connection test when the collector is added.
    if (parsed.searchParams.get('limit') === '1') return Response.json({ items: [], next: null, cursor: '0' });
    requests += 1;
    const body = await page(parsed.searchParams.get('after'), requests);
    if (body instanceof Response) return body;
    if (body === 'hang') {
      return new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    }
    return Response.json(body);
  }) as typeof fetch;
  return { fetch: fakeFetch, requests: () => requests };
}

const served = (id: string, extra: Record<string, unknown> = {}) =>
  ({ id, site: 'demo', kind: 'csat', score: 4, comment: null, contact: null, consent: null, page: null, locale: null, orderId: null, verified: false, receivedAt: '2026-11-29T10:00:00.000Z', ...extra });

async function serviceFor(fakeFetch: typeof fetch, locale: Locale = 'pt-BR', timeoutMs?: number) {
  const book = await openTestBook();
  const service = new CollectorService(book, memoryStorage(), fakeFetch, undefined, locale, timeoutMs);
  await service.add({ url: 'http://127.0.0.1:9', site: 'demo', token: 'token-token-token' });
  return { book, service };
}

describe('a sync that no item can stop', () => {
  it('sets aside a poisoned item with its reason, and the next good item arrives in the same sync', async () => {
    const poisoned = served('poison-0001', { locale: 'x'.repeat(36) });
    const { fetch: fakeFetch } = fakeCollector((after) =>
      after === null ? { items: [poisoned, served('good-00001')], next: '2', cursor: '2' } : { items: [served('good-00002')], next: null, cursor: '3' },
    );
    const { book, service } = await serviceFor(fakeFetch);
    const [result] = await service.sync();
    expect(result).toMatchObject({ added: 2, unreadable: 1 });
    expect((await book.feedback.list()).map((f) => f.externalId?.split('#').at(-1)).sort()).toEqual(['good-00001', 'good-00002']);
    const [collector] = (await service.list()).collectors;
    expect(collector).toMatchObject({ cursor: '3', lastSync: { ok: true, added: 2, unreadable: 1 } });
    expect(collector?.quarantine).toEqual({
      total: 1,
      items: [{ position: 0, id: 'poison-0001', reason: 'locale: is too long (35 characters at most)', raw: JSON.stringify(poisoned), at: expect.any(String) }],
    });
  });

  it('announces every change of what list() answers: the pull starting, each page, its end, an add and a remove', async () => {
    const { fetch: fakeFetch } = fakeCollector((after) =>
      after === null ? { items: [served('good-00001')], next: '2', cursor: '2' } : { items: [served('good-00002')], next: null, cursor: '3' },
    );
    const book = await openTestBook();
    // What a page hearing each announcement would read at that moment.
    const heard: string[] = [];
    const service: CollectorService = new CollectorService(book, memoryStorage(), fakeFetch, undefined, 'pt-BR', undefined, () => {
      heard.push('changed');
      void service.list().then(({ syncing, collectors }) => heard.push(`syncing=${syncing ? syncing.fetched : 'no'} synced=${collectors.some((c) => c.lastSync)}`));
    });
    const [config] = await service.add({ url: 'http://127.0.0.1:9', site: 'demo', token: 'token-token-token' });
    expect(heard.filter((entry) => entry === 'changed')).toHaveLength(1);
    heard.length = 0;
    await service.sync();
    await service.list();
    // The last announcement comes after the pull ended, so whoever reads then sees it over.
    expect(heard.filter((entry) => entry === 'changed').length).toBeGreaterThanOrEqual(4);
    expect(heard.at(-1)).toBe('syncing=no synced=true');
    heard.length = 0;
    await service.remove(config!.id);
    expect(heard).toContain('changed');
  });

  it('stops a collector whose cursor never ends at the page cap, with a clear last-sync message, keeping what it filed', async () => {
    const { fetch: fakeFetch, requests } = fakeCollector((after) => {
      const next = String(Number(after ?? 0) + 1);
      return { items: [served(`endless-${next.padStart(4, '0')}`)], next, cursor: next };
    });
    const { book, service } = await serviceFor(fakeFetch);
    await service.sync();
    expect(requests()).toBe(MAX_PAGES_PER_SYNC);
    const [collector] = (await service.list()).collectors;
    expect(collector?.lastSync).toMatchObject({ ok: false, added: MAX_PAGES_PER_SYNC, message: `Parou após ${MAX_PAGES_PER_SYNC} páginas (${MAX_PAGES_PER_SYNC} avaliações lidas); o resto vem na próxima sincronização` });
    expect(collector?.cursor).toBe(String(MAX_PAGES_PER_SYNC));
    expect(await book.feedback.list()).toHaveLength(MAX_PAGES_PER_SYNC);
  });

  it('stops at a cursor that does not move forward, taking none of the items behind it', async () => {
    const { fetch: fakeFetch, requests } = fakeCollector(() => ({ items: [served('again-00001')], next: '7', cursor: '7' }));
    const { book, service } = await serviceFor(fakeFetch, 'en');
    await service.sync();
    // The first page moves the cursor to 7; the second answers 7 again.
    expect(requests()).toBe(2);
    const [collector] = (await service.list()).collectors;
    expect(collector?.lastSync).toMatchObject({ ok: false, message: 'The collector did not move forward (cursor 7): pull stopped so it cannot run forever' });
    expect(await book.feedback.list()).toHaveLength(1);
  });

  it('refuses a page larger than the bound without reading it all', async () => {
    const { fetch: fakeFetch } = fakeCollector(() => new Response(new ReadableStream({
      pull(controller) {
        controller.enqueue(new Uint8Array(1024 * 1024).fill(32));
      },
    })));
    const { book, service } = await serviceFor(fakeFetch, 'en');
    await service.sync();
    expect((await service.list()).collectors[0]?.lastSync).toMatchObject({ ok: false, message: `The collector sent a page larger than ${MAX_PAGE_BYTES / 1024 / 1024} MB: pull stopped` });
    expect(await book.feedback.list()).toEqual([]);
  });

  it("lets another collector's sync finish while one hangs, then gives up on the hanging one", async () => {
    const book = await openTestBook();
    const storage = memoryStorage();
    let goodDone = false;
    let goodDoneBeforeGivingUp: boolean | null = null;
    const fakeFetch = (async (url: string, init?: RequestInit) => {
      const parsed = new URL(url);
      if (parsed.pathname === '/healthz' || parsed.searchParams.get('limit') === '1') return Response.json(parsed.pathname === '/healthz' ? { ok: true } : { items: [], next: null, cursor: '0' });
      if (parsed.hostname === 'localhost') {
        // The hanging collector answers only when the request gives up, and must find the good one done.
        return new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => {
          goodDoneBeforeGivingUp = goodDone;
          reject(init.signal?.reason);
        }));
      }
      goodDone = true;
      return Response.json({ items: [served('good-00001')], next: null, cursor: '1' });
    }) as typeof fetch;
    const service = new CollectorService(book, storage, fakeFetch, undefined, 'en', 2000);
    await service.add({ url: 'http://localhost:9', site: 'demo', token: 'token-token-token' });
    await service.add({ url: 'http://127.0.0.1:9', site: 'demo', token: 'token-token-token' });
    await service.sync();
    const byUrl = Object.fromEntries((await service.list()).collectors.map((c) => [c.url, c.lastSync]));
    expect(byUrl['http://127.0.0.1:9']).toMatchObject({ ok: true, added: 1 });
    expect(byUrl['http://localhost:9']).toMatchObject({ ok: false, message: 'The collector did not answer within 2 seconds' });
    expect(goodDoneBeforeGivingUp).toBe(true);
  });

  it('keeps the last sync as failed, naming the field, when the page itself is unreadable', async () => {
    const { fetch: fakeFetch } = fakeCollector(() => ({ items: [], next: 'amanhã' }));
    const { book, service } = await serviceFor(fakeFetch, 'es');
    await service.sync();
    const { collectors } = await service.list();
    expect(collectors[0]?.lastSync).toMatchObject({ ok: false, added: 0 });
    expect(collectors[0]?.lastSync?.message).toMatch(/^El recolector envió valoraciones que esta versión no puede leer \(next: must be a cursor/);
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
