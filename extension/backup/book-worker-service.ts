import { encryptBackup, restoreBackupFile, writeBackup, type Book, type BackupProgress } from '../../core';
import { readBackupState } from './backup-settings';
import type { ImportProgressReport } from '../import/import-protocol';
import { BookWorkerError, errorReply, type BookWorkerReply, type BookWorkerRequest, type BookWorkerResults, type WorkerBackup } from './worker-protocol';

/** The worker's side of a message channel: its global scope in the browser, a fake in unit tests. */
export interface BookWorkerScope {
  postMessage(message: BookWorkerReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<BookWorkerRequest>) => void): void;
}

export type WorkerProgress = (progress: BackupProgress | ImportProgressReport) => void;

/** What a worker does with each request: the book worker backs up and restores, the import worker imports. */
export type WorkerOperations = (book: Book, request: Exclude<BookWorkerRequest, { op: 'cancel' }>, signal: AbortSignal, onProgress: WorkerProgress) => Promise<BookWorkerResults[keyof BookWorkerResults]>;

/**
 * Answers BookWorkerRequests on `scope`. The book is opened on the first request and kept for the worker's life;
 * each operation runs with its own AbortController so `cancel` stops that one (core aborts its transaction, and
 * the book is left exactly as it was).
 */
export function serveBookWorker(scope: BookWorkerScope, open: () => Promise<Book>, run: WorkerOperations = backupOperations): void {
  let book: Promise<Book> | undefined;
  const running = new Map<string, AbortController>();
  scope.addEventListener('message', ({ data: request }) => {
    if (request.op === 'cancel') {
      running.get(request.id)?.abort();
      return;
    }
    const controller = new AbortController();
    running.set(request.id, controller);
    const onProgress: WorkerProgress = (progress) => scope.postMessage({ id: request.id, type: 'progress', progress });
    book ??= open();
    book
      .then((opened) => run(opened, request, controller.signal, onProgress))
      .then(
        (result) => scope.postMessage({ id: request.id, type: 'done', result }),
        (error: unknown) => scope.postMessage(errorReply(request.id, controller.signal.aborted ? cancelled() : error)),
      )
      .finally(() => running.delete(request.id));
  });
}

/** The book worker's operations: backups, restores, the integrity check. */
export const backupOperations: WorkerOperations = (book, request, signal, onProgress) => {
  switch (request.op) {
    case 'backup':
      return backup(book, signal, onProgress);
    case 'restore':
      return restore(book, request.file, request.passphrase, signal, onProgress);
    case 'integrity':
      // Integrity is a few cursors: nothing to stop midway, so a cancel only drops the answer.
      return untilAborted(book.integrity(), signal);
    default:
      return Promise.reject(new BookWorkerError('failed', `The book worker does not ${request.op}: the import worker does`));
  }
};

/** The whole book as one file, encrypted with the stored key when the seller turned encryption on. */
async function backup(book: Book, signal: AbortSignal, onProgress: WorkerProgress): Promise<WorkerBackup> {
  const { settings, key } = await readBackupState(book);
  const made = await writeBackup(book, { signal, onProgress });
  if (!settings.encrypt || !key) return { blob: new Blob(made.parts, { type: 'application/json' }), counts: made.counts, encrypted: false, at: made.exportedAt };
  const chunks = await encryptBackup(made.parts, key, { signal, onProgress });
  return { blob: new Blob(chunks as BlobPart[], { type: 'application/octet-stream' }), counts: made.counts, encrypted: true, at: made.exportedAt };
}

/**
 * Reads the file as the browser hands it out (chunks, not one buffer the size of the file) and restores it.
 * Everything is read and decrypted before core opens its write transaction.
 */
async function restore(book: Book, file: Blob, passphrase: string | undefined, signal: AbortSignal, onProgress: WorkerProgress) {
  const chunks: Uint8Array[] = [];
  const reader = file.stream().getReader();
  for (;;) {
    if (signal.aborted) {
      await reader.cancel();
      throw cancelled();
    }
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return restoreBackupFile(book, chunks, { passphrase, signal, onProgress });
}

export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    signal.addEventListener('abort', () => reject(cancelled()), { once: true });
    promise.then(resolve, reject);
  });
}

function cancelled(): BookWorkerError {
  return new BookWorkerError('cancelled', 'Cancelled: the book is as it was');
}
