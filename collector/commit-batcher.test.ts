import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CommitBatcher, SLOW_COMMIT_MS } from './commit-batcher';
import { tempDir } from './test-kit';

describe('CommitBatcher', () => {
  let temp: ReturnType<typeof tempDir>;
  let db: Database.Database;
  beforeEach(() => {
    temp = tempDir();
    db = new Database(join(temp.dir, 'b.sqlite'));
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (v INTEGER NOT NULL UNIQUE)');
  });
  afterEach(() => {
    db.close();
    temp.remove();
  });

  it('commits the writes of one event-loop turn together and settles each after the commit', async () => {
    const batcher = new CommitBatcher(db);
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    const reader = new Database(join(temp.dir, 'b.sqlite'), { readonly: true });
    const committed = () => reader.prepare('SELECT count(*) AS n FROM t').pluck().get();
    const seenByOps: unknown[] = [];
    const results = Array.from({ length: 20 }, (_, i) =>
      batcher.run(() => {
        seenByOps.push(committed());
        return insert.run(i).changes;
      }),
    );
    const firstSettled = results[0]!.then(() => committed());
    expect(await Promise.all(results)).toEqual(Array(20).fill(1));
    // No op saw another's row from outside: one transaction for all twenty.
    expect(seenByOps).toEqual(Array(20).fill(0));
    expect(await firstSettled).toBe(20);
    reader.close();
  });

  it('rejects only the op that failed; the rest of the batch commits', async () => {
    const batcher = new CommitBatcher(db);
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    const outcomes = await Promise.allSettled([1, 2, 2, 3].map((v) => batcher.run(() => insert.run(v))));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(db.prepare('SELECT v FROM t ORDER BY v').pluck().all()).toEqual([1, 2, 3]);
  });

  it('reports a group commit that took SLOW_COMMIT_MS or more, with the writes that waited on it', async () => {
    // Clock readings around each commit: the first takes 40 ms, the second SLOW_COMMIT_MS + 50.
    const readings = [0, 40, 1000, 1000 + SLOW_COMMIT_MS + 50];
    const slow: [number, number][] = [];
    const batcher = new CommitBatcher(db, { now: () => readings.shift() ?? 0, onSlowCommit: (ms, writes) => slow.push([ms, writes]) });
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    await Promise.all([1, 2].map((v) => batcher.run(() => insert.run(v))));
    expect(slow).toEqual([]);
    await Promise.all([3, 4, 5].map((v) => batcher.run(() => insert.run(v))));
    expect(slow).toEqual([[SLOW_COMMIT_MS + 50, 3]]);
    expect(readings).toEqual([]);
  });
});
