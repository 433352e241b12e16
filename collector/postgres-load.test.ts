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

describe('two collector processes sharing one PostgreSQL under load', () => {
  let cluster: PgCluster | undefined;
  const temp = tempDir();
  beforeAll(async () => void (cluster = await startPgCluster()), 180_000);
  afterAll(async () => {
    await cluster?.stop();
    temp.remove();
  }, 180_000);

  it('loses no acknowledged submission, stores each once, and a reader following the cursor during the load sees every row in order', async () => {
    const databaseUrl = await (cluster as PgCluster).createDatabase('load');
    const env = collectorEnv(temp.dir, { CLIENTELA_DATABASE_URL: databaseUrl, CLIENTELA_RATE_PER_ADDRESS: '1000000000', CLIENTELA_RATE_PER_SITE: '1000000000' });
    const collectors: CollectorChild[] = [];
    try {
      collectors.push(await spawnCollector(env), await spawnCollector(env));
      const [a, b] = collectors as [CollectorChild, CollectorChild];
      const followed: string[] = [];
      const cursors: number[] = [];
      let after = '0';
      /** One page after the cursor from process a, as the extension pulls; true while more are there already. */
      const follow = async () => {
        const response = await fetch(`${a.url}/v1/feedback?site=shop&after=${after}&limit=50`, { headers: { authorization: `Bearer ${SHOP.token}` } });
        const page = (await response.json()) as { items: { id: string }[]; next: string | null; cursor: string };
        followed.push(...page.items.map((item) => item.id));
        if (page.items.length > 0) cursors.push(Number(page.cursor));
        after = page.cursor;
        return page.next !== null;
      };
      let loading = true;
      const loads = Promise.all([load(a.url, 'a'), load(b.url, 'b')]).finally(() => (loading = false));
      while (loading) await follow();
      const results = await loads;
      while (await follow());

      const acked = results.flatMap((result) => [...result.acked]);
      const sent = new Set(results.flatMap((result) => [...result.sent]));
      expect(results.map((result) => result.failed)).toEqual([0, 0]);
      expect(results.every((result) => result.acked.size > 0)).toBe(true);
      const stored = (await pullAll(b.url, SHOP)).map((item) => item.id);
      const storedIds = new Set(stored);
      expect(storedIds.size).toBe(stored.length);
      expect(acked.filter((id) => !storedIds.has(id))).toEqual([]);
      expect(stored.filter((id) => !sent.has(id))).toEqual([]);
      // The follower paged while both processes committed: it saw every row, in the order of a full read afterwards.
      expect(followed).toEqual(stored);
      expect(cursors.every((cursor, i) => i === 0 || cursor > (cursors[i - 1] as number))).toBe(true);
    } finally {
      for (const collector of collectors) collector.child.kill('SIGTERM');
      for (const collector of collectors) expect((await collector.exited).code).toBe(0);
    }
  }, 180_000);
});
