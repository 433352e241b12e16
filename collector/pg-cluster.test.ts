import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postgresBinDir } from './pg-cluster';
import { tempDir } from './test-kit';

/** Whether `pid` is a live process (a zombie nobody reaped does not count: PID 1 of a container may not reap). */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

describe('postgresBinDir', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => (temp = tempDir()));
  afterEach(() => temp.remove());

  it('picks the newest version that has initdb, by number', () => {
    for (const version of ['9', '15', '16']) mkdirSync(join(temp.dir, version, 'bin'), { recursive: true });
    for (const version of ['9', '15']) writeFileSync(join(temp.dir, version, 'bin/initdb'), '');
    expect(postgresBinDir(temp.dir)).toBe(join(temp.dir, '15', 'bin'));
  });

  it('fails naming what to install when there is none', () => {
    expect(() => postgresBinDir(join(temp.dir, 'absent'))).toThrow(/not found.*apt-get install -y postgresql/);
  });
});

describe('startPgCluster', () => {
  it('leaves no server or folder behind when the process that started it is killed', async () => {
    const script = "import { startPgCluster } from './collector/pg-cluster.ts'; const c = await startPgCluster(); console.log(JSON.stringify({ pid: c.pid(), dir: c.dir })); setInterval(() => {}, 1000);";
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: resolve(import.meta.dirname, '..'), stdio: ['ignore', 'pipe', 'inherit'] });
    const started = await new Promise<{ pid: number; dir: string }>((done, fail) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('\n')) done(JSON.parse(out) as { pid: number; dir: string });
      });
      child.once('exit', (code) => fail(new Error(`exited with ${code} before the cluster started`)));
    });
    expect(alive(started.pid)).toBe(true);
    child.kill('SIGKILL');
    await expect.poll(() => alive(started.pid) || existsSync(started.dir), { timeout: 60_000, interval: 250 }).toBe(false);
  }, 240_000);
});
