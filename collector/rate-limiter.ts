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
export const DEFAULT_MAX_TRACKED_KEYS = 100_000;

interface Bucket {
  tokens: number;
  at: number;
}

const OK: RateDecision = { ok: true };

/**
 * In-memory token buckets (one process, reset on restart: good enough to blunt floods, not an accounting tool).
 *
 * Memory is bounded without ever resetting a busy bucket. The buckets sit in a Map in recency order (each take
 * moves its key to the end), so the first key is the least recently used, and a new key past `maxTrackedKeys`
 * costs one look at it, never a scan. That key is forgotten only if its bucket has refilled completely: a full
 * bucket is exactly what a forgotten key would get back, so nothing is lost. If even the least recently used
 * bucket is still refilling, the limiter is over capacity and fails closed for new keys only: they all draw
 * from one shared overflow bucket (one visitor's budget) until the oldest bucket refills, while every tracked
 * key keeps its own limit. Forgetting a busy bucket instead would hand a flooding key a fresh burst.
 *
 * The default bound makes the overflow a memory guard rather than a state one meets. A bucket emptied to the
 * last token refills within a minute of its last take; to keep the least recently used of 100 000 buckets from
 * refilling, a client must keep at least 100 000 keys below full, which takes about
 * `100 000 × perMinute / 60` requests a second (50 000 at the default 30 per address): several times what the
 * collector can answer on the machines it is meant for.
 */
export class TokenBucketLimiter {
  readonly #capacity: number;
  readonly #perMs: number;
  readonly #now: () => number;
  readonly #maxTracked: number;
  /** Buckets in recency order: the first key is the least recently used. */
  readonly #buckets = new Map<string, Bucket>();
  /** Shared by new keys while the limiter is over capacity (see the class comment). */
  readonly #overflow: Bucket;

  constructor(options: TokenBucketOptions) {
    if (!(options.perMinute > 0)) throw new RangeError('perMinute must be positive');
    this.#capacity = options.perMinute;
    this.#perMs = options.perMinute / 60_000;
    this.#now = options.now ?? Date.now;
    this.#maxTracked = options.maxTrackedKeys ?? DEFAULT_MAX_TRACKED_KEYS;
    if (!(this.#maxTracked >= 1)) throw new RangeError('maxTrackedKeys must be at least 1');
    this.#overflow = { tokens: this.#capacity, at: this.#now() };
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

  /** What take(key) would answer now, without taking a token or changing which key is least recently used. */
  peek(key: string): RateDecision {
    const now = this.#now();
    const bucket = this.#buckets.get(key) ?? (this.#makeRoom(now) ? undefined : this.#overflow);
    if (!bucket) return OK;
    const tokens = this.#level(bucket, now);
    return tokens >= 1 ? OK : this.#refusal(tokens);
  }

  /** The key's bucket, moved to the most recent end; a new one when there is room; else the overflow bucket. */
  #bucketFor(key: string, now: number): Bucket {
    const known = this.#buckets.get(key);
    if (known) {
      this.#buckets.delete(key);
      this.#buckets.set(key, known);
      return known;
    }
    if (!this.#makeRoom(now)) return this.#overflow;
    const bucket = { tokens: this.#capacity, at: now };
    this.#buckets.set(key, bucket);
    return bucket;
  }

  /** True when a new key may have a bucket: below the bound, or once the least recently used bucket, refilled, is forgotten. */
  #makeRoom(now: number): boolean {
    if (this.#buckets.size < this.#maxTracked) return true;
    const oldest = this.#buckets.entries().next().value;
    if (!oldest || this.#level(oldest[1], now) < this.#capacity) return false;
    this.#buckets.delete(oldest[0]);
    return true;
  }

  #level(bucket: Bucket, now: number): number {
    return Math.min(this.#capacity, bucket.tokens + (now - bucket.at) * this.#perMs);
  }

  #refusal(tokens: number): RateDecision {
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / this.#perMs / 1000)) };
  }
}
