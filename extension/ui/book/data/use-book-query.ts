import { useEffect, useRef, useState } from 'preact/hooks';
import type { Book } from '../../../../core';
import { useBook } from '../app/book-context';
import { watchQuery, type QueryReads, type QueryState } from './book-query';

export interface BookQueryOptions<T = unknown> extends QueryReads {
  /** Values `run` depends on besides the book: a new value runs it again at once (and drops the old answer). */
  deps?: readonly unknown[];
  /** An answer already in hand for the first render (asked for as the page started): it is not read again until a change. */
  first?: { data: T };
}

/**
 * The book page's one way to read: runs `run(book)` on mount and again only when the change feed names a store
 * it reads (see watchQuery for the guarantees: no overlapping runs, bursts coalesced, no late answer shown over a
 * newer one, nothing after unmount). `run` may change every render; only `deps`, the stores and the customer restart it.
 */
export function useBookQuery<T>(run: (book: Book) => Promise<T>, options: BookQueryOptions<T>): QueryState<T> {
  return useQueryOn(useBook().book, run, options);
}

/** useBookQuery on a book given outright: for providers that sit beside BookProvider (the backup screens' own). */
export function useQueryOn<T>(book: Book, run: (book: Book) => Promise<T>, options: BookQueryOptions<T>): QueryState<T> {
  const [first] = useState(() => options.first);
  const [state, setState] = useState<QueryState<T>>(() => (first ? { data: first.data, error: undefined, loading: false } : { data: undefined, error: undefined, loading: true }));
  const latest = useRef({ run, watch: options.watch });
  latest.current = { run, watch: options.watch };
  const restarted = useRef(false);
  const { stores, customerId, quietMs, deps = [] } = options;

  useEffect(() => {
    // Another customer or other deps: the answer shown was for them, so it goes.
    if (restarted.current) setState({ data: undefined, error: undefined, loading: true });
    const watch = latest.current.watch;
    // The answer in hand stands for the first run only: another customer or deps read afresh.
    const given = restarted.current ? undefined : first;
    restarted.current = true;
    return watchQuery(book, (b) => latest.current.run(b), { stores, customerId, quietMs, watch: watch && ((changed) => watch(changed)) }, setState, given);
    // The stores are compared by name: callers pass a fresh array literal each render.
  }, [book, stores.join(' '), customerId, quietMs, ...deps]);

  return state;
}
