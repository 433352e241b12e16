import { afterEach, describe, expect, it } from 'vitest';
import { TokenBucketLimiter } from './rate-limiter';
import { appHarness, submission } from './test-kit';

describe('TokenBucketLimiter', () => {
  it('allows a burst of perMinute, then one more per 60/perMinute seconds, per key', () => {
    const clock = { now: 0 };
    const limiter = new TokenBucketLimiter({ perMinute: 30, now: () => clock.now });
    for (let i = 0; i < 30; i++) expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 2 });
    expect(limiter.take('b').ok).toBe(true);
    clock.now += 1000;
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 1 });
    clock.now += 1000;
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('a').ok).toBe(false);
  });

  it('keeps memory bounded under many addresses', () => {
    const limiter = new TokenBucketLimiter({ perMinute: 1, now: () => 0, maxTrackedKeys: 100 });
    for (let i = 0; i < 1000; i++) limiter.take(`10.0.${i >> 8}.${i & 255}`);
    expect(limiter.take('10.0.3.231').ok).toBe(false);
    expect(limiter.take('10.0.0.0').ok).toBe(true);
  });
});

describe('rate limits on POST /v1/feedback', () => {
  let h: ReturnType<typeof appHarness> | undefined;
  afterEach(() => h?.close());

  it('answers 429 with Retry-After per address, leaving other addresses alone', async () => {
    h = appHarness({ rateLimits: { perAddressPerMinute: 3 } });
    for (let i = 0; i < 3; i++) expect((await h.post(submission())).status).toBe(201);
    const limited = await h.post(submission());
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('20');
    expect(limited.headers.get('access-control-expose-headers')).toContain('Retry-After');
    expect((await h.post(submission(), { 'x-test-address': '198.51.100.9' })).status).toBe(201);
    h.clock.now += 20_000;
    expect((await h.post(submission())).status).toBe(201);
  });

  it('answers 429 with Retry-After per site, whatever the address', async () => {
    h = appHarness({ rateLimits: { perSitePerMinute: 5 } });
    for (let i = 0; i < 5; i++) expect((await h.post(submission(), { 'x-test-address': `192.0.2.${i}` })).status).toBe(201);
    const limited = await h.post(submission(), { 'x-test-address': '192.0.2.200' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await h.post(submission({ site: 'other' }), { origin: 'https://outra.example' })).status).toBe(201);
  });
});
