import type { Sql } from 'postgres';

/** First key of the collector's advisory locks ('Clnt'), so they do not collide with another application's. */
export const LOCK_CLASS = 0x436c6e74;
/** Second keys: one lock per purpose, each scoped to the current database. */
export const MIGRATION_LOCK = 1;
export const SEQUENCE_LOCK = 2;

const SCHEMA_VERSION = 1;

// Everything lives in schema `clientela`, so the database may be shared with other applications.
// seq is the cursor, drawn only by writers holding SEQUENCE_LOCK (see postgres-store.ts). CACHE 1 is part of
// that argument: with a cache, each connection would hold its own block of values, and one could commit a lower
// seq after another connection's higher one was visible.
const SCHEMA = `
CREATE TABLE clientela.feedback (
  seq bigint GENERATED ALWAYS AS IDENTITY (CACHE 1) PRIMARY KEY,
  site text NOT NULL,
  id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('csat', 'nps')),
  score smallint NOT NULL,
  comment text,
  contact_email text,
  contact_phone text,
  contact_name text,
  consent_given boolean,
  consent_text text,
  consent_version text,
  page text,
  locale text,
  order_id text,
  verified boolean NOT NULL,
  received_at timestamptz NOT NULL,
  UNIQUE (site, id)
);
CREATE INDEX feedback_by_site ON clientela.feedback (site, seq);
CREATE TABLE clientela.screened (
  site text NOT NULL,
  day date NOT NULL,
  reason text NOT NULL CHECK (reason IN ('honeypot', 'too-fast')),
  count bigint NOT NULL,
  PRIMARY KEY (site, day, reason)
);
-- One group commit: called as a single statement, so the lock, both inserts and the COMMIT run in one implicit
-- transaction on the server, in this order, within one round trip. \`items\` is a JSON array of feedback rows
-- (stored in array order: the first of two copies wins and seqs follow arrival); \`screens\` of
-- { site, day, reason, count }, one per key. Returns the (site, id) of the rows it stored.
CREATE FUNCTION clientela.write_batch(items jsonb, screens jsonb) RETURNS TABLE (stored_site text, stored_id text)
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(${LOCK_CLASS}, ${SEQUENCE_LOCK});
  INSERT INTO clientela.screened AS s (site, day, reason, count)
    SELECT c.site, c.day, c.reason, c.count FROM jsonb_to_recordset(screens) AS c(site text, day date, reason text, count bigint)
    ON CONFLICT (site, day, reason) DO UPDATE SET count = s.count + excluded.count;
  RETURN QUERY
    WITH stored AS (
      INSERT INTO clientela.feedback AS f (site, id, kind, score, comment, contact_email, contact_phone, contact_name,
        consent_given, consent_text, consent_version, page, locale, order_id, verified, received_at)
      SELECT r.site, r.id, r.kind, r.score, r.comment, r.contact_email, r.contact_phone, r.contact_name,
        r.consent_given, r.consent_text, r.consent_version, r.page, r.locale, r.order_id, r.verified, r.received_at
      FROM jsonb_array_elements(items) WITH ORDINALITY AS e(row, n),
        LATERAL jsonb_populate_record(NULL::clientela.feedback, e.row) AS r
      ORDER BY e.n
      ON CONFLICT (site, id) DO NOTHING
      RETURNING f.site, f.id
    )
    SELECT stored.site, stored.id FROM stored;
END
$$;
`;

/**
 * Creates the schema when missing. Several collectors may start at once against one database, and two
 * concurrent `CREATE ... IF NOT EXISTS` can still collide in the catalog, so the check and the creation run in one
 * transaction under an advisory lock: the second process waits, then finds the version the first committed.
 */
export async function migrate(sql: Sql): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`SELECT pg_advisory_xact_lock(${LOCK_CLASS}, ${MIGRATION_LOCK})`;
    await tx`CREATE SCHEMA IF NOT EXISTS clientela`;
    await tx`CREATE TABLE IF NOT EXISTS clientela.schema_version (version integer NOT NULL)`;
    const [row] = await tx<{ version: number }[]>`SELECT version FROM clientela.schema_version`;
    const version = row?.version ?? 0;
    if (version > SCHEMA_VERSION) throw new Error(`the clientela schema is at version ${version}; this collector knows ${SCHEMA_VERSION}`);
    if (version === 0) {
      await tx.unsafe(SCHEMA);
      await tx`INSERT INTO clientela.schema_version (version) VALUES (${SCHEMA_VERSION})`;
    }
  });
}

/**
 * A 2xx promises the submission survives a crash of the database server, which COMMIT only guarantees while
 * `fsync` and `synchronous_commit` are on (PostgreSQL's defaults): refuse to start otherwise.
 */
export async function assertDurableCommits(sql: Sql): Promise<void> {
  const [settings] = await sql<{ fsync: string; synchronous_commit: string }[]>`
    SELECT current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS synchronous_commit`;
  if (settings?.fsync !== 'on' || settings.synchronous_commit === 'off') {
    throw new Error(`PostgreSQL has fsync=${settings?.fsync} and synchronous_commit=${settings?.synchronous_commit}: an acknowledged submission could be lost; turn both on`);
  }
}
