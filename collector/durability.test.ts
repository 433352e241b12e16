import { beforeEach, describe, expect, it } from 'vitest';
import { STORE_KINDS, storePlaces, type StorePlace } from './store-kit';
import { pullAll, SHOP, spawnCollector, submission } from './test-kit';

const TOTAL = 400;
const IN_FLIGHT = 16;
const KILL_AFTER_ACKS = 150;

describe.each(STORE_KINDS)('durability of acknowledged submissions (%s)', (kind) => {
  const fresh = storePlaces(kind);
  let place: StorePlace;
  let env: Record<string, string>;
  beforeEach(async () => {
    place = await fresh();
    env = place.env({ CLIENTELA_RATE_PER_ADDRESS: '1000000', CLIENTELA_RATE_PER_SITE: '1000000' });
  });

  it('keeps every id that got a 2xx when the server is SIGKILLed mid-load, with no duplicates', async () => {
    const first = await spawnCollector(env);
    const attempted = new Set<string>();
    const acked = new Set<string>();
    let killed = false;
    let pending = 0;
    let pendingAtKill = 0;
    const worker = async () => {
      while (!killed && attempted.size < TOTAL) {
        const body = submission({ comment: 'durável?' });
        attempted.add(body.id as string);
        pending += 1;
        try {
          const response = await fetch(`${first.url}/v1/feedback`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
          await response.arrayBuffer();
          pending -= 1;
          if (response.status === 201 || response.status === 200) acked.add(body.id as string);
          else throw new Error(`unexpected ${response.status}`);
          if (acked.size >= KILL_AFTER_ACKS && !killed) {
            killed = true;
            // Other workers still have requests in flight: some committed, some not, none acknowledged yet.
            pendingAtKill = pending;
            first.child.kill('SIGKILL');
          }
        } catch (error) {
          pending -= 1;
          if (!killed) throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    expect((await first.exited).signal).toBe('SIGKILL');
    expect(acked.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    // The kill landed mid-load: other submissions were on the wire (whether they were answered is up to timing).
    expect(pendingAtKill).toBeGreaterThan(0);
    // PostgreSQL outlives the collector: crash it too, so what is found below came back from its WAL.
    await place.crashDatabaseServer?.();

    const second = await spawnCollector(env);
    try {
      const ids = (await pullAll(second.url, SHOP)).map((item) => item.id);
      expect(new Set(ids).size).toBe(ids.length);
      const missing = [...acked].filter((id) => !ids.includes(id));
      expect(missing).toEqual([]);
      expect(ids.every((id) => attempted.has(id))).toBe(true);
    } finally {
      second.child.kill('SIGTERM');
      expect((await second.exited).code).toBe(0);
    }
  }, 120_000);
});
