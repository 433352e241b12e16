import type { Database } from 'better-sqlite3';

interface Pending {
  op: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: writes asked for during one turn of the event loop run in a single transaction, so one fsync
 * (synchronous=FULL) covers all of them, and every promise settles only after COMMIT returned, so a caller that
 * answers 2xx after awaiting has its write on disk. If any op throws, the batch rolls back and each op is
 * retried in its own transaction, so one bad op rejects alone (rare path; the common one has no savepoints).
 */
export class CommitBatcher {
  readonly #db: Database;
  /** Built once: better-sqlite3 makes four wrapper functions per transaction() call. */
  readonly #runAll: (batch: Pending[]) => unknown[];
  #pending: Pending[] = [];
  #scheduled = false;

  constructor(db: Database) {
    this.#db = db;
    this.#runAll = db.transaction((batch: Pending[]) => batch.map((item) => item.op()));
  }

  /** Queues `op` for the next group commit; resolves with its result once committed. */
  run<T>(op: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#pending.push({ op, resolve: resolve as (value: unknown) => void, reject });
      if (!this.#scheduled) {
        this.#scheduled = true;
        // setImmediate runs after the poll phase, so requests that arrived together share the commit.
        setImmediate(() => this.flush());
      }
    });
  }

  /** Commits whatever is queued now (also called on close so nothing queued is left unsettled). */
  flush(): void {
    this.#scheduled = false;
    const batch = this.#pending;
    this.#pending = [];
    if (batch.length === 0) return;
    let results: unknown[];
    try {
      results = this.#runAll(batch);
    } catch {
      for (const item of batch) this.#alone(item);
      return;
    }
    batch.forEach((item, i) => item.resolve(results[i]));
  }

  #alone(item: Pending): void {
    let result: unknown;
    try {
      result = this.#db.transaction(item.op)();
    } catch (error) {
      item.reject(error);
      return;
    }
    item.resolve(result);
  }
}
