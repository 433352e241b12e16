import type { CollectedFeedback } from '../core/io/feedback-wire';

/** A stored submission, as the extension pulls it: the wire contract's served item (core/io/feedback-wire.ts). */
export type FeedbackItem = CollectedFeedback;

/**
 * A stored submission as both stores' `feedback` tables hold it (the same columns), with the database's
 * booleans and instants already read as JavaScript values.
 */
export interface FeedbackRow {
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
  received_at: string;
}

/** The item a row serves: a contact only when one of its fields is set, consent only when it was given or refused. */
export function itemOfRow(row: FeedbackRow): FeedbackItem {
  const hasContact = row.contact_email !== null || row.contact_phone !== null || row.contact_name !== null;
  const item = {
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
    receivedAt: row.received_at,
  };
  return item as FeedbackItem;
}

/** Why a submission was screened out as a bot instead of stored. */
export type ScreenReason = 'honeypot' | 'too-fast';

/** Bots screened out on one UTC day (`YYYY-MM-DD`) for one reason. */
export interface ScreenedCount {
  day: string;
  reason: ScreenReason;
  count: number;
}

/** One page of a site's feedback after a cursor. */
export interface FeedbackPage {
  items: FeedbackItem[];
  /** Sequence of the last item returned (or the cursor asked for when there were none): where to resume. */
  last: number;
  more: boolean;
}

/** What a submission became: new, or the first copy of its (site, id) with that copy's receivedAt. */
export interface SubmitResult {
  created: boolean;
  receivedAt: string;
}

/**
 * Where the collector keeps feedback: an embedded SQLite file (sqlite-store.ts, the default) or a PostgreSQL
 * database shared by several collector processes (postgres-store.ts). Every implementation keeps these promises:
 *
 * - `submit` stores a submission once per (site, id) and resolves only after its transaction committed (so a
 *   2xx sent after awaiting it survives a crash); a repeat resolves `created: false` with the first copy's
 *   `receivedAt`, whatever its body (the first wins).
 * - `page` returns items in cursor order, and a row never becomes visible below a cursor a reader was already
 *   given: paging by `after = last` misses nothing, however many writers there are.
 */
export interface FeedbackStore {
  submit(item: FeedbackItem): Promise<SubmitResult>;
  /** Counts one screened-out submission for the seller's information; nothing of its content is kept. */
  countScreened(site: string, reason: ScreenReason, day: string): Promise<void>;
  /** Up to `limit` items of `site` with a sequence after `after`, in cursor order. */
  page(site: string, after: number, limit: number): Promise<FeedbackPage>;
  /** Screened-out counts of a site by UTC day and reason, oldest first. */
  screenedCounts(site: string): Promise<ScreenedCount[]>;
  /** Commits anything queued, then lets go of the database. */
  close(): Promise<void>;
}
