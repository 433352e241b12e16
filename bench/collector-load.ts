// What the collector benches share: the load (autocannon, unique-id widget submissions), CPU readings from /proc,
// and servers as child processes. See collector-bench.ts (SQLite) and collector-postgres-bench.ts.
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { signContact } from '../collector';

export const ROOT = resolve(import.meta.dirname, '..');
/** Bundles of the servers (inside the repository, so they find node_modules). */
export const BUILT = join(ROOT, '.bench/servers');
export const SECONDS = Number(process.env.CLIENTELA_BENCH_SECONDS ?? 12);
export const WARMUP_SECONDS = 2;
export const ROUNDS = 3;
/** Concurrent connections, each sending its next submission as soon as the previous one is answered. */
export const LEVELS = [10, 50, 100];
export const ORIGIN = 'https://loja.example';
/** Credentials drawn once with generateSecret() (the collector refuses weak ones). */
export const SITE = { key: 'bench', origins: [ORIGIN], token: '2w0D3PCDcpkVNvvzwbmU1Aj5G9zSvSes', secret: 'm9MrsI74FNxsPUI5c14MYdEDPxhT7YMH' };
/** Rate limits raised so the runs measure storage and HTTP, not 429s (defaults: 30/min per address, 600/min per site). */
export const UNLIMITED = { CLIENTELA_RATE_PER_ADDRESS: '1000000000', CLIENTELA_RATE_PER_SITE: '1000000000' };
const CONTACT = { email: 'cliente@example.com', name: 'Cliente' };
const CONTACT_TOKEN = signContact(SITE.secret, CONTACT);

/** A realistic widget submission (contact, consent, signed token) with an idempotency id never sent before. */
function submissionBody(id: string): string {
  return JSON.stringify({
    site: SITE.key, id, kind: 'csat', score: 4, comment: 'Entrega rápida e produto bem embalado. Voltarei a comprar!',
    contact: CONTACT, consent: { given: true, text: 'Aceito ser contactado sobre a minha opinião.', version: 'pt-BR-1' },
    token: CONTACT_TOKEN, page: 'https://loja.example/obrigado', locale: 'pt-BR', orderId: 'A-1001', elapsedMs: 8000,
  });
}

/** What one server did under one load. */
export interface Load {
  reqPerSec: number;
  p99: number;
  ok: number;
  other: number;
  /** Server CPU (user + system, from /proc) per answered request, in microseconds. */
  cpuUsPerRequest: number;
}

/** CPU time a process has used so far, in microseconds (Linux /proc; clock ticks of 10 ms). */
export function cpuUs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1e6) / 100;
}

/** Sends unique-id submissions (ids `<run>-<n>`) to `url` with autocannon for `seconds`. */
export function poster(url: string, run: string): (seconds: number, connections: number) => Promise<Omit<Load, 'cpuUsPerRequest'>> {
  let n = 0;
  return async (seconds, connections) => {
    const result = await autocannon({
      url,
      connections,
      duration: seconds,
      requests: [
        {
          method: 'POST',
          path: '/v1/feedback',
          headers: { 'content-type': 'application/json', origin: ORIGIN },
          setupRequest: (request) => ({ ...request, body: submissionBody(`${run}-${(n += 1).toString(36).padStart(8, '0')}`) }),
        },
      ],
    });
    return { reqPerSec: result.requests.average, p99: result.latency.p99, ok: result['2xx'], other: result.non2xx + result.errors };
  };
}

/** A poster that also reads the CPU the server process `pid` spent per answered request. */
export function loader(url: string, pid: number, run: string): (seconds: number, connections: number) => Promise<Load> {
  const post = poster(url, run);
  return async (seconds, connections) => {
    const cpuBefore = cpuUs(pid);
    const load = await post(seconds, connections);
    const answered = load.ok + load.other;
    return { ...load, cpuUsPerRequest: answered > 0 ? (cpuUs(pid) - cpuBefore) / answered : NaN };
  };
}

/** Means of req/s and CPU per request over rounds; p99 is the worst round's; counts add up. */
export function merge(loads: Load[]): Load {
  const mean = (pick: (load: Load) => number) => loads.reduce((sum, load) => sum + pick(load), 0) / loads.length;
  return {
    reqPerSec: mean((l) => l.reqPerSec),
    p99: Math.max(...loads.map((l) => l.p99)),
    ok: loads.reduce((sum, l) => sum + l.ok, 0),
    other: loads.reduce((sum, l) => sum + l.other, 0),
    cpuUsPerRequest: mean((l) => l.cpuUsPerRequest),
  };
}

/**
 * A built server (see buildForNode) in its own process, so autocannon never shares its event loop; all servers
 * run as plain Node bundles built the same way. Logs go to a file we poll.
 */
export async function child(script: string, env: Record<string, string>, logFile: string): Promise<{ url: string; process: ChildProcess }> {
  const out = openSync(logFile, 'w');
  const proc = spawn(process.execPath, [script], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', out, 'inherit'] });
  closeSync(out); // the child holds its own copy
  for (let waited = 0; waited < 15_000; waited += 50) {
    const match = /"msg":"listening","url":"([^"]+)"/.exec(readFileSync(logFile, 'utf8'));
    if (match?.[1]) return { url: match[1], process: proc };
    if (proc.exitCode !== null) break;
    await sleep(50);
  }
  proc.kill('SIGKILL');
  throw new Error(`${script} did not start; see ${logFile}`);
}

export async function stop(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null) return;
  proc.kill('SIGTERM');
  await once(proc, 'exit');
}
