import { browser, type Browser } from 'wxt/browser';
import type { TableUpdatedMessage } from './protocol';

/** Name of the port an open book page holds to the background while it shows the customer table. */
export const TABLE_PORT = 'clientela:table';

/**
 * MV3 stops a service worker after ~30 s without events; a message on a port is an event, so the page pings this
 * often while it shows the table. Without it every idle half minute would cost a cold start and a rebuild.
 */
const KEEP_ALIVE_MS = 20_000;
const RECONNECT_MS = 1_000;

/** Narrows what arrives on the table port (from our own background: a shape check is enough). */
export function isTableUpdated(message: unknown): message is TableUpdatedMessage {
  return typeof message === 'object' && message !== null && (message as TableUpdatedMessage).type === 'table/updated';
}

type Runtime = Pick<typeof browser.runtime, 'connect'>;

/**
 * Holds the table port while `signal` is live: calls back with each `table/updated` from the background, and with
 * null after the port broke and was connected again (the worker was stopped: its table is gone and whatever
 * changed meanwhile was not announced, so query again; that query rebuilds the table).
 */
export function watchTable(onUpdated: (update: TableUpdatedMessage | null) => void, signal: AbortSignal, runtime: Runtime = browser.runtime): void {
  let port: Browser.runtime.Port | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const ping = setInterval(() => port?.postMessage({ type: 'table/keep-alive' }), KEEP_ALIVE_MS);
  const connect = (reconnected: boolean) => {
    if (signal.aborted) return;
    const current = runtime.connect({ name: TABLE_PORT });
    port = current;
    current.onMessage.addListener((message: unknown) => {
      if (isTableUpdated(message)) onUpdated(message);
    });
    current.onDisconnect.addListener(() => {
      port = null;
      if (!signal.aborted) retry = setTimeout(() => connect(true), RECONNECT_MS);
    });
    if (reconnected) onUpdated(null);
  };
  signal.addEventListener(
    'abort',
    () => {
      clearInterval(ping);
      clearTimeout(retry);
      port?.disconnect();
      port = null;
    },
    { once: true },
  );
  connect(false);
}
