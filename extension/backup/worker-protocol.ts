import { BackupError, type BackupCounts, type BackupErrorCode, type BackupProblem, type BackupProgress, type IntegrityReport } from '../../core';
import type { FileImport, ImportPreview, ImportProgressReport, ImportSettings } from '../import/import-protocol';

/**
 * What the book worker (`/book-worker.js`, built from entrypoints/book-worker.ts) is asked and answers. The worker
 * holds the heavy work (writing, encrypting, checking and restoring a whole book) so the page that asked stays
 * responsive; it opens the book itself and reads the backup settings and key from the book's `meta` store.
 * Only our own documents create it, so a shape check is enough on either side.
 */

/** Why a backup is made; the destructive ones name the file after the action they precede. */
export type BackupReason = 'scheduled' | 'manual' | 'before-restore' | 'before-import' | 'before-erase' | 'before-merge';

export const BACKUP_REASONS = ['scheduled', 'manual', 'before-restore', 'before-import', 'before-erase', 'before-merge'] as const satisfies readonly BackupReason[];

export type BookWorkerRequest =
  | { op: 'backup'; id: string; reason: BackupReason }
  | { op: 'restore'; id: string; file: Blob; passphrase?: string }
  | { op: 'integrity'; id: string }
  | { op: 'import-preview'; id: string; file: Blob; settings: ImportSettings }
  | { op: 'import'; id: string; file: Blob; settings: ImportSettings; dryRun: boolean }
  | { op: 'cancel'; id: string };

/** The worker's part of a backup: the file's bytes; the client names it in the seller's zone and language. */
export interface WorkerBackup {
  blob: Blob;
  counts: BackupCounts;
  encrypted: boolean;
  /** When the copy was read from the book (the file's `exportedAt`), ISO UTC. */
  at: string;
}

/** What each operation resolves with. */
export interface BookWorkerResults {
  backup: WorkerBackup;
  restore: BackupCounts;
  integrity: IntegrityReport;
  'import-preview': ImportPreview;
  import: FileImport;
}

/**
 * A backup or restore error's code, as core's BackupError says it ('cancelled', 'wrong-passphrase'…), or:
 * 'quota-exceeded' when the disk is full; 'failed' for anything else (the message says what).
 */
export type BookWorkerErrorCode = BackupErrorCode | 'quota-exceeded' | 'failed';

export type BookWorkerReply =
  | { id: string; type: 'progress'; progress: BackupProgress | ImportProgressReport }
  | { id: string; type: 'done'; result: BookWorkerResults[keyof BookWorkerResults] }
  | { id: string; type: 'error'; code: BookWorkerErrorCode; message: string; problems: BackupProblem[] };

/** How a worker operation failed, on the side that asked: the screen translates `code` and lists `problems`. */
export class BookWorkerError extends Error {
  override readonly name = 'BookWorkerError';
  constructor(
    readonly code: BookWorkerErrorCode,
    message: string,
    readonly problems: BackupProblem[] = [],
  ) {
    super(message);
  }
}

/** The error reply for whatever an operation threw; structured clone would drop a class and its fields. */
export function errorReply(id: string, error: unknown): Extract<BookWorkerReply, { type: 'error' }> {
  if (error instanceof BackupError || error instanceof BookWorkerError) return { id, type: 'error', code: error.code, message: error.message, problems: [...error.problems] };
  const name = (error as { name?: unknown } | null)?.name;
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'QuotaExceededError') return { id, type: 'error', code: 'quota-exceeded', message, problems: [] };
  if (name === 'AbortError') return { id, type: 'error', code: 'cancelled', message, problems: [] };
  return { id, type: 'error', code: 'failed', message, problems: [] };
}
