import type { Book, BookChange, BookStoreName } from '../../../../core';

/** What a query reads, so it re-runs only for changes that may alter its answer. */
export interface QueryReads {
  /** The stores `run` reads. A change naming none of them (and not book-wide) leaves the answer as it is. */
  stores: readonly BookStoreName[];
  /** The one customer the query is about: changes naming only other customers leave it alone. */
  customerId?: string;
  /** Wait this long after the last matching change before re-running (book-wide changes never wait). */
  quietMs?: number;
  /** Another source of news than the book (the background's collector progress, a permission): calls back on each. */
  watch?: (changed: () => void) => () => void;
}

export interface QueryState<T> {
  /** The latest answer; undefined until the first one. */
  data: T | undefined;
  /** Why the latest run failed; undefined after a run that succeeded. */
  error: unknown;
  /** A run is in flight (the first, or a re-run after a change: `data` is then the answer before it). */
  loading: boolean;
}

/**
 * Whether a change may alter what a query reads: a book-wide change always does; otherwise it must name one of
 * the stores read and, for a query about one customer, that customer (a change naming no customer may touch any).
 */
export function changeConcerns(change: BookChange, reads: Pick<QueryReads, 'stores' | 'customerId'>): boolean {
  if (change.wholeBook) return true;
  if (!change.stores.some((store) => reads.stores.includes(store))) return false;
  return reads.customerId === undefined || change.customerIds.length === 0 || change.customerIds.includes(reads.customerId);
}

/**
 * Runs `run` now and again after each change that concerns it, one run at a time: a change that arrives while a
 * run is in flight marks one more run for when it ends, however many arrive (a burst of 1,000 writes costs one
 * extra read, not 1,000). Since runs never overlap, answers are delivered in the order asked and a late answer
 * can never overwrite a newer one. The returned function stops everything: no run starts and no answer is
 * delivered after it. With `first`, that answer is the first run's: nothing is read until a change.
 */
export function watchQuery<T>(book: Book, run: (book: Book) => Promise<T>, reads: QueryReads, onState: (state: QueryState<T>) => void, first?: { data: T }): () => void {
  // An answer already in hand (asked for as the page started) stands for the first run.
  let state: QueryState<T> = first ? { data: first.data, error: undefined, loading: false } : { data: undefined, error: undefined, loading: true };
  let stopped = false;
  let running = false;
  let again = false;
  let quiet: ReturnType<typeof setTimeout> | undefined;
  const publish = (next: QueryState<T>) => {
    state = next;
    if (!stopped) onState(state);
  };

  const start = () => {
    clearTimeout(quiet);
    quiet = undefined;
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    if (!state.loading) publish({ ...state, loading: true });
    const settle = (next: Omit<QueryState<T>, 'loading'>) => {
      running = false;
      if (stopped) return;
      if (again) {
        // Deliver what we have (it is newer than what is shown), then read once more for what came meanwhile.
        again = false;
        publish({ ...next, loading: true });
        start();
      } else publish({ ...next, loading: false });
    };
    let pending: Promise<T>;
    try {
      pending = run(book);
    } catch (error) {
      pending = Promise.reject(error);
    }
    pending.then(
      (data) => settle({ data, error: undefined }),
      (error: unknown) => settle({ data: state.data, error }),
    );
  };

  const later = () => {
    if (stopped) return;
    if (!reads.quietMs) return start();
    clearTimeout(quiet);
    quiet = setTimeout(start, reads.quietMs);
  };

  const stopBook = book.onChange((change) => {
    if (!changeConcerns(change, reads)) return;
    if (change.wholeBook) start();
    else later();
  });
  const stopWatch = reads.watch?.(later);
  if (!first) start();
  return () => {
    stopped = true;
    clearTimeout(quiet);
    stopBook();
    stopWatch?.();
  };
}
