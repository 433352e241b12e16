// A throw-away PostgreSQL cluster for the collector's tests and bench (not used by the collector itself).
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';

const run = promisify(execFile);
const PG_ROOT = '/usr/lib/postgresql';

/** A running cluster on 127.0.0.1, trust authentication, superuser `postgres`. */
export interface PgCluster {
  port: number;
  /** Its temp folder: the data directory, the socket and `server.log`. */
  dir: string;
  /** `postgres://postgres@127.0.0.1:<port>/<database>` (default database `postgres`). */
  url(database?: string): string;
  /** The postmaster's process id (its children are the backends and background workers). */
  pid(): number;
  /** Creates an empty database; resolves with its URL. */
  createDatabase(name: string): Promise<string>;
  /** Kills the server without a shutdown checkpoint (like a power cut to PostgreSQL) and starts it again: WAL is replayed. */
  crashAndRestart(): Promise<void>;
  /** Stops the server and removes its folder. */
  stop(): Promise<void>;
}

/** The newest `/usr/lib/postgresql/<version>/bin` that has initdb; fails with what to install when there is none. */
export function postgresBinDir(root = PG_ROOT): string {
  const versions = existsSync(root) ? readdirSync(root).filter((name) => /^\d+$/.test(name) && existsSync(join(root, name, 'bin/initdb'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (newest === undefined) {
    throw new Error(`PostgreSQL server binaries not found (no ${root}/<version>/bin/initdb): install Debian's postgresql (apt-get install -y postgresql; .ci/run does this)`);
  }
  return join(root, newest, 'bin');
}

/**
 * initdb in a temp folder and pg_ctl start on a free loopback port, with the socket in that folder too.
 * `settings` become `-c name=value` server options. PostgreSQL refuses to run as root, so as root every command
 * runs as the `postgres` user (runuser), which owns the folder. A watchdog stops the server and removes the folder
 * if this process dies without calling stop() (a killed test worker leaks no server).
 */
export async function startPgCluster(settings: Record<string, string> = {}): Promise<PgCluster> {
  const bin = postgresBinDir();
  const dir = mkdtempSync(join(tmpdir(), 'clientela-pg-'));
  const data = join(dir, 'data');
  const asOwner = (command: string, args: string[]) =>
    process.getuid?.() === 0 ? run('runuser', ['-u', 'postgres', '--', join(bin, command), ...args]) : run(join(bin, command), args);
  // From the start: a process killed during initdb or pg_ctl start leaks nothing either.
  const watchdog = spawn('sh', ['-c', watchdogScript(bin, data, dir)], { detached: true, stdio: 'ignore' });
  watchdog.unref();
  try {
    if (process.getuid?.() === 0) await run('chown', ['postgres:', dir]);
    // --no-sync: a throw-away cluster need not survive the machine; the server's own fsync stays on.
    await asOwner('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
    let port = await startServer(asOwner, data, dir, settings);
    const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
    const pgStop = () => asOwner('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    return {
      get port() {
        return port;
      },
      dir,
      url,
      pid: () => Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]),
      async createDatabase(name) {
        const sql = postgres(url(), { max: 1, onnotice: () => undefined });
        try {
          await sql.unsafe(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
        } finally {
          await sql.end();
        }
        return url(name);
      },
      async crashAndRestart() {
        await pgStop();
        port = await startServer(asOwner, data, dir, settings, port);
      },
      async stop() {
        stopWatchdog(watchdog);
        await pgStop().catch(() => undefined);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    stopWatchdog(watchdog);
    await asOwner('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

type AsOwner = (command: string, args: string[]) => Promise<unknown>;

/** pg_ctl start on `port`, or on a free one (retrying when another process took it first); resolves with the port. */
async function startServer(asOwner: AsOwner, data: string, dir: string, settings: Record<string, string>, port?: number): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const chosen = port ?? (await freePort());
    const options = [`-p ${chosen}`, `-k ${dir}`, '-c listen_addresses=127.0.0.1', ...Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`)];
    try {
      await asOwner('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', options.join(' '), '-w', '-t', '120', 'start']);
      return chosen;
    } catch (error) {
      if (port !== undefined || attempt === 3) throw new Error(`pg_ctl start failed: ${(error as Error).message}\n${readLog(dir)}`);
    }
  }
}

function readLog(dir: string): string {
  try {
    return readFileSync(join(dir, 'server.log'), 'utf8');
  } catch {
    return '(no server log)';
  }
}

/** A port the OS just handed out on 127.0.0.1 (free now; startServer retries if it is taken before PostgreSQL binds it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Kills the watchdog's process group (its shell and the `sleep` it waits in). */
function stopWatchdog(watchdog: ReturnType<typeof spawn>): void {
  if (watchdog.pid !== undefined) process.kill(-watchdog.pid, 'SIGKILL');
}

/** Shell that waits for this process to end, then stops the server and removes its folder. */
function watchdogScript(bin: string, data: string, dir: string): string {
  const pgCtl = `${process.getuid?.() === 0 ? 'runuser -u postgres -- ' : ''}'${join(bin, 'pg_ctl')}'`;
  return `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; ${pgCtl} -D '${data}' -m immediate stop; rm -rf '${dir}'`;
}
