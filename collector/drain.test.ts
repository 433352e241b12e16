import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectorEnv, pullAll, SHOP, spawnCollector, submission, tempDir } from './test-kit';

describe('SIGTERM', () => {
  let temp: ReturnType<typeof tempDir>;
  let env: Record<string, string>;
  beforeEach(() => {
    temp = tempDir();
    env = collectorEnv(temp.dir);
  });
  afterEach(() => temp.remove());

  it('stops accepting, finishes the request in flight (stored), then exits 0', async () => {
    const collector = await spawnCollector(env);
    const body = JSON.stringify(submission({ comment: 'chegou durante o desligamento' }));
    const half = Math.floor(body.length / 2);
    let finishBody = () => undefined as void;
    const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(`${collector.url}/v1/feedback`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
      // Headers and half the body now: the server has a request in flight waiting for the rest.
      req.write(body.slice(0, half));
      finishBody = () => void req.end(body.slice(half));
    });
    await sleep(200);
    collector.child.kill('SIGTERM');
    await sleep(300);
    await expect(fetch(`${collector.url}/healthz`)).rejects.toThrow();
    expect(collector.child.exitCode).toBeNull();
    finishBody();
    const response = await answered;
    expect(response.status).toBe(201);
    expect(await collector.exited).toEqual({ code: 0, signal: null });
    expect(collector.stdout()).toMatch(/"msg":"draining","signal":"SIGTERM"[\s\S]*"status":201[\s\S]*"msg":"closed"/);

    const again = await spawnCollector(env);
    try {
      expect((await pullAll(again.url, SHOP)).map((item) => item.id)).toEqual([JSON.parse(body).id]);
    } finally {
      again.child.kill('SIGINT');
      expect((await again.exited).code).toBe(0);
    }
  }, 20_000);
});
