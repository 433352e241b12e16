import type { Context, Handler } from 'hono';
import { FEEDBACK_PAGE_SIZE, type CollectedPage } from '../core/io/feedback-wire';
import { bearerMatches } from './bearer';
import type { FeedbackStore } from './feedback-store';
import type { TokenBucketLimiter } from './rate-limiter';
import type { Site, SiteBook } from './sites';
import { noteSite } from './request-log';

/** Page size when `limit` is not given, and the largest allowed (the wire contract's). */
export const DEFAULT_PAGE_SIZE = FEEDBACK_PAGE_SIZE.default;
export const MAX_PAGE_SIZE = FEEDBACK_PAGE_SIZE.max;

/** What the seller's read routes need. */
export interface ReadFeedbackDeps {
  store: FeedbackStore;
  sites: SiteBook;
  /** Refused reads per client address (see authorizedSite). */
  failedReads: TokenBucketLimiter;
  /** The rate-limit key of the client's address. */
  clientAddress: (c: Context) => string;
}

/**
 * The site a read is for, when its bearer token matches. An unknown site answers 401 like a wrong token, so
 * the read side does not reveal which site keys exist. Each 401 spends one of the address's failed reads; once
 * they are spent, every read from that address answers 429 before its token is looked at, right or wrong:
 * letting a right guess through would leave guessing unthrottled. Other addresses are not affected.
 */
function authorizedSite(c: Context, deps: ReadFeedbackDeps): { site: Site } | { response: Response } {
  const key = c.req.query('site');
  if (!key) return { response: c.json({ error: 'site: must be the site key', field: 'site' }, 400) };
  const address = deps.clientAddress(c);
  const waiting = deps.failedReads.peek(address);
  if (!waiting.ok) {
    c.header('Retry-After', String(waiting.retryAfterSeconds));
    return { response: c.json({ error: 'too many refused reads from this address: retry later' }, 429) };
  }
  const site = deps.sites.get(key);
  if (!bearerMatches(c.req.header('authorization'), site?.token ?? '\0no site') || !site) {
    deps.failedReads.take(address);
    c.header('WWW-Authenticate', 'Bearer realm="clientela-collector"');
    return { response: c.json({ error: 'missing or wrong bearer token for this site' }, 401) };
  }
  noteSite(c.req.raw, site.key);
  return { site };
}

/**
 * `GET /v1/feedback?site=&after=&limit=` → `{ items, next, cursor }`, items in commit order. `next` is the
 * cursor of the following page, or null when there is none yet; `cursor` is always where to resume later
 * (pass it as `after` on the next pull), so a client that reached the end does not start over.
 */
export function listFeedback(deps: ReadFeedbackDeps): Handler {
  return async (c) => {
    const auth = authorizedSite(c, deps);
    if ('response' in auth) return auth.response;
    const after = wholeNumber(c.req.query('after'), 0);
    if (after === null) return c.json({ error: 'after: must be a cursor from a previous page', field: 'after' }, 400);
    const limit = wholeNumber(c.req.query('limit'), DEFAULT_PAGE_SIZE);
    if (limit === null || limit < 1 || limit > MAX_PAGE_SIZE) return c.json({ error: `limit: must be a whole number from 1 to ${MAX_PAGE_SIZE}`, field: 'limit' }, 400);
    const page = await deps.store.page(auth.site.key, after, limit);
    const body: CollectedPage = { items: page.items, next: page.more ? String(page.last) : null, cursor: String(page.last) };
    return c.json(body);
  };
}

/** `GET /v1/screened?site=` → `{ counts: [{ day, reason, count }] }`: submissions screened out as bots. */
export function listScreened(deps: ReadFeedbackDeps): Handler {
  return async (c) => {
    const auth = authorizedSite(c, deps);
    if ('response' in auth) return auth.response;
    return c.json({ counts: await deps.store.screenedCounts(auth.site.key) });
  };
}

function wholeNumber(text: string | undefined, fallback: number): number | null {
  if (text === undefined || text === '') return fallback;
  if (!/^\d{1,15}$/.test(text)) return null;
  return Number(text);
}
