import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, type RateLimits } from './app';
import { openFeedbackStore } from './open-store';
import { stdoutLog, type LogSink } from './request-log';
import { parseSites, type Site } from './sites';

/**
 * What one client may hold of the server: connections, and time to send a request. Without them a client can
 * keep connections open for nothing (sending a header every few seconds, or no byte at all) until the process
 * runs out of file descriptors, and every visitor after it is refused.
 */
export interface ServerLimits {
  /** Connections open at once; past it, new ones are closed as they arrive (keep it below `ulimit -n`). */
  maxConnections: number;
  /** To receive a request's headers (for a new connection, counted from its opening); then 408 and closed. */
  headersTimeoutMs: number;
  /** To receive a whole request, body included (16 KB at most); then 408 and closed. */
  requestTimeoutMs: number;
  /** How long a kept-alive connection may sit idle between requests. */
  keepAliveTimeoutMs: number;
}

/**
 * Defaults: 500 connections is far above what a small store's visitors open at once and well below the 1024
 * descriptors a process usually gets; 10 s for headers and 30 s for a 16 KB request are generous on a poor mobile
 * network; 5 s keep-alive is Node's own default.
 */
export const DEFAULT_SERVER_LIMITS: ServerLimits = { maxConnections: 500, headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000 };

/** How often Node looks for requests past their timeouts (its default, 30 s, would let a slow one live 40 s). */
const TIMEOUT_CHECK_INTERVAL_MS = 1_000;

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
  serverLimits?: Partial<ServerLimits>;
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

/** Checks the sites as the sites file is checked (weak tokens refused), opens the store and listens; resolves once connections are accepted. */
export async function startCollector(options: CollectorOptions): Promise<RunningCollector> {
  const sites = parseSites('startCollector options', { sites: options.sites });
  const log = options.log ?? stdoutLog;
  const store = await openFeedbackStore(options, {
    // Each waiting request answers that much later: worth a line for whoever looks after the server's disk.
    onSlowCommit: (ms, writes) => log({ level: 'warn', msg: 'slow commit', ms: Math.round(ms), writes }),
  });
  const app = createApp({
    store,
    sites,
    rateLimits: options.rateLimits,
    clientAddress: (c) => clientAddress(c, options.trustProxy ?? false),
    log,
  });
  const host = options.host ?? '127.0.0.1';
  const limits = { ...DEFAULT_SERVER_LIMITS, ...options.serverLimits };
  const server = serve({
    fetch: app.fetch,
    port: options.port ?? 8787,
    hostname: host,
    serverOptions: {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS,
    },
  }) as Server;
  // Set before the first connection is accepted (that happens on a later turn of the event loop).
  server.maxConnections = limits.maxConnections;
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
