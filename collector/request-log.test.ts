import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bufferedLog, LOG_FLUSH_MS, MAX_LOGGED_PATH } from './request-log';
import { appHarness, submission } from './test-kit';

const request = (path: string) => ({ level: 'info' as const, msg: 'request', method: 'POST', path, status: 201 });
const parsed = (writes: string[]) => writes.join('').trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);

describe('bufferedLog', () => {
  let writes: string[];
  beforeEach(() => {
    vi.useFakeTimers();
    writes = [];
  });
  afterEach(() => vi.useRealTimers());

  it('gathers request lines and writes them together once the flush delay has passed', () => {
    const log = bufferedLog((text) => writes.push(text));
    log(request('/v1/feedback'));
    log(request('/healthz'));
    expect(writes).toEqual([]);
    vi.advanceTimersByTime(LOG_FLUSH_MS);
    expect(writes).toHaveLength(1);
    const lines = parsed(writes);
    expect(lines.map((line) => line.path)).toEqual(['/v1/feedback', '/healthz']);
    expect(lines.every((line) => typeof line.time === 'string' && !Number.isNaN(Date.parse(line.time as string)))).toBe(true);
  });

  it('writes other lines and errors at once, after the request lines waiting before them', () => {
    const log = bufferedLog((text) => writes.push(text));
    log(request('/first'));
    log({ level: 'info', msg: 'draining', signal: 'SIGTERM' });
    expect(parsed(writes).map((line) => line.msg)).toEqual(['request', 'draining']);
    log({ level: 'error', msg: 'request', method: 'POST', path: '/boom', status: 500 });
    expect(writes).toHaveLength(2);
    expect(parsed(writes).at(-1)?.path).toBe('/boom');
    // Nothing left behind for the timer to write twice.
    vi.advanceTimersByTime(LOG_FLUSH_MS * 2);
    expect(writes).toHaveLength(2);
  });

  it('writes early when many lines are waiting, so memory stays bounded under load', () => {
    const log = bufferedLog((text) => writes.push(text));
    for (let i = 0; i < 2000; i++) log(request(`/v1/feedback/${i}`));
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.every((text) => text.length <= 64 * 1024 + 200)).toBe(true);
    vi.advanceTimersByTime(LOG_FLUSH_MS);
    expect(parsed(writes).map((line) => line.path)).toEqual(Array.from({ length: 2000 }, (_, i) => `/v1/feedback/${i}`));
  });
});

describe('request log lines', () => {
  it('carry at most MAX_LOGGED_PATH characters of the path, marked as cut', async () => {
    const h = appHarness();
    const path = `/v1/${'a'.repeat(8192)}`;
    await h.app.request(path);
    await h.post(submission());
    h.close();
    expect(h.logs[0]?.path).toBe(`${path.slice(0, MAX_LOGGED_PATH)}…[${path.length} chars]`);
    expect(JSON.stringify(h.logs[0]).length).toBeLessThan(400);
    expect(h.logs[1]?.path).toBe('/v1/feedback');
  });
});
