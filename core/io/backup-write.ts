import { SCHEMA_VERSION } from '../model';
import { RECORD_STORES, type Book } from '../store';
import { asBackupError, throwIfCancelled } from './backup-checks';
import { BACKUP_FORMAT, type BackupCounts } from './backup-format';
import { BackupLineWriter } from './backup-lines';
import { throttledProgress, type BackupProgress } from './backup-progress';

/** Roughly how much text each part holds: big enough that a Blob of parts is cheap, small enough to grow by. */
const PART_CHARS = 1 << 20;

export interface WriteBackupOptions {
  now?: Date;
  signal?: AbortSignal;
  onProgress?: (progress: BackupProgress) => void;
}

export interface WrittenBackup {
  /** The file as text parts of about 1 MB each, in order: `new Blob(parts)`. */
  parts: string[];
  counts: BackupCounts;
  exportedAt: string;
}

/**
 * Writes the whole book as a backup in the line-per-record layout (backup-lines.ts), reading it batch by batch
 * in one readonly transaction (a consistent copy) instead of loading it whole first. Progress is in records
 * read (`reading`). Cancelling rejects with a `cancelled` BackupError.
 */
export async function writeBackup(book: Book, options: WriteBackupOptions = {}): Promise<WrittenBackup> {
  const { signal } = options;
  throwIfCancelled(signal);
  const exportedAt = (options.now ?? new Date()).toISOString();
  const parts: string[] = [];
  let part = '';
  const writer = new BackupLineWriter((line) => {
    part += line;
    if (part.length >= PART_CHARS) {
      parts.push(part);
      part = '';
    }
  });
  let done = 0;
  let report: (done: number) => void = () => undefined;
  let counts: BackupCounts;
  try {
    counts = await book.exportStream(
      (store, records) => {
        writer.records(store, records);
        report((done += records.length));
      },
      {
        signal,
        onCounts: (counts) => {
          writer.header({ format: BACKUP_FORMAT, schemaVersion: SCHEMA_VERSION, exportedAt, counts });
          report = throttledProgress(options.onProgress, 'reading', RECORD_STORES.reduce((sum, store) => sum + counts[store], 0));
          report(0);
        },
      },
    );
  } catch (error) {
    throw asBackupError(error, signal);
  }
  writer.end();
  if (part) parts.push(part);
  return { parts, counts, exportedAt };
}
