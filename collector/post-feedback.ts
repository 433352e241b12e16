import { randomUUID } from 'node:crypto';
import type { Context, Handler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { collectedFeedbackOf, FEEDBACK_LIMITS, parseFeedbackSubmission } from '../core/io/feedback-wire';
import { isSignedContact } from './contact-signature';
import { corsHeaders } from './cors';
import type { FeedbackStore, ScreenReason } from './feedback-store';
import type { TokenBucketLimiter } from './rate-limiter';
import { readBoundedBody } from './read-body';
import { contactSecret, type SiteBook } from './sites';
import { noteSite } from './request-log';

/** Below this many milliseconds between showing the form and sending it, no person filled it in. */
export const MIN_HUMAN_ELAPSED_MS = 1500;

/** What the feedback route needs. */
export interface PostFeedbackDeps {
  store: FeedbackStore;
  sites: SiteBook;
  /** Keyed by addressKey(): an IPv6 client's whole /64 is one address. */
  ipLimiter: TokenBucketLimiter;
  /** Keyed by site: what real submissions spend. */
  siteLimiter: TokenBucketLimiter;
  /** Keyed by site: what submissions screened as bots spend instead, so bots never starve real visitors. */
  botLimiter: TokenBucketLimiter;
  /** The rate-limit key of the client's address. */
  clientAddress: (c: Context) => string;
  now: () => number;
}

/**
 * `POST /v1/feedback`. Checks run cheapest first: address rate limit, media type, size (and arrival), JSON, site, origin,
 * bot screen, site rate limit, fields, consent; only then a commit. A 2xx is sent after the commit is on disk.
 */
export function postFeedback(deps: PostFeedbackDeps): Handler {
  return async (c) => {
    // Headers gathered in a plain object and handed to the Response in one go: c.header() would build a
    // Headers object per request, which cost this route about a sixth of its throughput.
    const headers: Record<string, string> = { 'content-type': 'application/json', vary: 'Origin' };
    const reply = (body: object, status: ContentfulStatusCode) => new Response(JSON.stringify(body), { status, headers });
    const origin = c.req.header('origin');
    // Until the site is known, an origin some site lists may read our errors; after, only the site's own.
    let readable = origin !== undefined && deps.sites.knowsOrigin(origin);
    const fail = (status: ContentfulStatusCode, error: string, field?: string) => {
      if (readable && origin) Object.assign(headers, corsHeaders(origin));
      return reply(field === undefined ? { error } : { error, field }, status);
    };
    const limited = (retryAfterSeconds: number) => {
      headers['retry-after'] = String(retryAfterSeconds);
      return fail(429, 'too many submissions: retry later');
    };

    const byAddress = deps.ipLimiter.take(deps.clientAddress(c));
    if (!byAddress.ok) return limited(byAddress.retryAfterSeconds);

    const mediaType = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
    if (mediaType !== 'application/json') return fail(415, 'body must be JSON sent as Content-Type: application/json');
    const body = await readBoundedBody(c.req.raw);
    if (!body.ok) return body.reason === 'too-large' ? fail(413, 'body is larger than 16 KB') : fail(408, 'body: the connection ended before it arrived');
    let json: unknown;
    try {
      json = JSON.parse(body.text);
    } catch {
      return fail(400, 'body: is not valid JSON', 'body');
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) return fail(400, 'body: must be a JSON object', 'body');

    const fields = json as Record<string, unknown>;
    if (typeof fields.site !== 'string' || fields.site === '') return fail(400, 'site: must be the site key', 'site');
    const site = deps.sites.get(fields.site);
    if (!site) return fail(403, 'unknown site');
    noteSite(c.req.raw, site.key);
    // No Origin means no browser (curl, a server): CORS cannot apply and the site key is public anyway.
    readable = origin !== undefined && site.origins.includes(origin);
    if (origin !== undefined && !readable) return fail(403, 'origin not allowed for this site');
    if (readable && origin) Object.assign(headers, corsHeaders(origin));

    const receivedAt = new Date(deps.now()).toISOString();
    const bot = screenReason(fields);
    if (bot) {
      // Only a count is kept. Screened before the site's budget is charged, from a budget of their own: a flood of bots cannot leave
      // real visitors with 429s, and only so many counts a minute reach the store. Their answers are those of a
      // real submission (201, or 429 once their budget is spent), so a bot learns little.
      const byBotBudget = deps.botLimiter.take(site.key);
      if (!byBotBudget.ok) return limited(byBotBudget.retryAfterSeconds);
      await deps.store.countScreened(site.key, bot, receivedAt.slice(0, 10));
      const id = typeof fields.id === 'string' && fields.id.length >= FEEDBACK_LIMITS.idMin && fields.id.length <= FEEDBACK_LIMITS.idMax ? fields.id : randomUUID();
      return reply({ id, receivedAt }, 201);
    }

    const bySite = deps.siteLimiter.take(site.key);
    if (!bySite.ok) return limited(bySite.retryAfterSeconds);

    const parsed = parseFeedbackSubmission(fields);
    if (!parsed.ok) return fail(400, parsed.problem.error, parsed.problem.field);
    const input = parsed.value;
    // A missing or wrong token is not an error: the contact is then a claim, not a verified customer.
    const verified = input.contact !== undefined && isSignedContact(contactSecret(site), input.contact, input.token);
    const result = await deps.store.submit(collectedFeedbackOf(input, { site: site.key, verified, receivedAt }));
    return reply({ id: input.id, receivedAt: result.receivedAt }, result.created ? 201 : 200);
  };
}

/** Why a submission looks automated: honeypot field filled, or sent faster than a person can. */
function screenReason(fields: Record<string, unknown>): ScreenReason | null {
  const hp = fields.hp;
  if (hp !== undefined && hp !== null && hp !== false && !(typeof hp === 'string' && hp.trim() === '')) return 'honeypot';
  // Missing elapsedMs is not a signal (a widget may not measure); a non-number is left to field validation.
  if (typeof fields.elapsedMs === 'number' && fields.elapsedMs < MIN_HUMAN_ELAPSED_MS) return 'too-fast';
  return null;
}
