import type { Database } from 'better-sqlite3';

/** A group commit slower than this is reported (see CommitBatcherOptions.onSlowCommit). */
export const SLOW_COMMIT_MS = 100;

/** Reporting of slow commits; `now` is injectable for tests. */
export interface CommitBatcherOptions {
  /**
   * Called after a group commit that took SLOW_COMMIT_MS or more, with its milliseconds and how many writes it
   * held: every one of those requests waited that long for its answer. On a healthy disk a commit takes well
   * under a millisecond, so these mark a disk (or host) that stalls.
   */
  onSlowCommit?: (ms: number, writes: number) => void;
  now?: () => number;
}

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
  readonly #onSlowCommit: ((ms: number, writes: number) => void) | undefined;
  readonly #now: () => number;
  #pending: Pending[] = [];
  #scheduled = false;

  constructor(db: Database, options: CommitBatcherOptions = {}) {
    this.#db = db;
    this.#onSlowCommit = options.onSlowCommit;
    this.#now = options.now ?? (() => performance.now());
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
    const started = this.#now();
    try {
      results = this.#runAll(batch);
    } catch {
      for (const item of batch) this.#alone(item);
      return;
    }
    const ms = this.#now() - started;
    if (ms >= SLOW_COMMIT_MS) this.#onSlowCommit?.(ms, batch.length);
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
