import type { ExecutionContext } from 'hono';
import { getPath } from 'hono/utils/url';

/** One structured log line. Never put comment text, contact data or tokens in one (privacy). */
export type LogLine = { level: 'info' | 'warn' | 'error'; msg: string } & Record<string, string | number | boolean | null>;

/** Where log lines go; the default writes one JSON object per line to stdout. */
export type LogSink = (line: LogLine) => void;

/** Longest a request line waits in memory before it is written. */
export const LOG_FLUSH_MS = 100;
const LOG_FLUSH_BYTES = 64 * 1024;

/**
 * Writes one JSON object per line, stamped with the time. Request lines are gathered and
 * written together at most LOG_FLUSH_MS later (a write per request cost the collector about a sixth of its
 * throughput); any other line (start, stop, errors) is written at once with whatever is waiting, so the order
 * holds. Whatever is waiting is written when the process exits.
 */
export function bufferedLog(write: (text: string) => void): LogSink {
  let waiting = '';
  // Under load many lines share a millisecond: format the time once per millisecond.
  let stampedAt = 0;
  let stamp = '';
  let timer: NodeJS.Timeout | null = null;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const text = waiting;
    waiting = '';
    if (text) write(text);
  };
  process.on('exit', flush);
  return (line) => {
    const now = Date.now();
    if (now !== stampedAt) {
      stampedAt = now;
      stamp = new Date(now).toISOString();
    }
    waiting += `${JSON.stringify({ time: stamp, ...line })}\n`;
    if (line.msg !== 'request' || line.level === 'error' || waiting.length >= LOG_FLUSH_BYTES) flush();
    else timer ??= setTimeout(flush, LOG_FLUSH_MS).unref();
  };
}

/** The collector's default log: stdout, see bufferedLog. */
export const stdoutLog: LogSink = bufferedLog((text) => process.stdout.write(text));

/** Longest path a log line carries; Node accepts request lines of up to about 16 KB. */
export const MAX_LOGGED_PATH = 200;

/** The path as logged: cut to MAX_LOGGED_PATH characters and marked, so a long URL cannot make a long log line. */
export function loggedPath(path: string): string {
  return path.length <= MAX_LOGGED_PATH ? path : `${path.slice(0, MAX_LOGGED_PATH)}…[${path.length} chars]`;
}

const siteOfRequest = new WeakMap<Request, string>();

/** Records which configured site a request was for, for its log line (never a client-made string). */
export function noteSite(request: Request, key: string): void {
  siteOfRequest.set(request, key);
}

type Fetch = (request: Request, env?: object, executionCtx?: ExecutionContext) => Response | Promise<Response>;

/**
 * Logs one line per request with its outcome: method, path (no query, cut to MAX_LOGGED_PATH), status,
 * milliseconds, site. It wraps the
 * app's fetch rather than being a middleware: with one handler per route Hono skips its middleware chain, which
 * on the feedback route was worth about a fifth of the server's CPU per request.
 */
export function logRequests(app: { fetch: Fetch }, log: LogSink): void {
  const dispatch = app.fetch;
  app.fetch = async (request, env, executionCtx) => {
    const started = performance.now();
    const response = await dispatch(request, env, executionCtx);
    const status = response.status;
    log({
      level: status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info',
      msg: 'request',
      method: request.method,
      path: loggedPath(getPath(request)),
      status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      site: siteOfRequest.get(request) ?? null,
    });
    return response;
  };
}
