import { once } from 'node:events';
import { Worker } from 'node:worker_threads';

/** A write the writer thread knows (see commit-worker.mjs). */
export type WriteOp = ['feedback', unknown[]] | ['screen', string, string, string];

type Outcome = { ok: true; value: unknown } | { ok: false; error: string };

interface Job {
  op: WriteOp;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/**
 * Group commit on a writer thread. Writes asked for while the thread is busy wait and go together as the next
 * batch; the first write after a quiet spell waits one event-loop turn, so requests that arrived together share
 * it. The thread runs each batch in one transaction with synchronous=FULL, and every promise settles only after
 * COMMIT returned there, so a caller that answers 2xx after awaiting has its write on disk.
 *
 * Why a thread: the fsync inside COMMIT blocks whoever runs it. On the event loop it stalled every request for
 * the disk's latency and the SQLite work; here the loop parses and checks the next requests meanwhile.
 */
export class CommitWriter {
  readonly #worker: Worker;
  #waiting: Job[] = [];
  #inFlight: Job[] | null = null;
  #scheduled = false;
  #broken: Error | null = null;
  #closed = false;
  #transactions = 0;

  /** Starts the writer thread on the SQLite file at `file` (whose schema is already in place). */
  constructor(file: string) {
    this.#worker = new Worker(new URL('./commit-worker.mjs', import.meta.url), { workerData: { file } });
    // The HTTP server keeps the process alive; the thread alone must not.
    this.#worker.unref();
    this.#worker.on('message', (reply: { transactions: number; outcomes: Outcome[] }) => this.#settle(reply));
    this.#worker.on('error', (error) => this.#fail(error));
    this.#worker.on('exit', (code) => {
      if (!this.#closed) this.#fail(new Error(`the collector's writer thread stopped (exit code ${code})`));
    });
  }

  /** Transactions committed so far (one per batch, more when a batch had to be split): for tests and stats. */
  get transactions(): number {
    return this.#transactions;
  }

  /** Queues a write for the next group commit; resolves with its result once committed. */
  write(op: WriteOp): Promise<unknown> {
    if (this.#broken) return Promise.reject(this.#broken);
    if (this.#closed) return Promise.reject(new Error('the store is closed'));
    return new Promise((resolve, reject) => {
      this.#waiting.push({ op, resolve, reject });
      if (!this.#inFlight && !this.#scheduled) {
        this.#scheduled = true;
        // setImmediate runs after the poll phase, so requests that arrived together share the commit.
        setImmediate(() => {
          this.#scheduled = false;
          if (!this.#inFlight) this.#send();
        });
      }
    });
  }

  /** Lets every queued write commit, then stops the thread (which closes its connection, checkpointing the WAL). */
  async close(): Promise<void> {
    this.#worker.ref(); // nothing else may keep the process alive while we wait for the thread
    while (!this.#broken && (this.#inFlight || this.#waiting.length > 0)) {
      if (!this.#inFlight) this.#send();
      await once(this.#worker, 'message');
      await Promise.resolve(); // let #settle run first
    }
    if (this.#closed) return;
    this.#closed = true;
    if (this.#broken) return;
    const exited = once(this.#worker, 'exit');
    this.#worker.postMessage('close');
    await exited;
  }

  #send(): void {
    if (this.#waiting.length === 0 || this.#broken) return;
    this.#inFlight = this.#waiting;
    this.#waiting = [];
    this.#worker.postMessage({ ops: this.#inFlight.map((job) => job.op) });
  }

  #settle(reply: { transactions: number; outcomes: Outcome[] }): void {
    const batch = this.#inFlight ?? [];
    this.#inFlight = null;
    this.#transactions += reply.transactions;
    batch.forEach((job, i) => {
      const outcome = reply.outcomes[i];
      if (outcome?.ok) job.resolve(outcome.value);
      else job.reject(new Error(outcome?.error ?? 'the writer thread gave no answer for this write'));
    });
    if (this.#waiting.length > 0) this.#send();
  }

  /** The thread is gone: nothing can be committed any more, so every write fails (the server answers 500). */
  #fail(error: Error): void {
    this.#broken ??= error;
    for (const job of [...(this.#inFlight ?? []), ...this.#waiting]) job.reject(this.#broken);
    this.#inFlight = null;
    this.#waiting = [];
  }
}
