import postgres, { type Sql } from 'postgres';
import type { CommitBatcherOptions } from './commit-batcher';
import { itemOfRow, type FeedbackItem, type FeedbackPage, type FeedbackRow, type FeedbackStore, type ScreenedCount, type ScreenReason, type SubmitResult } from './feedback-store';
import { GroupCommitQueue } from './group-commit-queue';
import { assertDurableCommits, migrate } from './postgres-schema';

type Write = { submit: FeedbackItem } | { screen: { site: string; reason: ScreenReason; day: string } };

/** A row as the driver reads it: the sequence as text (a bigint), the instant as a Date. */
type Row = Omit<FeedbackRow, 'received_at'> & { seq: string; received_at: Date };

/**
 * Feedback in PostgreSQL, for when one machine is outgrown: several collector processes, on several machines,
 * share one database, with the same idempotency per (site, id), screened counts and cursor as the SQLite store.
 *
 * Cursor order with concurrent writers. Every write transaction first takes a transaction-level advisory lock
 * (SEQUENCE_LOCK) and only then draws seq values; PostgreSQL releases that lock after the commit is durable and
 * visible to new snapshots. So seq values are drawn by one transaction at a time, and a transaction draws only
 * after every earlier drawer has ended: commits become visible in seq order. A reader that sees seq s therefore
 * already sees every row with a lower seq that will ever exist, since each such row was committed, and visible,
 * before s was drawn. Gaps (a repeated id's ON CONFLICT, a rolled-back transaction) are values whose drawing
 * transaction has ended without a row, and a sequence never hands a value out twice, so no row can ever fill a
 * gap below a cursor: paging by `seq > after` skips nothing. (The identity is CACHE 1: see postgres-schema.ts.)
 * The price is that writers' commits, fsync included, are serialized across processes; each is a group commit
 * (GroupCommitQueue), so one lock turn carries a whole batch, and the turn happens inside one statement (#commit).
 */
export class PostgresFeedbackStore implements FeedbackStore {
  readonly #sql: Sql;
  readonly #writes: GroupCommitQueue<Write, SubmitResult | undefined>;

  /** Connects to `url` (postgres://…), creates the schema when missing; `commits` reports slow group commits. */
  static async open(url: string, commits: CommitBatcherOptions = {}): Promise<PostgresFeedbackStore> {
    // Notices (e.g. "schema already exists") would land in the JSON request log on stdout.
    const sql = postgres(url, { onnotice: () => undefined, connection: { application_name: 'clientela-collector' } });
    try {
      await assertDurableCommits(sql);
      await migrate(sql);
    } catch (error) {
      await sql.end();
      throw error;
    }
    return new PostgresFeedbackStore(sql, commits);
  }

  private constructor(sql: Sql, commits: CommitBatcherOptions) {
    this.#sql = sql;
    this.#writes = new GroupCommitQueue((writes) => this.#commit(writes), commits);
  }

  submit(item: FeedbackItem): Promise<SubmitResult> {
    return this.#writes.run({ submit: item }) as Promise<SubmitResult>;
  }

  async countScreened(site: string, reason: ScreenReason, day: string): Promise<void> {
    await this.#writes.run({ screen: { site, reason, day } });
  }

  async page(site: string, after: number, limit: number): Promise<FeedbackPage> {
    const rows = await this.#sql<Row[]>`
      SELECT * FROM clientela.feedback WHERE site = ${site} AND seq > ${after}::bigint ORDER BY seq LIMIT ${limit + 1}`;
    const shown = rows.slice(0, limit);
    const last = shown.at(-1);
    return { items: shown.map(itemOf), last: last ? Number(last.seq) : after, more: rows.length > limit };
  }

  async screenedCounts(site: string): Promise<ScreenedCount[]> {
    const rows = await this.#sql<{ day: string; reason: ScreenReason; count: string }[]>`
      SELECT to_char(day, 'YYYY-MM-DD') AS day, reason, count FROM clientela.screened WHERE site = ${site} ORDER BY day, reason`;
    return rows.map((row) => ({ day: row.day, reason: row.reason, count: Number(row.count) }));
  }

  async close(): Promise<void> {
    await this.#writes.settled();
    await this.#sql.end({ timeout: 5 });
  }

  /**
   * One transaction for a group of writes: a single call of clientela.write_batch (postgres-schema.ts), which takes
   * the sequence lock, inserts and commits on the server in one round trip. The lock is thus held only while the
   * server works, never while a busy collector process gets round to sending its next statement.
   */
  async #commit(writes: Write[]): Promise<(SubmitResult | undefined)[]> {
    const items = writes.flatMap((write) => ('submit' in write ? [write.submit] : []));
    const screens = writes.flatMap((write) => ('screen' in write ? [write.screen] : []));
    const stored = await this.#sql<{ stored_site: string; stored_id: string }[]>`
      SELECT stored_site, stored_id FROM clientela.write_batch(${this.#sql.json(items.map(rowOf))}, ${this.#sql.json(screenCounts(screens))})`;
    const results = await this.#resultsOf(items, stored);
    let next = 0;
    return writes.map((write) => ('submit' in write ? results[next++] : undefined));
  }

  /**
   * Each item's result: created when the batch stored it; a repeat (of an earlier item in the batch, or of a row
   * stored before) gets the stored copy's receivedAt and `created: false`. Rows are never deleted, so the copies
   * stored before can be read after the commit.
   */
  async #resultsOf(items: FeedbackItem[], stored: readonly { stored_site: string; stored_id: string }[]): Promise<SubmitResult[]> {
    const fresh = new Set(stored.map((row) => keyOf(row.stored_site, row.stored_id)));
    const firstCopy = new Map<string, string>();
    const earlier: FeedbackItem[] = [];
    const results = items.map((item): SubmitResult | undefined => {
      const key = keyOf(item.site, item.id);
      if (fresh.delete(key)) {
        firstCopy.set(key, item.receivedAt);
        return { created: true, receivedAt: item.receivedAt };
      }
      const first = firstCopy.get(key);
      if (first !== undefined) return { created: false, receivedAt: first };
      earlier.push(item);
      return undefined;
    });
    if (earlier.length === 0) return results as SubmitResult[];
    const originals = await this.#sql<{ site: string; id: string; received_at: Date }[]>`
      SELECT f.site, f.id, f.received_at FROM clientela.feedback f
      JOIN jsonb_to_recordset(${this.#sql.json(earlier.map(({ site, id }) => ({ site, id })))}) AS k(site text, id text)
        ON f.site = k.site AND f.id = k.id`;
    const receivedAt = new Map(originals.map((row) => [keyOf(row.site, row.id), row.received_at.toISOString()]));
    return items.map((item, i) => {
      const result = results[i];
      if (result) return result;
      const original = receivedAt.get(keyOf(item.site, item.id));
      if (original === undefined) throw new Error('idempotent insert found no original row');
      return { created: false, receivedAt: original };
    });
  }
}

/** One entry per (site, day, reason) with its count: a statement may not update one row twice. */
function screenCounts(screens: { site: string; reason: ScreenReason; day: string }[]) {
  const counts = new Map<string, { site: string; reason: ScreenReason; day: string; count: number }>();
  for (const screen of screens) {
    const key = `${screen.site}\n${screen.day}\n${screen.reason}`;
    const entry = counts.get(key) ?? { ...screen, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  return [...counts.values()];
}

/** Site keys cannot hold a newline, so it separates the two parts. */
function keyOf(site: string, id: string): string {
  return `${site}\n${id}`;
}

function rowOf(item: FeedbackItem) {
  return {
    site: item.site,
    id: item.id,
    kind: item.kind,
    score: item.score,
    comment: item.comment,
    contact_email: item.contact?.email ?? null,
    contact_phone: item.contact?.phone ?? null,
    contact_name: item.contact?.name ?? null,
    consent_given: item.consent?.given ?? null,
    consent_text: item.consent?.text ?? null,
    consent_version: item.consent?.version ?? null,
    page: item.page,
    locale: item.locale,
    order_id: item.orderId,
    verified: item.verified,
    received_at: item.receivedAt,
  };
}

function itemOf(row: Row): FeedbackItem {
  return itemOfRow({ ...row, received_at: row.received_at.toISOString() });
}
