import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appHarness, OTHER, SHOP, submission } from './test-kit';

describe('GET /v1/feedback', () => {
  let h: ReturnType<typeof appHarness>;
  beforeEach(() => (h = appHarness()));
  afterEach(() => h.close());

  it('answers 401 with a Bearer challenge for a missing, wrong or other site token, and an unknown site', async () => {
    for (const [query, token] of [
      ['site=shop', null],
      ['site=shop', 'wrong-token'],
      ['site=shop', OTHER.token],
      ['site=shop', `${SHOP.token}x`],
      ['site=nobody', SHOP.token],
    ] as const) {
      const { response } = await h.list(query, token);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
    const basic = await h.app.request('/v1/feedback?site=shop', { headers: { authorization: `Basic ${SHOP.token}` } });
    expect(basic.status).toBe(401);
  });

  it('answers 429 with Retry-After to every read from an address past 10 refused reads a minute, others unaffected', async () => {
    const read = (path: string, token: string, address: string) =>
      h.app.request(path, { headers: { authorization: `Bearer ${token}`, 'x-test-address': address } });
    for (let i = 0; i < 10; i++) expect((await read('/v1/feedback?site=shop', `guess-${i}`, '198.51.100.1')).status).toBe(401);
    const limited = await read('/v1/feedback?site=shop', 'guess-10', '198.51.100.1');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('6');
    // The right token waits too (a right guess must not get through), on both read routes.
    expect((await read('/v1/feedback?site=shop', SHOP.token, '198.51.100.1')).status).toBe(429);
    expect((await read('/v1/screened?site=shop', SHOP.token, '198.51.100.1')).status).toBe(429);
    expect((await read('/v1/feedback?site=shop', SHOP.token, '198.51.100.2')).status).toBe(200);
    expect((await read('/v1/screened?site=nobody', SHOP.token, '198.51.100.2')).status).toBe(401);
    h.clock.now += 6_000;
    expect((await read('/v1/feedback?site=shop', SHOP.token, '198.51.100.1')).status).toBe(200);
    expect((await read('/v1/feedback?site=shop', 'guess-11', '198.51.100.1')).status).toBe(401);
    expect((await read('/v1/feedback?site=shop', SHOP.token, '198.51.100.1')).status).toBe(429);
  });

  it('answers 400 naming site, after and limit when they are unusable', async () => {
    expect((await h.list('')).body).toMatchObject({ field: 'site' });
    for (const query of ['site=shop&limit=0', 'site=shop&limit=501', 'site=shop&limit=ten', 'site=shop&limit=2.5']) {
      const { response, body } = await h.list(query);
      expect(response.status).toBe(400);
      expect(body.field).toBe('limit');
    }
    expect((await h.list('site=shop&after=-1')).body).toMatchObject({ field: 'after' });
  });

  it('pages in commit order with a cursor, next null at the end, and resumes after later writes', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const body = submission({ score: (i % 5) + 1 });
      ids.push(body.id as string);
      expect((await h.post(body)).status).toBe(201);
      // Interleave another site: its rows take sequence numbers but never show in shop's pages.
      await h.post(submission({ site: 'other' }), { origin: 'https://outra.example' });
    }
    const seen: string[] = [];
    let after = '0';
    let pages = 0;
    for (;;) {
      const { response, body } = await h.list(`site=shop&limit=2&after=${after}`);
      expect(response.status).toBe(200);
      pages += 1;
      seen.push(...body.items.map((item) => item.id));
      expect(body.items.every((item) => item.site === 'shop')).toBe(true);
      if (body.next === null) {
        after = body.cursor;
        break;
      }
      after = body.next;
    }
    expect(seen).toEqual(ids);
    expect(pages).toBe(3);
    const empty = await h.list(`site=shop&after=${after}`);
    expect(empty.body).toEqual({ items: [], next: null, cursor: after });
    const later = submission();
    await h.post(later);
    expect((await h.list(`site=shop&after=${after}`)).body.items.map((item) => item.id)).toEqual([later.id]);
  });

  it('defaults to 100 items a page', async () => {
    for (let i = 0; i < 101; i++) await h.post(submission());
    const { body } = await h.list('site=shop');
    expect(body.items).toHaveLength(100);
    expect(body.next).not.toBeNull();
  });
});

describe('GET /healthz', () => {
  it('answers 200 { ok: true }', async () => {
    const h = appHarness();
    const response = await h.app.request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    h.close();
  });
});
