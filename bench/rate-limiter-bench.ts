// Rate limiter eviction: what a take() costs once the limiter holds as many keys as it may, at 10k and 100k.
// Part of `npm run bench -- collector`; alone: `npx tsx bench/rate-limiter-bench.ts`.
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { TokenBucketLimiter } from '../collector/rate-limiter';
import { printRows, type BenchRow } from './rows';

const SIZES = [10_000, 100_000];
/** Takes timed per measurement: more than the larger limiter holds, so a run evicts through all of it. */
const TAKES = 300_000;
const ROUNDS = 5;

/** Keys as the collector makes them (IPv6 /64s), built before timing so only the limiter is measured. */
function keys(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `2001:db8:${prefix}:${i.toString(16)}::/64`);
}

type Case = 'idle' | 'busy' | 'held';

/**
 * Nanoseconds per operation (best of ROUNDS) on a limiter already holding `size` keys, or on a bare Map of as many
 * entries doing the least the same case needs (`map`), so what grows with size because of memory shows in both.
 * - idle: never-seen keys; the held buckets have refilled, so each new key takes the least recently used one's
 *   place (the Map: one delete, one insert);
 * - busy: never-seen keys; no held bucket has refilled, so new keys draw from the overflow bucket (the Map: one
 *   missed lookup);
 * - held: keys the limiter holds, in scattered order: the feedback route's usual case (the Map: one lookup).
 */
function nsPerTake(size: number, which: Case, map: boolean): number {
  let best = Infinity;
  let found = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const held = keys('a', size);
    const fresh = which === 'held' ? Array.from({ length: TAKES }, (_, i) => held[(i * 7919) % size] as string) : keys(`b${round}`, TAKES);
    const clock = { now: 0 };
    const limiter = new TokenBucketLimiter({ perMinute: 30, now: () => clock.now, maxTrackedKeys: size });
    const entries = new Map<string, { tokens: number }>();
    for (const key of held) {
      limiter.take(key);
      entries.set(key, { tokens: 1 });
    }
    if (which === 'idle') clock.now += 60_000;
    const order = [...held, ...fresh];
    const start = process.hrtime.bigint();
    if (!map) for (const key of fresh) limiter.take(key);
    else if (which === 'idle') replaceOldest(entries, order, size);
    else found += lookUp(entries, fresh);
    best = Math.min(best, Number(process.hrtime.bigint() - start) / TAKES);
  }
  // Read, so the lookups cannot be optimised away.
  if (found < 0) throw new Error('unreachable');
  return best;
}

function lookUp(entries: Map<string, { tokens: number }>, keys: string[]): number {
  let found = 0;
  for (const key of keys) if (entries.get(key)) found += 1;
  return found;
}

/** The Map work of an eviction per new key: delete the oldest of `order`, insert the next new one. */
function replaceOldest(entries: Map<string, { tokens: number }>, order: string[], size: number): void {
  for (let i = size; i < order.length; i++) {
    entries.delete(order[i - size] as string);
    entries.set(order[i] as string, { tokens: 1 });
  }
}

/** Per-take times at 10k and 100k held keys beside a bare Map's: the same ratio at both sizes says O(1). */
export function runRateLimiterBench(): BenchRow[] {
  const row = (figure: string, which: Case, note: string): BenchRow => {
    const ours = SIZES.map((size) => nsPerTake(size, which, false));
    const bare = SIZES.map((size) => nsPerTake(size, which, true));
    const at = (times: number[]) => times.map((ns, i) => `${ns.toFixed(0)} ns at ${(SIZES[i] as number) / 1000}k`).join(' / ');
    return { figure, value: at(ours), peer: `bare Map ${at(bare)}`, ratio: ours.map((ns, i) => `${(ns / (bare[i] as number)).toFixed(1)}×`).join(' / '), note };
  };
  return [
    row('rate limiter take(), new key, full of idle keys', 'idle', 'evicts the least recently used key (refilled): one look at the oldest, no scan'),
    row('rate limiter take(), new key, full of busy keys', 'busy', 'no bucket has refilled: new keys share the overflow bucket, no busy key is forgotten'),
    row('rate limiter take(), held key', 'held', 'moves the key to the newest end of the recency list'),
  ];
}

const entry = process.argv[1] ? pathToFileURL(realpathSync(process.argv[1])).href : '';
if (entry === import.meta.url) printRows('Collector rate limiter at 10k and 100k keys (best of 5 runs of 300k takes)', runRateLimiterBench());
