import { parseRetryAfter } from './backoff';
import type { FeedbackPayload } from './payload';

/** What one POST came to: stored, refused for good, or worth another try (after `retryAfterMs` when the server said). */
export type SendResult = { kind: 'sent' } | { kind: 'rejected'; status: number } | { kind: 'retry'; retryAfterMs: number | null };

export interface TransportDeps {
  fetch: (input: string, init: RequestInit) => Promise<Response>;
  stringify: (value: unknown) => string;
  now: () => number;
  setTimeout: (run: () => void, ms: number) => number;
  clearTimeout: (handle: number) => void;
}

/** A request that hangs this long counts as a network failure; the same id is retried, so the collector dedupes. */
export const SEND_TIMEOUT_MS = 15_000;

/**
 * 2xx: stored. 409: the collector already has this id — also stored. 408, 425, 429, 5xx: transient. Every other
 * status (400, 403, 413, 415, 404…) will not change by resending the same body, so it is never retried.
 */
export function classifyStatus(status: number): SendResult['kind'] {
  if ((status >= 200 && status < 300) || status === 409) return 'sent';
  if (status === 408 || status === 425 || status === 429 || status >= 500) return 'retry';
  return 'rejected';
}

/**
 * One POST of one submission. `keepalive` lets it finish when the visitor navigates away right after submitting;
 * `credentials: 'omit'` keeps the store's and the collector's cookies out of it. Never throws.
 */
export async function postFeedback(deps: TransportDeps, endpoint: string, payload: FeedbackPayload): Promise<SendResult> {
  const abort = typeof AbortController === 'function' ? new AbortController() : null;
  const timer = abort ? deps.setTimeout(() => abort.abort(), SEND_TIMEOUT_MS) : 0;
  try {
    const response = await deps.fetch(endpoint + '/v1/feedback', {
      method: 'POST',
      mode: 'cors',
      credentials: 'omit',
      keepalive: true,
      headers: { 'content-type': 'application/json' },
      body: deps.stringify(payload),
      signal: abort ? abort.signal : undefined,
    });
    const kind = classifyStatus(response.status);
    if (kind === 'sent') return { kind };
    if (kind === 'rejected') return { kind, status: response.status };
    // Readable cross-origin only when the collector lists it in Access-Control-Expose-Headers.
    return { kind, retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), deps.now()) };
  } catch {
    return { kind: 'retry', retryAfterMs: null }; // offline, DNS, CORS refusal, timeout
  } finally {
    if (abort) deps.clearTimeout(timer);
  }
}
