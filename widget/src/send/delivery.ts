import { backoffDelay } from './backoff';
import { createOutbox, type OutboxDeps, type OutboxItem } from './outbox';
import type { FeedbackPayload } from './payload';
import { postFeedback, type TransportDeps } from './transport';

/** How a submission went, as the visitor is told: stored, refused (show the error), or waiting in the outbox. */
export type Outcome = 'sent' | 'queued' | 'rejected';

export interface DeliveryDeps extends TransportDeps, OutboxDeps {
  random: () => number;
  /** Collector base URL (no trailing slash). */
  endpoint: string;
  /** localStorage key, `clientela:outbox:<site>`. */
  outboxKey: string;
}

export interface Delivery {
  /** Queues the payloads (write-ahead), tries them now, and says how it went. */
  submit(payloads: FeedbackPayload[]): Promise<Outcome>;
  /**
   * Tries every due item. `force` skips the backoff wait — used on `online` and when a page starts — but never a
   * collector's Retry-After.
   */
  flush(force?: boolean): Promise<void>;
}

/** A submission still undelivered after a week is dropped: the visitor's moment has passed. */
export const MAX_AGE_MS = 7 * 24 * 60 * 60_000;
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Exactly-once delivery as far as a browser can promise it: each submission is written to the outbox with its
 * idempotency key BEFORE the first attempt (so a tab closed mid-request retries on the next page load), is only
 * ever resent with that same key, and leaves the outbox only on a definitive answer (stored or refused). The
 * collector dedupes by id, which turns "at least once" into "exactly once".
 *
 * Runs are serialized (one chain per page): the same id is never in flight twice from one tab. Another tab may
 * resend an item in flight here; the collector's dedupe absorbs that.
 */
export function createDelivery(deps: DeliveryDeps): Delivery {
  const outbox = createOutbox(deps, deps.outboxKey);
  const results: Record<string, Outcome> = {};
  let timer: number | null = null;
  let tail: Promise<void> = Promise.resolve();
  let pending: Promise<void> | null = null;
  let pendingForce = false;

  // One timer, at the earliest moment any waiting item may be retried.
  const schedule = (): void => {
    if (timer !== null) deps.clearTimeout(timer);
    timer = null;
    const items = outbox.read();
    const ids = deps.keys(items);
    let next = Infinity;
    for (let i = 0; i < ids.length; i++) {
      const item = items[ids[i]!]!;
      next = Math.min(next, Math.max(item.nextAt, item.holdUntil));
    }
    if (next === Infinity) return;
    timer = deps.setTimeout(
      () => {
        timer = null;
        void flush();
      },
      Math.min(Math.max(next - deps.now(), 0), MAX_TIMER_MS),
    );
  };

  const run = async (force: boolean): Promise<void> => {
    const items = outbox.read();
    const ids = deps.keys(items);
    let blockedUntil = 0;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      const item: OutboxItem = items[id]!;
      const now = deps.now();
      if (now - item.createdAt > MAX_AGE_MS) {
        outbox.remove(id);
        continue;
      }
      if (now < item.holdUntil || now < blockedUntil || (!force && now < item.nextAt)) continue;
      const result = await postFeedback(deps, deps.endpoint, item.payload);
      if (result.kind !== 'retry') {
        outbox.remove(id);
        results[id] = result.kind;
        continue;
      }
      const after = deps.now();
      const attempts = item.attempts + 1;
      const holdUntil = result.retryAfterMs === null ? 0 : after + result.retryAfterMs;
      // The collector asked us to slow down: leave the rest of this round for later too.
      if (holdUntil) blockedUntil = holdUntil;
      outbox.put({ ...item, attempts, nextAt: Math.max(after + backoffDelay(attempts, deps.random), holdUntil), holdUntil });
      results[id] = 'queued';
    }
  };

  const flush = (force = false): Promise<void> => {
    pendingForce = pendingForce || force;
    if (!pending) {
      pending = tail = tail
        .then(() => {
          const forced = pendingForce;
          pending = null; // calls from now on queue a fresh run that will see what this one writes
          pendingForce = false;
          return run(forced);
        })
        .then(schedule, schedule);
    }
    return pending;
  };

  return {
    flush,
    async submit(payloads) {
      const createdAt = deps.now();
      for (let i = 0; i < payloads.length; i++) outbox.put({ payload: payloads[i]!, attempts: 0, nextAt: 0, holdUntil: 0, createdAt });
      await flush();
      let outcome: Outcome = 'sent';
      for (let i = 0; i < payloads.length; i++) {
        const id = payloads[i]!.id;
        const result = results[id] || 'queued';
        delete results[id];
        if (result === 'rejected') outcome = 'rejected';
        else if (result === 'queued' && outcome === 'sent') outcome = 'queued';
      }
      return outcome;
    },
  };
}
