import { browser } from 'wxt/browser';
import type { BackupCounts, BackupProgress, IntegrityReport } from '../../core';
import { browserLocale, type Locale } from '../i18n/translate';
import { backupFileName } from './backup-file-name';
import { browserTimeZone } from '../../core/locale';
import { BookWorkerError, type BackupReason, type BookWorkerReply, type BookWorkerRequest, type BookWorkerResults, type WorkerBackup } from './worker-protocol';

/** The parts of a Worker the client uses: a real one in extension documents, an in-process one in unit tests. */
export interface BookWorkerHandle {
  postMessage(message: BookWorkerRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<BookWorkerReply>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  terminate(): void;
}

export interface WorkerCallOptions<P = BackupProgress> {
  signal?: AbortSignal;
  onProgress?: (progress: P) => void;
  /** Starts the worker; the built `/book-worker.js` by default. */
  spawn?: () => BookWorkerHandle;
}

/** A finished backup, ready to be saved: the file and its name in the seller's zone and language. */
export interface MadeBackup {
  blob: Blob;
  fileName: string;
  counts: BackupCounts;
  encrypted: boolean;
  at: string;
  reason: BackupReason;
}

export const spawnBookWorker = (): BookWorkerHandle => new Worker(browser.runtime.getURL('/book-worker.js'));

let lastId = 0;

/**
 * Runs one operation in a worker of its own and ends the worker after it: a worker holds a whole book's worth of
 * memory at the peak of a backup, and giving that back matters more than the few milliseconds a new one costs.
 * Aborting `signal` asks the worker to cancel and waits for its answer, so a rejected restore means the book is
 * as it was.
 */
export function callWorker<K extends keyof BookWorkerResults, P = BackupProgress>(
  request: Exclude<BookWorkerRequest, { op: 'cancel' }> & { op: K },
  { signal, onProgress, spawn = spawnBookWorker }: WorkerCallOptions<P>,
): Promise<BookWorkerResults[K]> {
  if (signal?.aborted) return Promise.reject(new BookWorkerError('cancelled', 'Cancelled before it started'));
  const worker = spawn();
  return new Promise<BookWorkerResults[K]>((resolve, reject) => {
    const cancel = () => worker.postMessage({ op: 'cancel', id: request.id });
    const finish = () => {
      signal?.removeEventListener('abort', cancel);
      worker.terminate();
    };
    worker.addEventListener('message', ({ data: reply }) => {
      if (reply.id !== request.id) return;
      if (reply.type === 'progress') return onProgress?.(reply.progress as P);
      finish();
      if (reply.type === 'done') resolve(reply.result as BookWorkerResults[K]);
      else reject(new BookWorkerError(reply.code, reply.message, reply.problems));
    });
    worker.addEventListener('error', (event) => {
      finish();
      reject(new BookWorkerError('failed', `The book worker stopped: ${event.message || 'it could not start'}`));
    });
    signal?.addEventListener('abort', cancel, { once: true });
    worker.postMessage(request);
  });
}

export const nextId = () => `${Date.now().toString(36)}-${++lastId}`;

export interface MakeBackupOptions extends WorkerCallOptions {
  locale?: Locale;
  timeZone?: string;
}

/** Writes the whole book into a file (encrypted when the seller turned that on), named for the seller. */
export async function makeBackup(reason: BackupReason, options: MakeBackupOptions = {}): Promise<MadeBackup> {
  const made: WorkerBackup = await callWorker({ op: 'backup', id: nextId(), reason }, options);
  const fileName = backupFileName(new Date(made.at), reason, { encrypted: made.encrypted, timeZone: options.timeZone ?? browserTimeZone(), locale: options.locale ?? browserLocale() });
  return { ...made, fileName, reason };
}

/**
 * Replaces the book with the backup in `file` (plain or encrypted). Rejects with a BookWorkerError whose `code`
 * says why ('needs-passphrase', 'wrong-passphrase', 'cancelled'…) and whose `problems` name fields and lines.
 */
export function restoreBackup(file: Blob, options: WorkerCallOptions & { passphrase?: string } = {}): Promise<BackupCounts> {
  const { passphrase, ...call } = options;
  return callWorker({ op: 'restore', id: nextId(), file, ...(passphrase === undefined ? {} : { passphrase }) }, call);
}

/** Counts and records whose customer is missing; never changes the book. */
export function checkIntegrity(options: Omit<WorkerCallOptions, 'onProgress'> = {}): Promise<IntegrityReport> {
  return callWorker({ op: 'integrity', id: nextId() }, options);
}
