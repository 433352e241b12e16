import { Hono, type Context } from 'hono';
import { addressKey } from './address-key';
import { preflight, readerCors } from './cors';
import type { FeedbackStore } from './feedback-store';
import { postFeedback } from './post-feedback';
import { TokenBucketLimiter } from './rate-limiter';
import { listFeedback, listScreened } from './read-feedback';
import { loggedPath, logRequests, stdoutLog, type LogSink } from './request-log';
import { SiteBook, type Site } from './sites';

/** Token-bucket sizes; each also refills at this many per minute. */
export interface RateLimits {
  /** Submissions per client address (an IPv6 client's whole /64). */
  perAddressPerMinute: number;
  /** Submissions per site, all addresses together; submissions screened as bots have a budget of this size of their own. */
  perSitePerMinute: number;
  /** Reads refused for a wrong token or unknown site, per client address; past them every read from it waits. */
  failedReadsPerAddressPerMinute: number;
}

/**
 * Defaults: a visitor sends a handful, a busy small store far fewer than 600 a minute, and the seller's extension
 * with the right token fails no reads at all.
 */
export const DEFAULT_RATE_LIMITS: RateLimits = { perAddressPerMinute: 30, perSitePerMinute: 600, failedReadsPerAddressPerMinute: 10 };

/** What the collector app is made of; everything but the store and the sites has a default. */
export interface CollectorDeps {
  store: FeedbackStore;
  sites: readonly Site[];
  rateLimits?: Partial<RateLimits>;
  /** The client's address (the Node adapter's peer address in production); limits apply per addressKey() of it. */
  clientAddress?: (c: Context) => string;
  now?: () => number;
  log?: LogSink;
}

/** The collector's HTTP API as a Hono app (no listening: see startCollector; tests use `app.request()`). */
export function createApp(deps: CollectorDeps): Hono {
  const now = deps.now ?? Date.now;
  const log = deps.log ?? stdoutLog;
  const limits = { ...DEFAULT_RATE_LIMITS, ...deps.rateLimits };
  const sites = new SiteBook(deps.sites);
  const clientAddress = deps.clientAddress ?? (() => 'unknown');
  const addressOf = (c: Context) => addressKey(clientAddress(c));
  const app = new Hono();

  logRequests(app, log);
  app.onError((error, c) => {
    log({ level: 'error', msg: 'unhandled error', method: c.req.method, path: loggedPath(c.req.path), error: error.message });
    return c.json({ error: 'internal error' }, 500);
  });
  app.notFound((c) => c.json({ error: 'not found' }, 404));

  app.use('/healthz', readerCors());
  app.use('/v1/screened', readerCors());
  app.get('/healthz', (c) => c.json({ ok: true }));
  app.options('/v1/feedback', preflight(sites));
  app.post(
    '/v1/feedback',
    postFeedback({
      store: deps.store,
      sites,
      ipLimiter: new TokenBucketLimiter({ perMinute: limits.perAddressPerMinute, now }),
      siteLimiter: new TokenBucketLimiter({ perMinute: limits.perSitePerMinute, now }),
      botLimiter: new TokenBucketLimiter({ perMinute: limits.perSitePerMinute, now }),
      clientAddress: addressOf,
      now,
    }),
  );
  const readDeps = {
    store: deps.store,
    sites,
    failedReads: new TokenBucketLimiter({ perMinute: limits.failedReadsPerAddressPerMinute, now }),
    clientAddress: addressOf,
  };
  app.get('/v1/feedback', readerCors(), listFeedback(readDeps));
  app.get('/v1/screened', listScreened(readDeps));
  return app;
}
