import { SLOW_COMMIT_MS, type CommitBatcherOptions } from './commit-batcher';

interface Pending<W, R> {
  write: W;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for a database across a connection (the asynchronous sibling of CommitBatcher): one transaction
 * is in flight at a time, and the writes that arrive meanwhile form the next one, so each transaction carries
 * whatever came in during the previous one's round trips and fsync. A second transaction in flight would only
 * wait on the PostgreSQL store's sequence lock (postgres-store.ts). Every promise settles after its
 * transaction's COMMIT returned. If a transaction fails, each of its writes is retried in one of its own, so one
 * bad write rejects alone.
 */
export class GroupCommitQueue<W, R> {
  readonly #commit: (writes: W[]) => Promise<R[]>;
  readonly #onSlowCommit: ((ms: number, writes: number) => void) | undefined;
  readonly #now: () => number;
  #pending: Pending<W, R>[] = [];
  /** The transaction in flight (and those that follow it while writes keep coming), or undefined when idle. */
  #running: Promise<void> | undefined;

  /** `commit` runs one transaction holding `writes` and resolves with one result per write, in order. */
  constructor(commit: (writes: W[]) => Promise<R[]>, options: CommitBatcherOptions = {}) {
    this.#commit = commit;
    this.#onSlowCommit = options.onSlowCommit;
    this.#now = options.now ?? (() => performance.now());
  }

  /** Queues `write` for the next transaction; resolves with its result once committed. */
  run(write: W): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.#pending.push({ write, resolve, reject });
      // setImmediate runs after the poll phase, so requests that arrived together start the first transaction together.
      this.#running ??= new Promise<void>((started) => setImmediate(started)).then(() => this.#drainQueue());
    });
  }

  /** Resolves once everything queued so far has settled. */
  async settled(): Promise<void> {
    while (this.#running) await this.#running;
  }

  async #drainQueue(): Promise<void> {
    while (this.#pending.length > 0) {
      const batch = this.#pending;
      this.#pending = [];
      await this.#transaction(batch);
    }
    this.#running = undefined;
  }

  async #transaction(batch: Pending<W, R>[]): Promise<void> {
    const started = this.#now();
    let results: R[];
    try {
      results = await this.#commit(batch.map((item) => item.write));
    } catch {
      for (const item of batch) await this.#alone(item);
      return;
    }
    const ms = this.#now() - started;
    if (ms >= SLOW_COMMIT_MS) this.#onSlowCommit?.(ms, batch.length);
    batch.forEach((item, i) => item.resolve(results[i] as R));
  }

  async #alone(item: Pending<W, R>): Promise<void> {
    try {
      const [result] = await this.#commit([item.write]);
      item.resolve(result as R);
    } catch (error) {
      item.reject(error);
    }
  }
}
