import Database from 'better-sqlite3';
import { join } from 'node:path';
import { CommitBatcher, type CommitBatcherOptions } from './commit-batcher';
import { itemOfRow, type FeedbackItem, type FeedbackPage, type FeedbackRow, type FeedbackStore, type ScreenedCount, type ScreenReason, type SubmitResult } from './feedback-store';
import { privateFile, privateFolder, tightenIfPresent } from './private-files';

/** A row as better-sqlite3 reads it: SQLite has no booleans (0 and 1). */
type Row = Omit<FeedbackRow, 'consent_given' | 'verified'> & { seq: number; consent_given: number | null; verified: number };

const SCHEMA_VERSION = 1;

// seq is the cursor. SQLite lets one connection write at a time, holding its lock from the insert that draws a
// seq through COMMIT, so commits land in seq order (with two connections on the file too) and a reader never sees
// a seq appear below one it has already seen: paging by `seq > after` misses nothing. AUTOINCREMENT: a seq is
// never reused.
const SCHEMA = `
CREATE TABLE feedback (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  site TEXT NOT NULL,
  id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('csat', 'nps')),
  score INTEGER NOT NULL,
  comment TEXT,
  contact_email TEXT,
  contact_phone TEXT,
  contact_name TEXT,
  consent_given INTEGER,
  consent_text TEXT,
  consent_version TEXT,
  page TEXT,
  locale TEXT,
  order_id TEXT,
  verified INTEGER NOT NULL,
  received_at TEXT NOT NULL,
  UNIQUE (site, id)
);
CREATE INDEX feedback_by_site ON feedback (site, seq);
CREATE TABLE screened (
  site TEXT NOT NULL,
  day TEXT NOT NULL,
  reason TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (site, day, reason)
) WITHOUT ROWID;
`;

/**
 * The collector's embedded store, one SQLite file: submissions (idempotent per site and id) and counts of
 * screened-out bots, for one collector process.
 */
export class SqliteFeedbackStore implements FeedbackStore {
  readonly #db: Database.Database;
  readonly #batcher: CommitBatcher;
  readonly #insert: Database.Statement;
  readonly #original: Database.Statement<[string, string], { received_at: string }>;
  readonly #page: Database.Statement<[string, number, number], Row>;
  readonly #screen: Database.Statement;
  readonly #screenedCounts: Database.Statement<[string], ScreenedCount>;

  /**
   * Opens (creating if needed) `<dataDir>/collector.sqlite`; `commits` reports slow group commits. The folder is
   * 0700 and the file 0600 before SQLite opens it; SQLite gives its `-wal` and `-shm` files the database file's
   * mode, and leftovers of a crash are tightened here.
   */
  static open(dataDir: string, commits: CommitBatcherOptions = {}): SqliteFeedbackStore {
    privateFolder(dataDir);
    const file = join(dataDir, 'collector.sqlite');
    privateFile(file);
    tightenIfPresent(`${file}-wal`);
    tightenIfPresent(`${file}-shm`);
    return new SqliteFeedbackStore(new Database(file), commits);
  }

  private constructor(db: Database.Database, commits: CommitBatcherOptions) {
    this.#db = db;
    db.pragma('journal_mode = WAL');
    // FULL fsyncs the WAL on every commit: an acknowledged write survives power loss (NORMAL may lose the last).
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) throw new Error(`collector.sqlite is at schema ${version}; this collector knows ${SCHEMA_VERSION}`);
    if (version === 0) db.transaction(() => db.exec(`${SCHEMA}\nPRAGMA user_version = ${SCHEMA_VERSION};`))();
    this.#batcher = new CommitBatcher(db, commits);
    this.#insert = db.prepare(`INSERT OR IGNORE INTO feedback
      (site, id, kind, score, comment, contact_email, contact_phone, contact_name, consent_given, consent_text, consent_version, page, locale, order_id, verified, received_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.#original = db.prepare('SELECT received_at FROM feedback WHERE site = ? AND id = ?');
    this.#page = db.prepare('SELECT * FROM feedback WHERE site = ? AND seq > ? ORDER BY seq LIMIT ?');
    this.#screen = db.prepare(`INSERT INTO screened (site, day, reason, count) VALUES (?, ?, ?, 1)
      ON CONFLICT (site, day, reason) DO UPDATE SET count = count + 1`);
    this.#screenedCounts = db.prepare('SELECT day, reason, count FROM screened WHERE site = ? ORDER BY day, reason');
  }

  /**
   * Stores a submission once per (site, id). Resolves after the commit is on disk with `created: false` and the
   * first copy's `receivedAt` when that id was already stored; the first body wins, a different one is ignored.
   */
  submit(item: FeedbackItem): Promise<SubmitResult> {
    // Positional, in the column order of the INSERT (binding by name costs a lookup per parameter).
    const row = [
      item.site,
      item.id,
      item.kind,
      item.score,
      item.comment,
      item.contact?.email ?? null,
      item.contact?.phone ?? null,
      item.contact?.name ?? null,
      item.consent ? (item.consent.given ? 1 : 0) : null,
      item.consent?.text ?? null,
      item.consent?.version ?? null,
      item.page,
      item.locale,
      item.orderId,
      item.verified ? 1 : 0,
      item.receivedAt,
    ];
    return this.#batcher.run(() => {
      if (this.#insert.run(row).changes === 1) return { created: true, receivedAt: item.receivedAt };
      const original = this.#original.get(item.site, item.id);
      if (!original) throw new Error('idempotent insert found no original row');
      return { created: false, receivedAt: original.received_at };
    });
  }

  /** Counts one screened-out submission for the seller's information; nothing of its content is kept. */
  countScreened(site: string, reason: ScreenReason, day: string): Promise<void> {
    return this.#batcher.run(() => void this.#screen.run(site, day, reason));
  }

  /** Up to `limit` items of `site` with a sequence after `after`, in commit order. */
  async page(site: string, after: number, limit: number): Promise<FeedbackPage> {
    const rows = this.#page.all(site, after, limit + 1);
    const shown = rows.slice(0, limit);
    return { items: shown.map(itemOf), last: shown.at(-1)?.seq ?? after, more: rows.length > limit };
  }

  /** Screened-out counts of a site by UTC day and reason. */
  async screenedCounts(site: string): Promise<ScreenedCount[]> {
    return this.#screenedCounts.all(site);
  }

  /** Commits anything queued, then closes the file (checkpointing the WAL). */
  async close(): Promise<void> {
    this.#batcher.flush();
    this.#db.close();
  }
}

function itemOf(row: Row): FeedbackItem {
  return itemOfRow({ ...row, consent_given: row.consent_given === null ? null : row.consent_given === 1, verified: row.verified === 1 });
}
