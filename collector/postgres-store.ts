import postgres, { type Sql, type TransactionSql } from 'postgres';
import type { CommitBatcherOptions } from './commit-batcher';
import type { FeedbackItem, FeedbackPage, FeedbackStore, ScreenedCount, ScreenReason, SubmitResult } from './feedback-store';
import { GroupCommitQueue } from './group-commit-queue';
import { assertDurableCommits, LOCK_CLASS, migrate, SEQUENCE_LOCK } from './postgres-schema';

type Write = { submit: FeedbackItem } | { screen: { site: string; reason: ScreenReason; day: string } };

interface Row {
  seq: string;
  site: string;
  id: string;
  kind: 'csat' | 'nps';
  score: number;
  comment: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  contact_name: string | null;
  consent_given: boolean | null;
  consent_text: string | null;
  consent_version: string | null;
  page: string | null;
  locale: string | null;
  order_id: string | null;
  verified: boolean;
  received_at: Date;
}

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
 * (GroupCommitQueue), so one lock turn carries a whole batch.
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

  /** One transaction for a group of writes, under the sequence lock (see the class comment). */
  #commit(writes: Write[]): Promise<(SubmitResult | undefined)[]> {
    const items = writes.flatMap((write) => ('submit' in write ? [write.submit] : []));
    const screens = writes.flatMap((write) => ('screen' in write ? [write.screen] : []));
    return this.#sql.begin(async (tx) => {
      // Pipelined: Promise.all starts them in array order on the transaction's one connection, so they leave in
      // one round trip and PostgreSQL runs them in that order: the lock is held before the insert draws a seq, and
      // for one round trip less than when awaiting each statement.
      const [, created] = await Promise.all([
        tx`SELECT pg_advisory_xact_lock(${LOCK_CLASS}, ${SEQUENCE_LOCK})`,
        items.length > 0 ? insertQuery(tx, items) : [],
        screens.length > 0 ? countScreensQuery(tx, screens) : undefined,
      ]);
      const results = await resultsOf(tx, items, created);
      let next = 0;
      return writes.map((write) => ('submit' in write ? results[next++] : undefined));
    });
  }
}

/**
 * Inserts `items` in order, one row per (site, id), returning the keys it stored. One statement whatever the batch
 * size (so one prepared statement): rows as a JSON array, expanded in order (WITH ORDINALITY), so the first of two
 * copies in one batch is the one stored and seqs follow arrival.
 */
function insertQuery(tx: TransactionSql, items: FeedbackItem[]) {
  return tx<{ site: string; id: string }[]>`
    INSERT INTO clientela.feedback (site, id, kind, score, comment, contact_email, contact_phone, contact_name,
      consent_given, consent_text, consent_version, page, locale, order_id, verified, received_at)
    SELECT r.site, r.id, r.kind, r.score, r.comment, r.contact_email, r.contact_phone, r.contact_name,
      r.consent_given, r.consent_text, r.consent_version, r.page, r.locale, r.order_id, r.verified, r.received_at
    FROM jsonb_array_elements(${tx.json(items.map(rowOf))}) WITH ORDINALITY AS e(row, n),
      LATERAL jsonb_populate_record(NULL::clientela.feedback, e.row) AS r
    ORDER BY e.n
    ON CONFLICT (site, id) DO NOTHING
    RETURNING site, id`;
}

/**
 * Each item's result: created when the insert stored it; a repeat (of a stored row, or of an earlier item in this
 * batch) gets the stored copy's receivedAt and `created: false`.
 */
async function resultsOf(tx: TransactionSql, items: FeedbackItem[], created: readonly { site: string; id: string }[]): Promise<SubmitResult[]> {
  const fresh = new Set(created.map((row) => keyOf(row.site, row.id)));
  const results: (SubmitResult | undefined)[] = items.map((item) => {
    const key = keyOf(item.site, item.id);
    if (!fresh.delete(key)) return undefined;
    return { created: true, receivedAt: item.receivedAt };
  });
  const repeats = items.filter((_, i) => results[i] === undefined);
  if (repeats.length === 0) return results as SubmitResult[];
  const originals = await tx<{ site: string; id: string; received_at: Date }[]>`
    SELECT f.site, f.id, f.received_at FROM clientela.feedback f
    JOIN jsonb_to_recordset(${tx.json(repeats.map(({ site, id }) => ({ site, id })))}) AS k(site text, id text)
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

/** Adds the batch's screened-out submissions to the daily counts (grouped first: one row may not be updated twice in a statement). */
function countScreensQuery(tx: TransactionSql, screens: { site: string; reason: ScreenReason; day: string }[]) {
  const counts = new Map<string, { site: string; reason: ScreenReason; day: string; count: number }>();
  for (const screen of screens) {
    const key = `${screen.site}\n${screen.day}\n${screen.reason}`;
    const entry = counts.get(key) ?? { ...screen, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  return tx`
    INSERT INTO clientela.screened (site, day, reason, count)
    SELECT site, day, reason, count FROM jsonb_to_recordset(${tx.json([...counts.values()])})
      AS s(site text, day date, reason text, count bigint)
    ON CONFLICT (site, day, reason) DO UPDATE SET count = clientela.screened.count + excluded.count`;
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
  const hasContact = row.contact_email !== null || row.contact_phone !== null || row.contact_name !== null;
  return {
    id: row.id,
    site: row.site,
    kind: row.kind,
    score: row.score,
    comment: row.comment,
    contact: hasContact ? { email: row.contact_email, phone: row.contact_phone, name: row.contact_name } : null,
    consent: row.consent_given === null ? null : { given: row.consent_given, text: row.consent_text ?? '', version: row.consent_version ?? '' },
    page: row.page,
    locale: row.locale,
    orderId: row.order_id,
    verified: row.verified,
    receivedAt: row.received_at.toISOString(),
  };
}
