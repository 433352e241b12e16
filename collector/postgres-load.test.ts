import autocannon from 'autocannon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPgCluster, type PgCluster } from './pg-cluster';
import { collectorEnv, pullAll, SHOP, spawnCollector, submission, tempDir, type CollectorChild } from './test-kit';

const SECONDS = 3;
const CONNECTIONS = 10;

/** Loads one collector with unique-id submissions; resolves with every id answered 2xx and the count of others. */
async function load(url: string, prefix: string): Promise<{ acked: Set<string>; sent: Set<string>; failed: number }> {
  const acked = new Set<string>();
  const sent = new Set<string>();
  let n = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        method: 'POST',
        path: '/v1/feedback',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => {
          const id = `${prefix}-${(n += 1).toString(36).padStart(6, '0')}`;
          sent.add(id);
          return { ...request, body: JSON.stringify(submission({ id })) };
        },
        onResponse: (status, body) => {
          if (status === 200 || status === 201) acked.add((JSON.parse(body) as { id: string }).id);
        },
      },
    ],
  });
  return { acked, sent, failed: result.non2xx + result.errors + result.timeouts };
}

/** A reader pulling `GET /v1/feedback` page after page from one collector, as the extension does. */
class CursorFollower {
  readonly followed: string[] = [];
  /** The cursor after each page that had items. */
  readonly cursors: number[] = [];
  #after = '0';

  constructor(readonly url: string) {}

  /** One page after the cursor; true while more are there already. */
  async follow(): Promise<boolean> {
    const response = await fetch(`${this.url}/v1/feedback?site=shop&after=${this.#after}&limit=50`, { headers: { authorization: `Bearer ${SHOP.token}` } });
    const page = (await response.json()) as { items: { id: string }[]; next: string | null; cursor: string };
    this.followed.push(...page.items.map((item) => item.id));
    if (page.items.length > 0) this.cursors.push(Number(page.cursor));
    this.#after = page.cursor;
    return page.next !== null;
  }
}

describe('two collector processes sharing one PostgreSQL under load', () => {
  let cluster: PgCluster | undefined;
  const temp = tempDir();
  beforeAll(async () => void (cluster = await startPgCluster()), 180_000);
  afterAll(async () => {
    await cluster?.stop();
    temp.remove();
  }, 180_000);

  it('loses no acknowledged submission, stores each once, and readers following the cursor during the load see every row in order', async () => {
    const databaseUrl = await (cluster as PgCluster).createDatabase('load');
    const env = collectorEnv(temp.dir, { CLIENTELA_DATABASE_URL: databaseUrl, CLIENTELA_RATE_PER_ADDRESS: '1000000000', CLIENTELA_RATE_PER_SITE: '1000000000' });
    const collectors: CollectorChild[] = [];
    try {
      collectors.push(await spawnCollector(env), await spawnCollector(env));
      const [a, b] = collectors as [CollectorChild, CollectorChild];
      let loading = true;
      const loads = Promise.all([load(a.url, 'a'), load(b.url, 'b')]).finally(() => (loading = false));
      // One reader per process, each following the cursor while both processes commit.
      const readers = [a, b].map((collector) => new CursorFollower(collector.url));
      await Promise.all(readers.map(async (reader) => {
        while (loading) await reader.follow();
      }));
      const results = await loads;
      // autocannon stops without awaiting the requests still in flight: those may commit after this read.
      const stored = (await pullAll(b.url, SHOP)).map((item) => item.id);
      for (const reader of readers) while (await reader.follow());

      const acked = results.flatMap((result) => [...result.acked]);
      const sent = new Set(results.flatMap((result) => [...result.sent]));
      expect(results.map((result) => result.failed)).toEqual([0, 0]);
      expect(results.every((result) => result.acked.size > 0)).toBe(true);
      const storedIds = new Set(stored);
      expect(storedIds.size).toBe(stored.length);
      expect(acked.filter((id) => !storedIds.has(id))).toEqual([]);
      expect(stored.filter((id) => !sent.has(id))).toEqual([]);
      for (const { followed, cursors } of readers) {
        // Each saw every row of the full read, in its order (and after them only late commits, whose seqs are higher).
        expect(followed.slice(0, stored.length)).toEqual(stored);
        expect(new Set(followed).size).toBe(followed.length);
        expect(cursors.every((cursor, i) => i === 0 || cursor > (cursors[i - 1] as number))).toBe(true);
      }
    } finally {
      for (const collector of collectors) collector.child.kill('SIGTERM');
      for (const collector of collectors) expect((await collector.exited).code).toBe(0);
    }
  }, 180_000);
});
