import { afterEach, describe, expect, it } from 'vitest';
import { MAX_AGE_MS, createDelivery, type DeliveryDeps } from './delivery';
import type { FeedbackPayload } from './payload';
import { samplePayload } from './test-payload';

const KEY = 'clientela:outbox:demo';
type Reply = number | 'network' | { status: number; headers: Record<string, string> };

/** localStorage as a Map, counting writes so tests can say "nothing was stored". */
class MemoryStorage {
  items = new Map<string, string>();
  writes = 0;
  failWrites = false;
  get length() {
    return this.items.size;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.writes++;
    if (this.failWrites) throw new DOMException('full', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.writes++;
    this.items.delete(key);
  }
}

/** A page's worth of delivery with a hand-driven clock: `advance(ms)` fires due timers and lets them finish. */
function world(replies: Reply[], storage = new MemoryStorage()) {
  let now = Date.parse('2026-05-01T12:00:00Z');
  let nextTimer = 1;
  const timers = new Map<number, { at: number; run: () => void }>();
  const sent: FeedbackPayload[] = [];
  const deps: DeliveryDeps = {
    fetch: async (_url, init) => {
      sent.push(JSON.parse(init.body as string) as FeedbackPayload);
      const reply = replies.shift() ?? 201;
      if (reply === 'network') throw new TypeError('Failed to fetch');
      return typeof reply === 'number' ? new Response(null, { status: reply }) : new Response(null, reply);
    },
    stringify: JSON.stringify,
    parse: JSON.parse,
    keys: Object.keys,
    storage: storage as unknown as Storage,
    now: () => now,
    random: () => 0.5,
    setTimeout: (run, ms) => {
      timers.set(nextTimer, { at: now + ms, run });
      return nextTimer++;
    },
    clearTimeout: (id) => void timers.delete(id),
    endpoint: 'https://collector.example',
    outboxKey: KEY,
  };
  const settle = async () => {
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
  };
  return {
    deps,
    storage,
    sent,
    timers,
    outbox: () => JSON.parse(storage.getItem(KEY) ?? '{}') as Record<string, { attempts: number; nextAt: number; holdUntil: number }>,
    now: () => now,
    async advance(ms: number) {
      now += ms;
      for (const [id, timer] of [...timers]) {
        if (timer.at > now) continue;
        timers.delete(id);
        timer.run();
      }
      await settle();
    },
    settle,
  };
}

describe('delivery: outbox, backoff, idempotency', () => {
  afterEach(() => {
    delete (Array.prototype as unknown as Record<string, unknown>).toJSON;
  });

  it('retries a submission that fails twice with the SAME id, then drops it from the outbox', async () => {
    const w = world([503, 'network', 201]);
    const delivery = createDelivery(w.deps);
    const payload = samplePayload();
    expect(await delivery.submit([payload])).toBe('queued');
    expect(w.outbox()[payload.id]).toMatchObject({ attempts: 1 });
    await w.advance(2_000); // first retry: between 1 and 2 s
    expect(w.sent).toHaveLength(2);
    expect(w.outbox()[payload.id]).toMatchObject({ attempts: 2 });
    await w.advance(4_000); // second retry: between 2 and 4 s
    expect(w.sent.map((p) => p.id)).toEqual([payload.id, payload.id, payload.id]);
    expect(w.sent.every((p) => JSON.stringify(p) === JSON.stringify(payload))).toBe(true);
    expect(w.storage.getItem(KEY)).toBeNull();
    expect(w.timers.size).toBe(0);
  });

  it.each([400, 403, 413, 415])('does not retry a permanent %i and leaves nothing queued', async (status) => {
    const w = world([status]);
    const delivery = createDelivery(w.deps);
    expect(await delivery.submit([samplePayload()])).toBe('rejected');
    await w.advance(60 * 60_000);
    expect(w.sent).toHaveLength(1);
    expect(w.storage.getItem(KEY)).toBeNull();
    expect(w.timers.size).toBe(0);
  });

  it('reports success at once when the collector stores it', async () => {
    const w = world([201]);
    expect(await createDelivery(w.deps).submit([samplePayload()])).toBe('sent');
    expect(w.storage.getItem(KEY)).toBeNull();
  });

  it('honours Retry-After on 429: not even an `online` event sends it sooner', async () => {
    const w = world([{ status: 429, headers: { 'retry-after': '30' } }, 201]);
    const delivery = createDelivery(w.deps);
    const payload = samplePayload();
    await delivery.submit([payload]);
    await w.advance(10_000);
    await delivery.flush(true);
    expect(w.sent).toHaveLength(1);
    await w.advance(20_000);
    expect(w.sent).toHaveLength(2);
    expect(w.storage.getItem(KEY)).toBeNull();
  });

  it('sends at once when the browser comes back online, skipping the backoff wait', async () => {
    const w = world(['network', 201]);
    const delivery = createDelivery(w.deps);
    await delivery.submit([samplePayload()]);
    await w.advance(100);
    await delivery.flush(true); // what the `online` listener calls
    expect(w.sent).toHaveLength(2);
    expect(w.storage.getItem(KEY)).toBeNull();
  });

  it('delivers on the next page load what the last page could not, with the same id', async () => {
    const storage = new MemoryStorage();
    const first = world([503], storage);
    const payload = samplePayload();
    expect(await createDelivery(first.deps).submit([payload])).toBe('queued');
    const next = world([201], storage); // a new page: new delivery, same localStorage
    await createDelivery(next.deps).flush(true); // what the UI does when it starts
    expect(next.sent.map((p) => p.id)).toEqual([payload.id]);
    expect(storage.getItem(KEY)).toBeNull();
  });

  it('writes nothing to storage until something is submitted', async () => {
    const w = world([]);
    const delivery = createDelivery(w.deps);
    await delivery.flush();
    await delivery.flush(true);
    expect(w.storage.writes).toBe(0);
    expect(w.storage.length).toBe(0);
  });

  it('sends two submissions with their own ids and reports "queued" if either waits', async () => {
    const w = world([201, 503, 201]);
    const delivery = createDelivery(w.deps);
    const [csat, nps] = [samplePayload(), samplePayload({ kind: 'nps', score: 9 })];
    expect(await delivery.submit([csat, nps])).toBe('queued');
    expect(Object.keys(w.outbox())).toEqual([nps.id]);
    await w.advance(2_000);
    expect(w.sent.map((p) => p.id)).toEqual([csat.id, nps.id, nps.id]);
    expect(w.storage.getItem(KEY)).toBeNull();
  });

  it('drops what it cannot read and what is older than a week, without sending it', async () => {
    const storage = new MemoryStorage();
    const old = samplePayload();
    const w = world([], storage);
    storage.items.set(
      KEY,
      JSON.stringify({
        [old.id]: { payload: old, attempts: 3, nextAt: 0, holdUntil: 0, createdAt: w.now() - MAX_AGE_MS - 1 },
        bogus: { payload: { id: 'other' }, attempts: 'x' },
      }),
    );
    await createDelivery(w.deps).flush();
    expect(w.sent).toEqual([]);
    expect(storage.getItem(KEY)).toBeNull();
    storage.items.set(KEY, '{not json');
    await createDelivery(w.deps).flush();
    expect(w.sent).toEqual([]);
  });

  it('keeps retrying in memory when storage refuses writes', async () => {
    const storage = new MemoryStorage();
    storage.failWrites = true;
    const w = world([503, 201], storage);
    const delivery = createDelivery(w.deps);
    const payload = samplePayload();
    expect(await delivery.submit([payload])).toBe('queued');
    await w.advance(2_000);
    expect(w.sent.map((p) => p.id)).toEqual([payload.id, payload.id]);
  });

  it('is not confused by a page that gave arrays a toJSON (Prototype.js)', async () => {
    (Array.prototype as unknown as Record<string, unknown>).toJSON = function (this: unknown[]) {
      return '[' + this.join(',') + ']';
    };
    const w = world([503, 201]);
    const delivery = createDelivery(w.deps);
    const payload = samplePayload();
    await delivery.submit([payload]);
    expect(w.outbox()[payload.id]?.attempts).toBe(1);
    await w.advance(2_000);
    expect(w.sent.map((p) => p.id)).toEqual([payload.id, payload.id]);
  });
});
