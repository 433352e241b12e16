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

/**
 * The cases timed on a limiter already holding `size` keys:
 * - idle: never-seen keys; the held buckets have refilled, so each new key takes the least recently used one's place;
 * - busy: never-seen keys; no held bucket has refilled, so new keys draw from the overflow bucket;
 * - held: keys the limiter holds, in scattered order: the feedback route's usual case.
 */
type Case = 'idle' | 'busy' | 'held';

/** The keys held before timing, and the TAKES keys timed. */
function workload(size: number, which: Case, round: number): { held: string[]; timed: string[] } {
  const held = keys('a', size);
  const timed = which === 'held' ? Array.from({ length: TAKES }, (_, i) => held[(i * 7919) % size] as string) : keys(`b${round}`, TAKES);
  return { held, timed };
}

/** Best of ROUNDS, in nanoseconds per operation, of `run` after `prepare`. */
function bestNs(prepare: (round: number) => () => void): number {
  let best = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
    const run = prepare(round);
    const start = process.hrtime.bigint();
    run();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / TAKES);
  }
  return best;
}

function limiterNs(size: number, which: Case): number {
  return bestNs((round) => {
    const { held, timed } = workload(size, which, round);
    const clock = { now: 0 };
    const limiter = new TokenBucketLimiter({ perMinute: 30, now: () => clock.now, maxTrackedKeys: size });
    for (const key of held) limiter.take(key);
    if (which === 'idle') clock.now += 60_000;
    return () => {
      for (const key of timed) limiter.take(key);
    };
  });
}

/** One lookup of a held key in a bare Map of `size` entries: what memory alone costs at that size. */
function mapLookupNs(size: number): number {
  let found = 0;
  const ns = bestNs((round) => {
    const { held, timed } = workload(size, 'held', round);
    const entries = new Map(held.map((key) => [key, { tokens: 1 }]));
    return () => {
      for (const key of timed) if (entries.get(key)) found += 1;
    };
  });
  // Read, so the lookups cannot be optimised away.
  if (found < 0) throw new Error('unreachable');
  return ns;
}

/**
 * Per-take times at 10k and 100k held keys, beside one lookup in a bare Map as large: the work per take does not
 * grow with the keys held (a scan would grow tenfold); what does grow is memory, for the limiter as for the Map.
 */
export function runRateLimiterBench(): BenchRow[] {
  const lookup = SIZES.map(mapLookupNs);
  const at = (times: number[]) => times.map((ns, i) => `${ns.toFixed(0)} ns at ${(SIZES[i] as number) / 1000}k`).join(' / ');
  const row = (figure: string, which: Case, note: string): BenchRow => {
    const ours = SIZES.map((size) => limiterNs(size, which));
    return { figure, value: at(ours), peer: `Map lookup ${at(lookup)}`, ratio: ours.map((ns, i) => `${(ns / (lookup[i] as number)).toFixed(1)}×`).join(' / '), note };
  };
  return [
    row('rate limiter take(), new key, full of idle keys', 'idle', 'evicts the least recently used key (refilled): one look at the oldest, no scan'),
    row('rate limiter take(), new key, full of busy keys', 'busy', 'no bucket has refilled: new keys share the overflow bucket, no busy key is forgotten'),
    row('rate limiter take(), held key', 'held', 'moves the key to the newest end of the recency list'),
  ];
}

const entry = process.argv[1] ? pathToFileURL(realpathSync(process.argv[1])).href : '';
if (entry === import.meta.url) printRows('Collector rate limiter at 10k and 100k keys (best of 5 runs of 300k takes)', runRateLimiterBench());
