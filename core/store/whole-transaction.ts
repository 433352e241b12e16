import { abortError } from './abort';

/**
 * Runs one IndexedDB transaction as a whole, for the bulk paths that drive raw requests (a restore, an import, the
 * export stream that backups and the book's table read).
 * `start` issues the first requests and is handed `fail`, which the requests' callbacks call with any error of
 * theirs: `fail`, a failed request or `signal` aborts the transaction, and the promise rejects with the first
 * error once it has rolled back (the book is exactly as before). Once it commits, it resolves with `committed()`,
 * which may still reject the result (say, a source that ended early) by throwing.
 */
export function wholeTransaction<T>(tx: IDBTransaction, signal: AbortSignal | undefined, start: (fail: (error: unknown) => void) => void, committed: () => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) {
      tx.abort();
      return reject(abortError(signal));
    }
    let failure: { error: unknown } | null = null;
    const fail = (error: unknown) => {
      if (failure) return;
      failure = { error };
      try {
        tx.abort();
      } catch {
        // Already committing: every write has landed, so the error came too late to undo anything.
        failure = null;
      }
    };
    const onAbort = () => fail(abortError(signal));
    signal?.addEventListener('abort', onAbort, { once: true });
    // A failed request aborts the transaction by default; keep its error (the first one) to reject with.
    tx.onerror = (event) => fail((event.target as IDBRequest).error);
    tx.oncomplete = () => {
      signal?.removeEventListener('abort', onAbort);
      try {
        resolve(committed());
      } catch (error) {
        reject(error);
      }
    };
    tx.onabort = () => {
      signal?.removeEventListener('abort', onAbort);
      reject(failure ? failure.error : (tx.error ?? new Error('The transaction was aborted')));
    };
    try {
      start(fail);
    } catch (error) {
      fail(error);
    }
  });
}
