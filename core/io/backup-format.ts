import type { FieldProblem } from '../model';
import type { BookContents, RecordCounts } from '../store';

export const BACKUP_FORMAT = 'clientela-backup';

/** How many records of each store a backup holds. */
export type BackupCounts = RecordCounts;

/** A whole book as one JSON document. `counts` lets a restore notice a file cut short or edited by hand. */
export interface BackupDocument extends BookContents {
  format: typeof BACKUP_FORMAT;
  schemaVersion: number;
  exportedAt: string;
  counts: BackupCounts;
}

/** What a backup says about itself before its records (line 1 of the line-per-record layout). */
export type BackupHeader = Pick<BackupDocument, 'format' | 'schemaVersion' | 'exportedAt' | 'counts'>;

/** One thing wrong with a backup: the field's path in the file (`orders[12].totalMinor`) and, when known, its line. */
export interface BackupProblem extends FieldProblem {
  line?: number;
}

/**
 * Why a backup could not be made, read or restored, for the UI to translate:
 * - `not-json`: not JSON or not text, or cut short; `not-backup`: JSON, but not a Clientela backup;
 * - `newer-version`: written by a newer Clientela; `invalid-records`: a record (or the header) breaks its schema;
 * - `inconsistent`: the records disagree with each other or with the header (repeated ids, a missing customer or
 *   tag, counts); `needs-passphrase`: encrypted and no passphrase given (or, when encrypting, one too short);
 * - `wrong-passphrase`; `damaged`: an encrypted file altered, cut short or reordered; `cancelled`.
 */
export type BackupErrorCode =
  | 'not-json'
  | 'not-backup'
  | 'newer-version'
  | 'invalid-records'
  | 'inconsistent'
  | 'needs-passphrase'
  | 'wrong-passphrase'
  | 'damaged'
  | 'cancelled';

/** Why a backup cannot be restored (or made); `problems` name each bad field with its path and line in the file. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
  constructor(
    readonly code: BackupErrorCode,
    message: string,
    readonly problems: BackupProblem[] = [],
  ) {
    super(problems.length ? `${message}: ${problems.slice(0, 10).map(describeProblem).join('; ')}${problems.length > 10 ? ` (and ${problems.length - 10} more)` : ''}` : message);
  }
}

function describeProblem(problem: BackupProblem): string {
  return `${problem.line === undefined ? '' : `line ${problem.line}: `}${problem.field}: ${problem.message}`;
}
