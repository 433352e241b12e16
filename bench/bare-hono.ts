// The collector bench's peer: Hono on Node doing the least a JSON POST endpoint can (parse, answer 201).
// Built and run like the collector (see bench/collector-bench.ts); prints its URL as the collector does.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';

const app = new Hono();
app.post('/v1/feedback', async (c) => {
  const body = (await c.req.json()) as { id?: unknown };
  return c.json({ id: body.id }, 201);
});
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
  process.stdout.write(`${JSON.stringify({ level: 'info', msg: 'listening', url: `http://127.0.0.1:${info.port}` })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
