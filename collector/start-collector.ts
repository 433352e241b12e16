import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, type RateLimits } from './app';
import { openFeedbackStore } from './open-store';
import { stdoutLog, type LogSink } from './request-log';
import type { Site } from './sites';

/** How to run a collector in this process. */
export interface CollectorOptions {
  /** Folder of `collector.sqlite`; created if missing (0700). Unused when `databaseUrl` is set. */
  dataDir: string;
  /** `postgres://…`: keep feedback in this PostgreSQL database instead, shared with other collector processes. */
  databaseUrl?: string;
  sites: readonly Site[];
  /** Default 8787; 0 picks a free port (read it back from `url`). */
  port?: number;
  /** Default 127.0.0.1: reachable from this machine only until the seller chooses otherwise. */
  host?: string;
  rateLimits?: Partial<RateLimits>;
  /**
   * Behind a reverse proxy every peer is the proxy, so one address bucket would throttle all visitors at once.
   * When true, the rightmost `X-Forwarded-For` entry (the one our proxy appended) is the visitor's address.
   */
  trustProxy?: boolean;
  log?: LogSink;
  /** How long close() waits for in-flight requests before cutting connections. Default 10 s. */
  drainTimeoutMs?: number;
}

/** A listening collector. */
export interface RunningCollector {
  url: string;
  /** Stops accepting, lets in-flight requests finish (their commits included), then closes the database. */
  close(): Promise<void>;
}

/** Opens the store and listens; resolves once connections are accepted. */
export async function startCollector(options: CollectorOptions): Promise<RunningCollector> {
  const log = options.log ?? stdoutLog;
  const store = await openFeedbackStore(options, {
    // Each waiting request answers that much later: worth a line for whoever looks after the server's disk.
    onSlowCommit: (ms, writes) => log({ level: 'warn', msg: 'slow commit', ms: Math.round(ms), writes }),
  });
  const app = createApp({
    store,
    sites: options.sites,
    rateLimits: options.rateLimits,
    clientAddress: (c) => clientAddress(c, options.trustProxy ?? false),
    log,
  });
  const host = options.host ?? '127.0.0.1';
  const server = serve({ fetch: app.fetch, port: options.port ?? 8787, hostname: host }) as Server;
  try {
    await once(server, 'listening');
  } catch (error) {
    await store.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  log({ level: 'info', msg: 'listening', url });

  let closing: Promise<void> | undefined;
  const close = () => (closing ??= drain(server, options.drainTimeoutMs ?? 10_000).then(async () => {
    await store.close();
    log({ level: 'info', msg: 'closed', url });
  }));
  return { url, close };
}

/** server.close() waits for open connections; idle keep-alive ones are closed as they become idle. */
function drain(server: Server, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const idle = setInterval(() => server.closeIdleConnections(), 25);
    const deadline = setTimeout(() => server.closeAllConnections(), timeoutMs);
    server.close(() => {
      clearInterval(idle);
      clearTimeout(deadline);
      resolve();
    });
    server.closeIdleConnections();
  });
}

function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map((hop) => hop.trim()).filter(Boolean);
    const nearest = hops.at(-1);
    if (nearest) return nearest;
  }
  return getConnInfo(c).remote.address ?? 'unknown';
}
