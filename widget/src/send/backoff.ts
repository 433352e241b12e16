/** First retry waits about 2 s; each further one doubles, up to 5 minutes. */
export const BASE_DELAY_MS = 2_000;
export const MAX_DELAY_MS = 5 * 60_000;
/** A Retry-After longer than this is clamped: queued items expire anyway (see delivery.ts). */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60_000;

/**
 * Delay before retry number `attempt` (1 = first retry). "Equal jitter": a random point in the upper half of the
 * exponential step, so tabs that went offline together do not come back in lockstep, yet never retry sooner
 * than half the step.
 */
export function backoffDelay(attempt: number, random: () => number): number {
  const step = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.min(Math.max(attempt, 1) - 1, 20));
  return Math.round(step / 2 + (random() * step) / 2);
}

/** Retry-After as delta-seconds or an HTTP date → milliseconds from `now`; null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  const text = (value || '').trim();
  if (!text) return null;
  // HTTP dates spell the month and weekday; without letters it is no date (Date.parse would take "1.5" as one).
  const ms = /^\d+$/.test(text) ? Number(text) * 1000 : /[a-z]/i.test(text) ? Date.parse(text) - now : NaN;
  if (ms !== ms) return null; // NaN: unreadable
  return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}
