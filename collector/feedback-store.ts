import type { CollectedFeedback } from '../core/io/feedback-wire';

/** A stored submission, as the extension pulls it: the wire contract's served item (core/io/feedback-wire.ts). */
export type FeedbackItem = CollectedFeedback;

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
