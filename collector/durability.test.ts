import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectorEnv, pullAll, SHOP, spawnCollector, submission, tempDir } from './test-kit';

const TOTAL = 400;
const IN_FLIGHT = 16;
const KILL_AFTER_ACKS = 150;

describe('durability of acknowledged submissions', () => {
  let temp: ReturnType<typeof tempDir>;
  let env: Record<string, string>;
  beforeEach(() => {
    temp = tempDir();
    env = collectorEnv(temp.dir, { CLIENTELA_RATE_PER_ADDRESS: '1000000', CLIENTELA_RATE_PER_SITE: '1000000' });
  });
  afterEach(() => temp.remove());

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
  }, 30_000);
});
