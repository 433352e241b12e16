import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMITS } from './app';
import { TokenBucketLimiter } from './rate-limiter';
import { appHarness, SHOP, submission } from './test-kit';

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

  it('keeps every busy bucket when the limiter is full of them: new keys share one overflow bucket', () => {
    const limiter = new TokenBucketLimiter({ perMinute: 2, now: () => 0, maxTrackedKeys: 100 });
    for (let i = 0; i < 100; i++) limiter.take(`busy-${i}`);
    const newcomers = Array.from({ length: 100_000 }, (_, i) => limiter.take(`new-${i}`).ok);
    expect(newcomers.filter(Boolean)).toHaveLength(2);
    expect(limiter.size).toBe(100);
    // Each busy key still has the one token it had left, and no more: none was handed a fresh bucket.
    for (let i = 0; i < 100; i++) {
      expect(limiter.take(`busy-${i}`).ok).toBe(true);
      expect(limiter.take(`busy-${i}`)).toEqual({ ok: false, retryAfterSeconds: 30 });
    }
  });

  it('forgets the least recently used key once its bucket has refilled, so new keys get their own again', () => {
    const clock = { now: 0 };
    const limiter = new TokenBucketLimiter({ perMinute: 2, now: () => clock.now, maxTrackedKeys: 3 });
    for (const key of ['a', 'b', 'c']) limiter.take(key);
    clock.now = 30_000;
    for (const key of ['a', 'b']) limiter.take(key);
    // c has refilled (its last take is 30 s old); a and b were just used: the new key takes c's place.
    expect(limiter.take('d').ok).toBe(true);
    expect(limiter.size).toBe(3);
    // a and b are still refilling, so there is no room: new keys share one overflow bucket of 2 tokens.
    expect(limiter.take('e').ok).toBe(true);
    expect(limiter.take('f').ok).toBe(true);
    expect(limiter.take('g')).toEqual({ ok: false, retryAfterSeconds: 30 });
    // d kept a bucket of its own.
    expect(limiter.take('d').ok).toBe(true);
    expect(limiter.take('d').ok).toBe(false);
  });

  it('keeps a busy key limited while 100 000 other keys come and go', () => {
    const clock = { now: 0 };
    const limiter = new TokenBucketLimiter({ perMinute: 30, now: () => clock.now, maxTrackedKeys: 1000 });
    while (limiter.take('busy').ok);
    let busyAllowed = 0;
    let visitorsRefused = 0;
    for (let i = 0; i < 100_000; i++) {
      clock.now += 10;
      if (!limiter.take(`visitor-${i}`).ok) visitorsRefused += 1;
      if (limiter.take('busy').ok) busyAllowed += 1;
    }
    expect(visitorsRefused).toBe(0);
    // 1000 s at one token per 2 s: never a fresh burst of 30.
    expect(busyAllowed).toBe(500);
    expect(limiter.size).toBe(1000);
  });

  it('peeks without taking, touching nor creating', () => {
    const limiter = new TokenBucketLimiter({ perMinute: 1, now: () => 0, maxTrackedKeys: 1 });
    expect(limiter.peek('a')).toEqual({ ok: true });
    expect(limiter.size).toBe(0);
    limiter.take('a');
    expect(limiter.peek('a')).toEqual({ ok: false, retryAfterSeconds: 60 });
    // The limiter is full of a busy key: a new key would draw from the overflow bucket, still full.
    expect(limiter.peek('b')).toEqual({ ok: true });
    limiter.take('b');
    expect(limiter.peek('c')).toEqual({ ok: false, retryAfterSeconds: 60 });
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

  it('limits an IPv6 client by its /64 and an IPv4-mapped address as the IPv4 address', async () => {
    h = appHarness({ rateLimits: { perAddressPerMinute: 2 } });
    const from = async (address: string) => (await h!.post(submission(), { 'x-test-address': address })).status;
    expect(await from('2001:db8:0:1::1')).toBe(201);
    expect(await from('2001:db8:0:1:8f2a:11:2:3')).toBe(201);
    expect(await from('2001:db8:0:1::ffff')).toBe(429);
    expect(await from('2001:db8:0:2::1')).toBe(201);
    expect(await from('203.0.113.9')).toBe(201);
    expect(await from('::ffff:203.0.113.9')).toBe(201);
    expect(await from('203.0.113.9')).toBe(429);
    expect(await from('203.0.113.10')).toBe(201);
  });

  it('never lets bots spend the site budget: after 930 honeypot posts from 31 addresses a real visitor gets 201', async () => {
    h = appHarness({ rateLimits: DEFAULT_RATE_LIMITS });
    const statuses: number[] = [];
    for (let a = 0; a < 31; a++) {
      for (let i = 0; i < 30; i++) statuses.push((await h.post(submission({ hp: 'http://spam.example' }), { 'x-test-address': `198.51.100.${a}` })).status);
    }
    // Bots get a real submission's answers: 201, then 429 once their own budget (the site's size) is spent.
    expect(statuses.slice(0, 600).every((status) => status === 201)).toBe(true);
    expect(statuses.slice(600).every((status) => status === 429)).toBe(true);
    expect((await h.post(submission(), { 'x-test-address': '192.0.2.44' })).status).toBe(201);
    const screened = await h.app.request('/v1/screened?site=shop', { headers: { authorization: `Bearer ${SHOP.token}` } });
    expect(await screened.json()).toEqual({ counts: [{ day: '2026-11-22', reason: 'honeypot', count: 600 }] });
  });
});
