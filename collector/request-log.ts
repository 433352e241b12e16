import type { MiddlewareHandler } from 'hono';
import type { CollectorEnv } from './collector-env';

/** One structured log line. Never put comment text, contact data or tokens in one (privacy). */
export type LogLine = { level: 'info' | 'warn' | 'error'; msg: string } & Record<string, string | number | boolean | null>;

/** Where log lines go; the default writes one JSON object per line to stdout. */
export type LogSink = (line: LogLine) => void;

/** Writes each line as JSON on stdout, stamped with the time. */
export const stdoutLog: LogSink = (line) => {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...line })}\n`);
};

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
