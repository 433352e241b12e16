import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appHarness, submission } from './test-kit';

const preflight = (h: ReturnType<typeof appHarness>, origin?: string) =>
  h.app.request('/v1/feedback', {
    method: 'OPTIONS',
    headers: { ...(origin ? { origin } : {}), 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
  });

describe('CORS', () => {
  let h: ReturnType<typeof appHarness>;
  beforeEach(() => (h = appHarness()));
  afterEach(() => h.close());

  it('answers a preflight from an origin any site lists', async () => {
    for (const origin of ['https://loja.example', 'https://outra.example']) {
      const response = await preflight(h, origin);
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
      expect(response.headers.get('access-control-allow-methods')).toBe('POST');
      expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toBe('content-type');
      expect(response.headers.get('vary')).toContain('Origin');
    }
  });

  it('refuses a preflight from an unlisted or missing origin, without CORS headers', async () => {
    for (const origin of ['https://evil.example', 'https://loja.example.evil.example', 'null', undefined]) {
      const response = await preflight(h, origin);
      expect(response.status).toBe(403);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('re-checks the origin against the site on the POST after a preflight it passed', async () => {
    expect((await preflight(h, 'https://outra.example')).status).toBe(204);
    const response = await h.post(submission({ site: 'shop' }), { origin: 'https://outra.example' });
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets a listed origin read errors found before the site is known', async () => {
    const response = await h.post('not json', { origin: 'https://loja.example' });
    expect(response.status).toBe(400);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://loja.example');
    const stranger = await h.post('not json', { origin: 'https://evil.example' });
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets the Clientela extension read feedback and health from its own origin, guarded by the token', async () => {
    const extension = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    const pre = await h.app.request('/v1/feedback?site=shop', {
      method: 'OPTIONS',
      headers: { origin: extension, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(extension);
    expect(pre.headers.get('access-control-allow-headers')).toBe('Authorization');
    const read = await h.app.request('/v1/feedback?site=shop', { headers: { origin: extension, authorization: 'Bearer wrong' } });
    expect(read.status).toBe(401);
    expect(read.headers.get('access-control-allow-origin')).toBe(extension);
    const health = await h.app.request('/healthz', { headers: { origin: 'moz-extension://5b4c2a10-8d1e-4f6a-9a51-0c7e3c2b1a99' } });
    expect(health.headers.get('access-control-allow-origin')).toBe('moz-extension://5b4c2a10-8d1e-4f6a-9a51-0c7e3c2b1a99');
    const web = await h.app.request('/v1/feedback?site=shop', { headers: { origin: 'https://evil.example', authorization: 'Bearer x' } });
    expect(web.headers.get('access-control-allow-origin')).toBeNull();
  });
});
