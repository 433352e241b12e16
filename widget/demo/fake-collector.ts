// A stand-in for the collector on loopback, for the end-to-end tests and `serve.ts --fake-collector`: it speaks
// the widget's side of the protocol (CORS, POST /v1/feedback, dedupe by id) and lets a test make it fail.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeCollector {
  origin: string;
  /** Every POST body received, in order, duplicates included. */
  received: Record<string, unknown>[];
  /** Stored rows by id: a resent id is not stored twice, as in the real collector. */
  rows: Map<string, Record<string, unknown>>;
  /** Answer every following POST with this status (and headers) instead of storing; `null` goes back to storing. */
  failWith(status: number | null, headers?: Record<string, string>): void;
  close(): Promise<void>;
}

export interface FakeCollectorOptions {
  port?: number;
  /** Which page origins get CORS headers; default: any http origin on 127.0.0.1 or localhost. */
  allowOrigin?: (origin: string) => boolean;
}

const LOOPBACK = /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/;
const MAX_BODY = 64 * 1024;

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startFakeCollector(options: FakeCollectorOptions = {}): Promise<FakeCollector> {
  const allow = options.allowOrigin ?? ((origin: string) => LOOPBACK.test(origin));
  const received: Record<string, unknown>[] = [];
  const rows = new Map<string, Record<string, unknown>>();
  let failure: { status: number; headers: Record<string, string> } | null = null;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const origin = req.headers.origin;
    if (origin && allow(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      // The widget reads Retry-After on 429/503: cross-origin it is only visible when exposed.
      res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
    }
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path !== '/v1/feedback') return res.writeHead(404).end();
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'POST');
      res.setHeader('Access-Control-Allow-Headers', 'content-type');
      res.setHeader('Access-Control-Max-Age', '600');
      return res.writeHead(204).end();
    }
    if (req.method !== 'POST') return res.writeHead(405).end();
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return res.writeHead(415).end();
    const text = await readBody(req);
    if (text === null) return res.writeHead(413).end();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return res.writeHead(400).end();
    }
    if (!body || typeof body !== 'object' || typeof (body as { id?: unknown }).id !== 'string') return res.writeHead(400).end();
    const record = body as Record<string, unknown>;
    received.push(record);
    if (failure) return res.writeHead(failure.status, failure.headers).end();
    const id = record.id as string;
    const fresh = !rows.has(id);
    if (fresh) rows.set(id, record);
    res.writeHead(fresh ? 201 : 200, { 'content-type': 'application/json' }).end(JSON.stringify({ id, stored: fresh }));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    rows,
    failWith(status, headers = {}) {
      failure = status === null ? null : { status, headers };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
