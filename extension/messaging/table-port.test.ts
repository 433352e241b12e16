import { afterEach, describe, expect, it, vi } from 'vitest';
import { TABLE_PORT, watchTable } from './table-port';

type Listener = (message?: unknown) => void;

/** A port the test drives: what the page posts, and the background's side (deliver, break). */
function fakeRuntime() {
  const ports: { name: string; posted: unknown[]; deliver: Listener; break: () => void; disconnected: boolean }[] = [];
  const connect = vi.fn(({ name }: { name: string }) => {
    const onMessage: Listener[] = [];
    const onDisconnect: Listener[] = [];
    const port = {
      name,
      posted: [] as unknown[],
      disconnected: false,
      deliver: (message?: unknown) => onMessage.forEach((listener) => listener(message)),
      break: () => onDisconnect.forEach((listener) => listener()),
    };
    ports.push(port);
    return {
      name,
      postMessage: (message: unknown) => port.posted.push(message),
      disconnect: () => {
        port.disconnected = true;
      },
      onMessage: { addListener: (listener: Listener) => onMessage.push(listener) },
      onDisconnect: { addListener: (listener: Listener) => onDisconnect.push(listener) },
    };
  });
  return { runtime: { connect } as never, ports };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the table port', () => {
  it('passes table updates on, pings to keep the worker awake, and reconnects after the worker stopped', () => {
    vi.useFakeTimers();
    const { runtime, ports } = fakeRuntime();
    const heard: unknown[] = [];
    const controller = new AbortController();
    watchTable((update) => heard.push(update), controller.signal, runtime);
    expect(ports.map((port) => port.name)).toEqual([TABLE_PORT]);
    const first = ports[0];
    first?.deliver({ type: 'table/updated', version: 3, predictions: 'ready' });
    first?.deliver({ type: 'book/changed', customerIds: [] });
    expect(heard).toEqual([{ type: 'table/updated', version: 3, predictions: 'ready' }]);

    vi.advanceTimersByTime(20_000);
    expect(first?.posted).toEqual([{ type: 'table/keep-alive' }]);

    first?.break();
    vi.advanceTimersByTime(1_000);
    expect(ports).toHaveLength(2);
    // The worker's table is gone and changes meanwhile went unannounced: the page is told to query again.
    expect(heard.at(-1)).toBeNull();

    controller.abort();
    expect(ports[1]?.disconnected).toBe(true);
    vi.advanceTimersByTime(60_000);
    expect(ports[1]?.posted).toEqual([]);
    expect(ports).toHaveLength(2);
  });
});
