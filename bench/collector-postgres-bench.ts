// The collector on PostgreSQL: two collector processes sharing one throw-away cluster on this machine, under the
// load the SQLite collector gets in collector-bench.ts (which runs this after its own rounds), each process taking
// half the connections. Besides req/s it reads where the CPU went (the collectors, PostgreSQL, autocannon) and
// what each commit cost (WAL fsyncs), and says which of them is the ceiling.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import postgres, { type Sql } from 'postgres';
import { startPgCluster, type PgCluster } from '../collector/pg-cluster';
import { LOCK_CLASS, SEQUENCE_LOCK } from '../collector/postgres-schema';
import { BUILT, child, cpuUs, LEVELS, merge, poster, ROUNDS, SECONDS, SITE, stop, UNLIMITED, WARMUP_SECONDS, type Load } from './collector-load';
import type { BenchRow } from './rows';

const PROCESSES = 2;

/** Cores each group kept busy during a round (CPU seconds per wall second); `machine` counts every process. */
interface Cores {
  collectors: number;
  postgres: number;
  autocannon: number;
  machine: number;
}

interface Round {
  load: Load;
  cores: Cores;
  /** Share of samples in which a transaction held the sequence lock, and how many waited for it on average. */
  lock: { held: number; waiting: number };
}

/** Busy CPU time of the whole machine so far, in microseconds (every core; /proc/stat minus idle and iowait). */
function machineCpuUs(): number {
  const [, ...ticks] = (readFileSync('/proc/stat', 'utf8').split('\n')[0] as string).trim().split(/\s+/).map(Number);
  const total = ticks.reduce((sum, t) => sum + t, 0);
  return ((total - (ticks[3] as number) - (ticks[4] as number)) * 1e6) / 100;
}

/**
 * Samples pg_locks every few milliseconds until `done` settles: how often the collectors' sequence lock was held
 * (the serialized part of every write: the insert's round trip and the COMMIT with its fsync) and how many waited.
 */
async function sampleLock(sql: Sql, done: Promise<unknown>): Promise<{ held: number; waiting: number }> {
  let finished = false;
  void done.finally(() => (finished = true));
  let samples = 0;
  let held = 0;
  let waiting = 0;
  while (!finished) {
    const [row] = await sql<{ held: number; waiting: number }[]>`
      SELECT count(*) FILTER (WHERE granted)::int AS held, count(*) FILTER (WHERE NOT granted)::int AS waiting
      FROM pg_locks WHERE locktype = 'advisory' AND classid = ${LOCK_CLASS} AND objid = ${SEQUENCE_LOCK}
        AND database = (SELECT oid FROM pg_database WHERE datname = 'bench')`;
    samples += 1;
    held += row?.held ?? 0;
    waiting += row?.waiting ?? 0;
    await sleep(5);
  }
  return { held: held / Math.max(1, samples), waiting: waiting / Math.max(1, samples) };
}

/** CPU (µs) of each process of the cluster: the postmaster and its children (backends, WAL writer, checkpointer…). */
function clusterCpu(postmaster: number): Map<number, number> {
  const cpu = new Map([[postmaster, cpuUs(postmaster)]]);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
      if (Number(fields[1]) === postmaster) cpu.set(Number(entry), cpuUs(Number(entry)));
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return cpu;
}

/** CPU spent since `before` by the processes in `after` (a process born in between counts from zero). */
function spent(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, us] of after) total += us - (before.get(pid) ?? 0);
  return total;
}

/**
 * Cumulative WAL fsyncs (cluster-wide; their time needs track_wal_io_timing) and commits of database `bench`, read
 * from another database so the reads themselves are not counted.
 */
async function walStats(admin: Sql): Promise<{ syncs: number; syncMs: number; commits: number }> {
  const [wal] = await admin<{ wal_sync: string; wal_sync_time: number }[]>`SELECT wal_sync, wal_sync_time FROM pg_stat_wal`;
  const [db] = await admin<{ xact_commit: string }[]>`SELECT xact_commit FROM pg_stat_database WHERE datname = 'bench'`;
  return { syncs: Number(wal?.wal_sync), syncMs: Number(wal?.wal_sync_time), commits: Number(db?.xact_commit) };
}

/** What a round needs: a poster and a process id per collector, the cluster's postmaster and a connection to it. */
interface Rig {
  posters: ReturnType<typeof poster>[];
  collectorPids: number[];
  postmaster: number;
  admin: Sql;
}

/** All collectors loaded at once for `seconds`, `connections` split evenly; CPU and the lock read around it. */
async function measureRound(rig: Rig, seconds: number, connections: number): Promise<Round> {
  const started = { at: performance.now(), node: rig.collectorPids.map(cpuUs), cluster: clusterCpu(rig.postmaster), self: process.cpuUsage(), machine: machineCpuUs() };
  const loading = Promise.all(rig.posters.map((post) => post(seconds, connections / PROCESSES)));
  const [loads, lock] = await Promise.all([loading, sampleLock(rig.admin, loading)]);
  const wallUs = (performance.now() - started.at) * 1000;
  const node = rig.collectorPids.reduce((sum, pid, i) => sum + cpuUs(pid) - (started.node[i] as number), 0);
  const self = process.cpuUsage(started.self);
  const ok = loads.reduce((sum, l) => sum + l.ok, 0);
  const other = loads.reduce((sum, l) => sum + l.other, 0);
  return {
    load: { reqPerSec: loads.reduce((sum, l) => sum + l.reqPerSec, 0), p99: Math.max(...loads.map((l) => l.p99)), ok, other, cpuUsPerRequest: node / Math.max(1, ok + other) },
    cores: {
      collectors: node / wallUs,
      postgres: spent(started.cluster, clusterCpu(rig.postmaster)) / wallUs,
      autocannon: (self.user + self.system) / wallUs,
      machine: (machineCpuUs() - started.machine) / wallUs,
    },
    lock,
  };
}

/** ROUNDS rounds at each of LEVELS, averaged (p99: the worst round's). */
async function measureLevels(rig: Rig): Promise<Measured[]> {
  const measured: Measured[] = [];
  for (const connections of LEVELS) {
    const rounds: Round[] = [];
    for (let i = 0; i < ROUNDS; i++) rounds.push(await measureRound(rig, SECONDS / ROUNDS, connections));
    const load = merge(rounds.map((r) => r.load));
    const mean = (pick: (r: Round) => number) => rounds.reduce((sum, r) => sum + pick(r), 0) / rounds.length;
    const cores = { collectors: mean((r) => r.cores.collectors), postgres: mean((r) => r.cores.postgres), autocannon: mean((r) => r.cores.autocannon), machine: mean((r) => r.cores.machine) };
    const lock = { held: mean((r) => r.lock.held), waiting: mean((r) => r.lock.waiting) };
    measured.push({ connections, load, cores, lock, pgUsPerRequest: (cores.postgres * 1e6) / load.reqPerSec });
  }
  return measured;
}

/**
 * Two built collectors on one PostgreSQL (database `bench`), loaded at each level with half the connections each,
 * beside the SQLite collector's figures at the same levels (`sqlite`, from collector-bench.ts).
 */
export async function runPostgresBench(sqlite: { connections: number; load: Load }[]): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'clientela-collector-pg-bench-'));
  const collectors: Awaited<ReturnType<typeof child>>[] = [];
  let cluster: PgCluster | undefined;
  let admin: Sql | undefined;
  try {
    cluster = await startPgCluster({ track_wal_io_timing: 'on' });
    const databaseUrl = await cluster.createDatabase('bench');
    admin = postgres(cluster.url('postgres'), { max: 1, onnotice: () => undefined });
    const sitesFile = join(dir, 'sites.json');
    writeFileSync(sitesFile, JSON.stringify({ sites: [SITE] }));
    const env = { PORT: '0', HOST: '127.0.0.1', CLIENTELA_DATA: dir, CLIENTELA_SITES: sitesFile, CLIENTELA_DATABASE_URL: databaseUrl, ...UNLIMITED };
    for (let i = 0; i < PROCESSES; i++) collectors.push(await child(join(BUILT, 'collector/server.mjs'), env, join(dir, `collector-${i}.log`)));
    const rig: Rig = { posters: collectors.map((c, i) => poster(c.url, `p${i}`)), collectorPids: collectors.map((c) => c.process.pid as number), postmaster: cluster.pid(), admin };

    const before = await walStats(admin);
    const warm = await measureRound(rig, WARMUP_SECONDS, LEVELS[0] as number);
    const measured = await measureLevels(rig);
    // Backends report their counters when they exit: stop the collectors first, then read.
    await Promise.all(collectors.map((collector) => stop(collector.process)));
    await sleep(1000);
    const after = await walStats(admin);
    const stored = await countRows(databaseUrl);
    const syncs = after.syncs - before.syncs;
    const acknowledged = warm.load.ok + measured.reduce((sum, m) => sum + m.load.ok, 0);
    return rowsOf(measured, sqlite, { commits: after.commits - before.commits, syncs, syncMs: (after.syncMs - before.syncMs) / Math.max(1, syncs), stored, acknowledged });
  } finally {
    await Promise.all(collectors.map((collector) => stop(collector.process)));
    await admin?.end();
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function countRows(databaseUrl: string): Promise<number> {
  const sql = postgres(databaseUrl, { max: 1 });
  try {
    const [row] = await sql<{ rows: string }[]>`SELECT count(*) AS rows FROM clientela.feedback`;
    return Number(row?.rows);
  } finally {
    await sql.end();
  }
}

interface Measured {
  connections: number;
  load: Load;
  cores: Cores;
  lock: { held: number; waiting: number };
  pgUsPerRequest: number;
}

interface Commits {
  commits: number;
  syncs: number;
  syncMs: number;
  stored: number;
  acknowledged: number;
}

function rowsOf(measured: Measured[], sqlite: { connections: number; load: Load }[], c: Commits): BenchRow[] {
  const perSecond = (load: Load) => `${Math.round(load.reqPerSec).toLocaleString('en')} req/s, p99 ${load.p99.toFixed(0)} ms`;
  const levelRows = measured.map(({ connections, load, cores, lock }): BenchRow => {
    const peer = sqlite.find((level) => level.connections === connections)?.load;
    return {
      figure: `collector on PostgreSQL, ${PROCESSES} processes, ${connections} connections (${connections / PROCESSES} each)`,
      value: perSecond(load),
      peer: peer ? `SQLite collector (1 process) ${perSecond(peer)}` : '',
      ratio: peer ? `${((load.reqPerSec / peer.reqPerSec) * 100).toFixed(0)} %` : '',
      note: `cores busy: ${coreShares(cores)}; sequence lock held ${percent(lock.held)} of the time, ${lock.waiting.toFixed(1)} waiting on average; means of ${ROUNDS} rounds, p99 the worst round's; ${load.other} non-2xx or errors`,
    };
  });
  const top = measured.at(-1) as Measured;
  const rowsPerCommit = c.stored / Math.max(1, c.commits);
  return [
    ...levelRows,
    {
      figure: 'CPU per request, collector on PostgreSQL',
      value: `collectors ${measured.map((m) => `${m.load.cpuUsPerRequest.toFixed(0)} µs`).join(' / ')}`,
      peer: `PostgreSQL ${measured.map((m) => `${m.pgUsPerRequest.toFixed(0)} µs`).join(' / ')}`,
      note: `at ${LEVELS.join(' / ')} connections; the two collector processes together, and every PostgreSQL process (backends, WAL writer…)`,
    },
    {
      figure: 'PostgreSQL commits during the run',
      value: `${c.commits.toLocaleString('en')} transactions, ${rowsPerCommit.toFixed(1)} rows each`,
      peer: `${(c.syncs / Math.max(1, c.commits)).toFixed(2)} WAL fsyncs per commit, ${c.syncMs.toFixed(2)} ms each`,
      note: 'group commit: each process has one transaction in flight, carrying what arrived during the previous one (pg_stat_database, pg_stat_wal with track_wal_io_timing)',
    },
    { figure: 'ceiling of the collector on PostgreSQL', value: ceiling(top, c.syncMs, rowsPerCommit), note: `at ${top.connections} connections, on this machine` },
    {
      figure: 'PostgreSQL rows stored vs 2xx answered',
      value: `${c.stored.toLocaleString('en')} rows`,
      peer: `${c.acknowledged.toLocaleString('en')} 2xx (incl. warm-up)`,
      note:
        c.stored >= c.acknowledged && c.stored - c.acknowledged <= (1 + LEVELS.length * ROUNDS) * Math.max(...LEVELS)
          ? `every acknowledged submission is in the database (+${c.stored - c.acknowledged} committed as rounds were cut off)`
          : 'MISMATCH: acknowledged submissions missing or unexplained extra rows',
    },
  ];
}

const percent = (share: number) => `${(share * 100).toFixed(0)} %`;

/** The cores each group kept busy, with the rest of the machine's processes (other work on a shared host). */
function coreShares(cores: Cores): string {
  const others = Math.max(0, cores.machine - cores.collectors - cores.postgres - cores.autocannon);
  return `collectors ${cores.collectors.toFixed(2)}, PostgreSQL ${cores.postgres.toFixed(2)}, autocannon ${cores.autocannon.toFixed(2)}, other processes ${others.toFixed(2)}, of ${availableParallelism()}`;
}

/**
 * Which resource stops the PostgreSQL collector from going faster, from what was measured at the top level:
 * full cores first (a lock held by a process that waits for a core is held longer), then the sequence lock.
 */
function ceiling(top: Measured, syncMs: number, rowsPerCommit: number): string {
  const cpus = availableParallelism();
  const lock = `the sequence lock was held ${percent(top.lock.held)} of the time (${top.lock.waiting.toFixed(1)} transactions waiting on average)`;
  if (top.cores.machine >= 0.85 * cpus) {
    const heaviest = top.cores.collectors >= top.cores.postgres ? 'the collector processes (HTTP, JSON, validation, HMAC, the driver)' : 'PostgreSQL';
    return (
      `CPU: the machine's cores were ${percent(top.cores.machine / cpus)} busy (${coreShares(top.cores)}); ${heaviest} the largest share, ` +
      `${top.load.cpuUsPerRequest.toFixed(0)} µs per request in the collectors vs ${top.pgUsPerRequest.toFixed(0)} µs in PostgreSQL. ` +
      `Not the disk: ${rowsPerCommit.toFixed(1)} rows share each ${syncMs.toFixed(2)} ms fsync, and ${lock}. Collectors on their own machines add cores.`
    );
  }
  if (top.lock.held >= 0.8) {
    return (
      `the sequence lock: ${lock}, with cores to spare (${percent(top.cores.machine / cpus)} busy). Every commit runs alone, its ` +
      `${syncMs.toFixed(2)} ms fsync and round trips included, carrying ${rowsPerCommit.toFixed(1)} rows; more processes would not go faster, a faster WAL disk would.`
    );
  }
  return `neither CPU (${percent(top.cores.machine / cpus)} busy) nor the sequence lock (${percent(top.lock.held)} held): requests wait on their process's group commit cycle (round trips and fsync), so more connections would go faster`;
}
