import type { Context, Handler, MiddlewareHandler } from 'hono';
import type { SiteBook } from './sites';

/** Seconds a browser may cache a preflight answer. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * Lets the page at `origin` read this response (the widget needs the status and, on 429, Retry-After).
 * Call only for origins already checked against the site list; every CORS response varies by Origin.
 */
export function allowOrigin(c: Context, origin: string): void {
  for (const [name, value] of Object.entries(corsHeaders(origin))) c.header(name, value);
}

/** The headers allowOrigin sets, for a route that builds its response headers itself. */
export function corsHeaders(origin: string): Record<string, string> {
  return { 'access-control-allow-origin': origin, 'access-control-expose-headers': 'Retry-After' };
}

/**
 * Preflight for `POST /v1/feedback`. It carries no body, so the site is unknown: any origin listed by some site
 * gets an answer, and the POST itself re-checks the origin against its site. Others get 403 without CORS
 * headers, which the browser reports as a failed request.
 */
export function preflight(sites: SiteBook): Handler {
  return (c) => {
    c.header('Vary', 'Origin');
    const origin = c.req.header('origin');
    if (origin && isExtensionOrigin(origin) && c.req.header('access-control-request-method') === 'GET') {
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Access-Control-Allow-Methods', 'GET');
      c.header('Access-Control-Allow-Headers', 'Authorization');
      c.header('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE_SECONDS));
      return c.body(null, 204);
    }
    if (!origin || !sites.knowsOrigin(origin)) return c.body(null, 403);
    allowOrigin(c, origin);
    c.header('Access-Control-Allow-Methods', 'POST');
    c.header('Access-Control-Allow-Headers', 'Content-Type');
    c.header('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE_SECONDS));
    return c.body(null, 204);
  };
}

/**
 * The seller's Clientela extension reads feedback from its own page or background, whose origin is
 * `chrome-extension://<id>` or `moz-extension://<uuid>`. Reads are guarded by the site's bearer token, not by the
 * origin, so any extension origin may read the answer — and the extension needs no host permission for it.
 */
export function isExtensionOrigin(origin: string): boolean {
  return /^(chrome-extension|moz-extension):\/\/[a-z0-9-]+$/i.test(origin);
}

/** CORS for the read endpoints (health, feedback list): readable by extension origins only. */
export function readerCors(): MiddlewareHandler {
  return async (c, next) => {
    c.header('Vary', 'Origin');
    const origin = c.req.header('origin');
    if (origin && isExtensionOrigin(origin)) c.header('Access-Control-Allow-Origin', origin);
    await next();
  };
}
