import { fieldProblems, SCHEMA_VERSION } from '../model';
import { RECORD_STORES, recordStoresAt, type Book } from '../store';
import { parseBackup } from './backup';
import { asBackupError, headerSchema, newerVersion, throwIfCancelled } from './backup-checks';
import { decryptBackup, isEncryptedBackup } from './backup-crypto';
import { BACKUP_FORMAT, BackupError, type BackupCounts, type BackupHeader } from './backup-format';
import { throttledProgress, type BackupProgress } from './backup-progress';
import { BackupRecordLines } from './backup-records';
import { RECORD_BY_RECORD_SINCE } from './backup-upgrade';
import { linesOfBytes, linesOfText, textOfBytes, type LineReader } from './line-reader';

export interface RestoreOptions {
  /** Needed when the file is encrypted. */
  passphrase?: string;
  signal?: AbortSignal;
  onProgress?: (progress: BackupProgress) => void;
}

/**
 * Replaces the book with a backup file: encrypted or not, in the line-per-record layout or an older
 * pretty-printed one, of any schema version this build reads. An encrypted file is decrypted first, before the
 * write transaction opens (WebCrypto's promises are not IndexedDB requests: awaiting one inside it would commit
 * half a book). A line-per-record file is then read, checked and written batch by batch in one transaction, never
 * held whole as a string or a document; older files are parsed whole (parseBackup) and written the same way.
 * Any problem rejects with a BackupError (its `code`, and each problem's field and line) and leaves the book
 * exactly as it was; so does cancelling (`cancelled`). Resolves with the counts restored.
 */
export async function restoreBackupFile(book: Book, data: Uint8Array | readonly Uint8Array[] | string, options: RestoreOptions = {}): Promise<BackupCounts> {
  const { signal } = options;
  throwIfCancelled(signal);
  let chunks = typeof data === 'string' ? null : data instanceof Uint8Array ? [data] : data;
  if (chunks && isEncryptedBackup(headOf(chunks))) {
    if (!options.passphrase) throw new BackupError('needs-passphrase', 'This backup is encrypted: its passphrase is needed');
    try {
      chunks = await decryptBackup(chunks, options.passphrase, { signal, onProgress: options.onProgress });
    } catch (error) {
      throw asBackupError(error, signal);
    }
  } else if (typeof data === 'string' && isEncryptedBackup(new TextEncoder().encode(data.slice(0, 64)))) {
    throw new BackupError('damaged', 'An encrypted backup must be read as bytes, not as text');
  }
  const lines = chunks ? linesOfBytes(chunks) : linesOfText(data as string);
  const header = readHeader(lines);
  if (!header) return restoreWhole(book, chunks ? textOfBytes(chunks) : (data as string), options);
  const total = RECORD_STORES.reduce((sum, store) => sum + (header.counts[store] ?? 0), 0);
  const report = throttledProgress(options.onProgress, 'writing', total);
  try {
    await book.replaceAllFrom(new BackupRecordLines(lines, header), { signal, onProgress: report });
  } catch (error) {
    throw asBackupError(error, signal);
  }
  return header.counts;
}

/**
 * The header of a line-per-record backup this path reads (line 1, and line 2 opening the tags), having read
 * those two lines; null when the file is laid out otherwise or older than RECORD_BY_RECORD_SINCE, for the
 * whole-document path to read (and explain, if it is no backup at all).
 */
function readHeader(lines: LineReader): BackupHeader | null {
  const first = lines.next();
  if (first === null || !first.startsWith('{"format":') || !first.endsWith(',') || lines.next() !== `"${RECORD_STORES[0]}":[`) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(`${first.slice(0, -1)}}`);
  } catch {
    return null;
  }
  if ((raw as { format?: unknown }).format !== BACKUP_FORMAT) return null;
  const header = headerSchema.safeParse(raw);
  if (!header.success) throw new BackupError('invalid-records', 'The backup header is invalid', fieldProblems(header.error).map((problem) => ({ ...problem, line: 1 })));
  if (header.data.schemaVersion > SCHEMA_VERSION) throw newerVersion(header.data.schemaVersion);
  if (header.data.schemaVersion < RECORD_BY_RECORD_SINCE) return null;
  // Only the stores this version knows: finish() checks each of them against the file. A store added after the
  // file's version is not in it: none of its records were (an older book had none).
  const inFile = recordStoresAt(header.data.schemaVersion);
  const counts = Object.fromEntries(RECORD_STORES.map((store) => [store, inFile.includes(store) ? header.data.counts[store] : 0])) as BackupCounts;
  return { ...header.data, format: BACKUP_FORMAT, counts };
}

/** An older file: parsed and checked whole (reporting every problem), then written in one transaction. */
async function restoreWhole(book: Book, text: string, options: RestoreOptions): Promise<BackupCounts> {
  const { signal, onProgress } = options;
  onProgress?.({ phase: 'checking', done: 0, total: 1 });
  const { format: _format, schemaVersion: _version, exportedAt: _exportedAt, counts, ...contents } = parseBackup(text);
  onProgress?.({ phase: 'checking', done: 1, total: 1 });
  throwIfCancelled(signal);
  const total = RECORD_STORES.reduce((sum, store) => sum + counts[store], 0);
  try {
    await book.replaceAll(contents, { signal, onProgress: throttledProgress(onProgress, 'writing', total) });
  } catch (error) {
    throw asBackupError(error, signal);
  }
  return counts;
}

/** The first bytes of a file given in chunks (enough to tell an encrypted one). */
function headOf(chunks: readonly Uint8Array[]): Uint8Array {
  const head = new Uint8Array(64);
  let filled = 0;
  for (const bytes of chunks) {
    if (filled === head.length) break;
    const take = Math.min(bytes.length, head.length - filled);
    head.set(bytes.subarray(0, take), filled);
    filled += take;
  }
  return head.subarray(0, filled);
}
