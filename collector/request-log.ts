import type { MiddlewareHandler } from 'hono';
import type { CollectorEnv } from './collector-env';

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
    waiting += `${JSON.stringify({ time: new Date().toISOString(), ...line })}\n`;
    if (line.msg !== 'request' || line.level === 'error' || waiting.length >= LOG_FLUSH_BYTES) flush();
    else timer ??= setTimeout(flush, LOG_FLUSH_MS).unref();
  };
}

/** The collector's default log: stdout, see bufferedLog. */
export const stdoutLog: LogSink = bufferedLog((text) => process.stdout.write(text));

/** Logs one line per request with its outcome: method, path (no query), status, milliseconds, site. */
export function requestLog(log: LogSink): MiddlewareHandler<CollectorEnv> {
  return async (c, next) => {
    const started = performance.now();
    c.set('site', null);
    await next();
    const status = c.res.status;
    log({
      level: status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info',
      msg: 'request',
      method: c.req.method,
      path: c.req.path,
      status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      site: c.get('site'),
    });
  };
}
