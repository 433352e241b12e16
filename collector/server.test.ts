import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectorEnv, spawnCollector, tempDir } from './test-kit';

/** A loopback port nothing listens on (the OS handed it out, then it was closed again). */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('CLIENTELA_DATABASE_URL', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => (temp = tempDir()));
  afterEach(() => temp.remove());

  it('must be a postgres:// URL: anything else exits 1 without echoing the rest, which may hold a password', async () => {
    const env = collectorEnv(temp.dir, { CLIENTELA_DATABASE_URL: 'mysql://admin:hunter2@db/feedback' });
    const failure = spawnCollector(env);
    await expect(failure).rejects.toThrow(/exited with 1 before listening: .*CLIENTELA_DATABASE_URL: must start with postgres:\/\/ or postgresql:\/\/ \(got "mysql:…"\)/);
    await expect(failure).rejects.not.toThrow(/hunter2/);
  });

  it('exits 1 saying it could not start when the database cannot be reached', async () => {
    const env = collectorEnv(temp.dir, { CLIENTELA_DATABASE_URL: `postgres://collector@127.0.0.1:${await closedPort()}/feedback` });
    await expect(spawnCollector(env)).rejects.toThrow(/exited with 1 before listening: Clientela collector: could not start: .*ECONNREFUSED/);
  }, 30_000);
});
