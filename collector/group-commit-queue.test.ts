import { describe, expect, it } from 'vitest';
import { SLOW_COMMIT_MS } from './commit-batcher';
import { GroupCommitQueue } from './group-commit-queue';

/** A commit function that records each transaction's writes and finishes when the test says so. */
function controlledCommit() {
  const transactions: { writes: number[]; finish: (error?: Error) => void }[] = [];
  const commit = (writes: number[]) =>
    new Promise<number[]>((resolve, reject) => {
      transactions.push({ writes, finish: (error) => (error ? reject(error) : resolve(writes.map((w) => w * 10))) });
    });
  return { transactions, commit };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('GroupCommitQueue', () => {
  it('commits the writes of one turn together, and those arriving meanwhile in the next transaction', async () => {
    const { transactions, commit } = controlledCommit();
    const queue = new GroupCommitQueue(commit);
    const first = [queue.run(1), queue.run(2)];
    await turn();
    const later = [queue.run(3), queue.run(4)];
    await turn();
    expect(transactions.map((t) => t.writes)).toEqual([[1, 2]]);
    let settled = false;
    void Promise.all(first).then(() => (settled = true));
    await turn();
    expect(settled).toBe(false);
    transactions[0]?.finish();
    expect(await Promise.all(first)).toEqual([10, 20]);
    await turn();
    expect(transactions.map((t) => t.writes)).toEqual([[1, 2], [3, 4]]);
    transactions[1]?.finish();
    expect(await Promise.all(later)).toEqual([30, 40]);
  });

  it('retries each write of a failed transaction alone, so only the bad one rejects', async () => {
    const queue = new GroupCommitQueue(async (writes: number[]) => {
      if (writes.includes(13)) throw new Error('bad write');
      return writes.map((w) => w * 10);
    });
    const results = await Promise.allSettled([queue.run(1), queue.run(13), queue.run(2)]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([10, 'bad write', 20]);
  });

  it('reports a slow transaction with its milliseconds and number of writes; settled() waits for everything queued', async () => {
    let now = 0;
    const slow: [number, number][] = [];
    const queue = new GroupCommitQueue(
      async (writes: number[]) => {
        now += writes.length === 3 ? SLOW_COMMIT_MS : 1;
        return writes;
      },
      { now: () => now, onSlowCommit: (ms, writes) => slow.push([ms, writes]) },
    );
    void queue.run(1);
    void queue.run(2);
    void queue.run(3);
    await queue.settled();
    void queue.run(4);
    await queue.settled();
    expect(slow).toEqual([[SLOW_COMMIT_MS, 3]]);
  });
});
