// @ts-check
// The collector's writer thread (see commit-writer.ts, which starts it and speaks for it). Plain JavaScript because
// a worker thread gets no TypeScript loader under tsx or vitest; keep it this small.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

if (!parentPort) throw new Error('commit-worker.mjs runs only as a worker thread');
const port = parentPort;

const db = new Database(/** @type {string} */ (workerData.file));
db.pragma('journal_mode = WAL');
// FULL fsyncs the WAL on every commit: an acknowledged write survives power loss (NORMAL may lose the last).
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 5000');

const insert = db.prepare(`INSERT OR IGNORE INTO feedback
  (site, id, kind, score, comment, contact_email, contact_phone, contact_name, consent_given, consent_text, consent_version, page, locale, order_id, verified, received_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
const original = db.prepare('SELECT received_at FROM feedback WHERE site = ? AND id = ?').pluck();
const screen = db.prepare(`INSERT INTO screened (site, day, reason, count) VALUES (?, ?, ?, 1)
  ON CONFLICT (site, day, reason) DO UPDATE SET count = count + 1`);

/**
 * One write. `feedback` answers null when the row is new, else the stored copy's received_at (same site and id).
 * @param {[string, ...unknown[]]} op
 */
function apply(op) {
  const [kind, ...args] = op;
  if (kind === 'feedback') {
    const row = /** @type {unknown[]} */ (args[0]);
    if (insert.run(row).changes === 1) return null;
    const stored = original.get(row[0], row[1]);
    if (stored === undefined) throw new Error('idempotent insert found no original row');
    return stored;
  }
  if (kind === 'screen') {
    screen.run(args[0], args[1], args[2]);
    return null;
  }
  throw new Error(`unknown write "${kind}"`);
}

const all = db.transaction((/** @type {[string, ...unknown[]][]} */ ops) => ops.map(apply));

port.on('message', (/** @type {{ ops: [string, ...unknown[]][] } | 'close'} */ message) => {
  if (message === 'close') {
    db.close(); // checkpoints the WAL
    port.close();
    return;
  }
  const { ops } = message;
  try {
    const values = all(ops);
    port.postMessage({ transactions: 1, outcomes: values.map((value) => ({ ok: true, value })) });
  } catch {
    // The batch rolled back: each write again in its own transaction, so one bad write fails alone.
    const outcomes = ops.map((op) => {
      try {
        return { ok: true, value: db.transaction(apply)(op) };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    });
    port.postMessage({ transactions: 1 + ops.length, outcomes });
  }
});
