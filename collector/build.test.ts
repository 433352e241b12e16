import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCollector } from './build';
import { collectorEnv, pullAll, SHOP, spawnCollector, submission, tempDir } from './test-kit';

// Inside the repository, so the bundle finds node_modules the way .output/collector does.
const OUTDIR = resolve(import.meta.dirname, `../.output/collector-test-${process.pid}`);

describe('the built collector (what `npm run collector` runs)', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeAll(async () => {
    temp = tempDir();
    await buildCollector(OUTDIR);
  }, 30_000);
  afterAll(() => {
    temp.remove();
    rmSync(OUTDIR, { recursive: true, force: true });
  });

  it('runs with plain node: stores a submission, serves it back, stops on SIGTERM', async () => {
    const collector = await spawnCollector(collectorEnv(temp.dir), [join(OUTDIR, 'server.mjs')]);
    const body = submission({ comment: 'do pacote' });
    const response = await fetch(`${collector.url}/v1/feedback`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://loja.example' }, body: JSON.stringify(body) });
    expect(response.status).toBe(201);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://loja.example');
    expect((await fetch(`${collector.url}/healthz`)).status).toBe(200);
    expect((await pullAll(collector.url, SHOP)).map((item) => item.id)).toEqual([body.id]);
    collector.child.kill('SIGTERM');
    expect(await collector.exited).toEqual({ code: 0, signal: null });
    expect(collector.stdout()).toMatch(/"status":201[\s\S]*"msg":"closed"/);
  }, 30_000);
});
