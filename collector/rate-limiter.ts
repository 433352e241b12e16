/** Outcome of asking a bucket for one token. */
export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/** A token bucket per key: `perMinute` tokens refill evenly over a minute and the bucket holds at most that many. */
export interface TokenBucketOptions {
  perMinute: number;
  now?: () => number;
  /** Above this many tracked keys, buckets that have refilled completely are forgotten (they carry no state). */
  maxTrackedKeys?: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** In-memory token buckets (one process, reset on restart: good enough to blunt floods, not an accounting tool). */
export class TokenBucketLimiter {
  readonly #capacity: number;
  readonly #perMs: number;
  readonly #now: () => number;
  readonly #maxTracked: number;
  readonly #buckets = new Map<string, Bucket>();

  constructor(options: TokenBucketOptions) {
    if (!(options.perMinute > 0)) throw new RangeError('perMinute must be positive');
    this.#capacity = options.perMinute;
    this.#perMs = options.perMinute / 60_000;
    this.#now = options.now ?? Date.now;
    this.#maxTracked = options.maxTrackedKeys ?? 50_000;
  }

  /** Takes one token for `key`, or says how many whole seconds until one is available. */
  take(key: string): RateDecision {
    const now = this.#now();
    const bucket = this.#buckets.get(key) ?? this.#fresh(key, now);
    bucket.tokens = Math.min(this.#capacity, bucket.tokens + (now - bucket.at) * this.#perMs);
    bucket.at = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.#perMs / 1000)) };
  }

  #fresh(key: string, now: number): Bucket {
    if (this.#buckets.size >= this.#maxTracked) this.#forgetFull(now);
    const bucket = { tokens: this.#capacity, at: now };
    this.#buckets.set(key, bucket);
    return bucket;
  }

  #forgetFull(now: number): void {
    for (const [key, bucket] of this.#buckets) {
      if (bucket.tokens + (now - bucket.at) * this.#perMs >= this.#capacity) this.#buckets.delete(key);
    }
    // Memory stays bounded even when every tracked key is busy (many addresses at once): drop the oldest.
    for (const key of this.#buckets.keys()) {
      if (this.#buckets.size < this.#maxTracked) break;
      this.#buckets.delete(key);
    }
  }
}
