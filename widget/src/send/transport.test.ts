import { describe, expect, it, vi } from 'vitest';
import { SEND_TIMEOUT_MS, classifyStatus, postFeedback, type TransportDeps } from './transport';
import { samplePayload } from './test-payload';

function deps(fetch: TransportDeps['fetch']): TransportDeps {
  return { fetch, stringify: JSON.stringify, now: () => Date.parse('2026-05-01T12:00:00Z'), setTimeout: (run, ms) => setTimeout(run, ms) as unknown as number, clearTimeout: (h) => clearTimeout(h) };
}

describe('posting one submission', () => {
  it('POSTs the JSON body to /v1/feedback: cors, no credentials, keepalive', async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 201 }));
    const payload = samplePayload();
    expect(await postFeedback(deps(fetch), 'https://collector.example', payload)).toEqual({ kind: 'sent' });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('https://collector.example/v1/feedback');
    expect(init).toMatchObject({ method: 'POST', mode: 'cors', credentials: 'omit', keepalive: true, headers: { 'content-type': 'application/json' } });
    expect(JSON.parse(init.body as string)).toEqual(payload);
  });

  it.each([
    [200, 'sent'],
    [201, 'sent'],
    [409, 'sent'],
    [400, 'rejected'],
    [403, 'rejected'],
    [404, 'rejected'],
    [413, 'rejected'],
    [415, 'rejected'],
    [408, 'retry'],
    [429, 'retry'],
    [500, 'retry'],
    [502, 'retry'],
    [503, 'retry'],
  ] as const)('treats HTTP %i as %s', (status, kind) => {
    expect(classifyStatus(status)).toBe(kind);
  });

  it('hands back Retry-After with a 429 or 503', async () => {
    const fetch = async () => new Response(null, { status: 429, headers: { 'retry-after': '120' } });
    expect(await postFeedback(deps(fetch), 'https://c.example', samplePayload())).toEqual({ kind: 'retry', retryAfterMs: 120_000 });
  });

  it('treats a network failure as worth retrying, without throwing', async () => {
    const fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await postFeedback(deps(fetch), 'https://c.example', samplePayload())).toEqual({ kind: 'retry', retryAfterMs: null });
  });

  it('gives up on a request that hangs and calls it a network failure', async () => {
    vi.useFakeTimers();
    try {
      const fetch = (_url: string, init: RequestInit) =>
        new Promise<Response>((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
      const sent = postFeedback(deps(fetch), 'https://c.example', samplePayload());
      await vi.advanceTimersByTimeAsync(SEND_TIMEOUT_MS);
      expect(await sent).toEqual({ kind: 'retry', retryAfterMs: null });
    } finally {
      vi.useRealTimers();
    }
  });
});
