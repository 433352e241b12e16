import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CommitBatcher } from './commit-batcher';
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
});
