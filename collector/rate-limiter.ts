/** Outcome of asking a bucket for one token. */
export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/** A token bucket per key: `perMinute` tokens refill evenly over a minute and the bucket holds at most that many. */
export interface TokenBucketOptions {
  perMinute: number;
  now?: () => number;
  /** Most keys with a bucket of their own (the memory bound; see TokenBucketLimiter). Default 100 000. */
  maxTrackedKeys?: number;
}

/** Keys the default limiter tracks: about 20 MB of buckets (measured), keyed by /64 or IPv4 address strings. */
const DEFAULT_MAX_TRACKED_KEYS = 100_000;

/** A key's bucket, and its place in the recency list (`older` is the less recently used neighbour). */
interface Bucket {
  key: string;
  tokens: number;
  at: number;
  older: Bucket | null;
  newer: Bucket | null;
}

const OK: RateDecision = { ok: true };

/**
 * In-memory token buckets (one process, reset on restart: good enough to blunt floods, not an accounting tool).
 *
 * Memory is bounded without ever resetting a busy bucket. The buckets form a list in recency order (each take
 * moves its bucket to the newest end), so a new key past `maxTrackedKeys` costs one look at the oldest bucket,
 * never a scan. That key is forgotten only if its bucket has refilled completely: a full bucket is exactly what
 * a forgotten key would get back, so nothing is lost. If even the least recently used bucket is still refilling,
 * the limiter is over capacity and fails closed for new keys only: they all draw from one shared overflow bucket
 * (one visitor's budget) until the oldest bucket refills, while every tracked key keeps its own limit.
 * Forgetting a busy bucket instead would hand a flooding key a fresh burst.
 *
 * The list is linked by hand rather than kept in a Map's insertion order: V8 leaves deleted Map entries as holes
 * that iteration skips, so reading the first key after many evictions from the front costs a walk over all of
 * them (34 µs per eviction at 100 000 keys, measured).
 *
 * The default bound makes the overflow a memory guard rather than a state one meets. A bucket emptied to the
 * last token refills within a minute of its last take; to keep the least recently used of 100 000 buckets from
 * refilling, a client must keep 100 000 keys below full, which takes about `100 000 × perMinute / 60` requests
 * a second (50 000 at the default 30 per address): several times what the collector can answer on the machines
 * it is meant for.
 */
export class TokenBucketLimiter {
  readonly #capacity: number;
  readonly #perMs: number;
  readonly #now: () => number;
  readonly #maxTracked: number;
  readonly #buckets = new Map<string, Bucket>();
  #oldest: Bucket | null = null;
  #newest: Bucket | null = null;
  /** Shared by new keys while the limiter is over capacity (see the class comment); never in the list. */
  readonly #overflow: Bucket;

  constructor(options: TokenBucketOptions) {
    if (!(options.perMinute > 0)) throw new RangeError('perMinute must be positive');
    this.#capacity = options.perMinute;
    this.#perMs = options.perMinute / 60_000;
    this.#now = options.now ?? Date.now;
    this.#maxTracked = options.maxTrackedKeys ?? DEFAULT_MAX_TRACKED_KEYS;
    if (!(this.#maxTracked >= 1)) throw new RangeError('maxTrackedKeys must be at least 1');
    this.#overflow = { key: '', tokens: this.#capacity, at: this.#now(), older: null, newer: null };
  }

  /** How many keys have a bucket of their own. */
  get size(): number {
    return this.#buckets.size;
  }

  /** Takes one token for `key`, or says how many whole seconds until one is available. */
  take(key: string): RateDecision {
    const now = this.#now();
    const bucket = this.#bucketFor(key, now);
    const tokens = this.#level(bucket, now);
    bucket.at = now;
    if (tokens >= 1) {
      bucket.tokens = tokens - 1;
      return OK;
    }
    bucket.tokens = tokens;
    return this.#refusal(tokens);
  }

  /**
   * What take(key) would answer now, without taking a token or changing which key is least recently used (it may
   * forget a refilled bucket to make room for the key, which changes nothing).
   */
  peek(key: string): RateDecision {
    const now = this.#now();
    const bucket = this.#buckets.get(key) ?? (this.#makeRoom(now) ? undefined : this.#overflow);
    if (!bucket) return OK;
    const tokens = this.#level(bucket, now);
    return tokens >= 1 ? OK : this.#refusal(tokens);
  }

  /** The key's bucket, moved to the newest end; a new one when there is room; else the overflow bucket. */
  #bucketFor(key: string, now: number): Bucket {
    const known = this.#buckets.get(key);
    if (known) {
      if (known !== this.#newest) {
        this.#unlink(known);
        this.#append(known);
      }
      return known;
    }
    if (!this.#makeRoom(now)) return this.#overflow;
    const bucket: Bucket = { key, tokens: this.#capacity, at: now, older: null, newer: null };
    this.#buckets.set(key, bucket);
    this.#append(bucket);
    return bucket;
  }

  /** True when a new key may have a bucket: below the bound, or once the least recently used bucket, refilled, is forgotten. */
  #makeRoom(now: number): boolean {
    if (this.#buckets.size < this.#maxTracked) return true;
    const oldest = this.#oldest;
    if (!oldest || this.#level(oldest, now) < this.#capacity) return false;
    this.#unlink(oldest);
    this.#buckets.delete(oldest.key);
    return true;
  }

  #unlink(bucket: Bucket): void {
    if (bucket.older) bucket.older.newer = bucket.newer;
    else this.#oldest = bucket.newer;
    if (bucket.newer) bucket.newer.older = bucket.older;
    else this.#newest = bucket.older;
    bucket.older = null;
    bucket.newer = null;
  }

  #append(bucket: Bucket): void {
    bucket.older = this.#newest;
    if (this.#newest) this.#newest.newer = bucket;
    else this.#oldest = bucket;
    this.#newest = bucket;
  }

  #level(bucket: Bucket, now: number): number {
    return Math.min(this.#capacity, bucket.tokens + (now - bucket.at) * this.#perMs);
  }

  #refusal(tokens: number): RateDecision {
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / this.#perMs / 1000)) };
  }
}
