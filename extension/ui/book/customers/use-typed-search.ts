import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { TableQuery } from '../../../../core';
import { CUSTOMERS_PATH } from '../app/book-links';
import { hrefOf, navigate } from '../app/router';
import { paramsFromQuery } from './table-route';

/** Typing pauses this long before the search is written into the address. */
export const ADDRESS_AFTER_TYPING_MS = 400;

/**
 * The table's query: the route's, with the search as typed. The address follows the search box once typing
 * pauses, not on every keystroke: writing the address is a navigation the browser process handles, and the
 * keystroke's own request to the background queued behind it (~20 ms a key, measured). A filter, a sort or
 * opening a customer writes the address at once, with the search typed so far; a route changed from outside
 * (Back, a link) wins over a search not yet written.
 */
export function useTypedSearch(routeQuery: TableQuery): {
  query: TableQuery;
  /** A keystroke in the search box. */
  type: (text: string) => void;
  /** Shows another query (a filter, a sort): a step Back undoes. */
  show: (next: TableQuery) => void;
  /** The same, keeping the search typed so far (for a part drawn with an older query: the filters). */
  showWithSearch: (next: TableQuery) => void;
  /** Writes a search not yet in the address (before leaving the list). */
  flush: () => void;
} {
  const [typed, setTyped] = useState<string | null>(null);
  const query = useMemo(() => (typed === null ? routeQuery : { ...routeQuery, search: typed }), [routeQuery, typed]);
  const latest = useRef(query);
  latest.current = query;
  /** The write waiting for typing to pause (undefined: the address holds the search). */
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** The next route change is our own write (its effect runs later, maybe after the next keystroke). */
  const ours = useRef(false);

  const write = useCallback((next: TableQuery, replace: boolean) => {
    clearTimeout(pending.current);
    pending.current = undefined;
    const href = hrefOf([CUSTOMERS_PATH], paramsFromQuery(next));
    if (href !== location.hash) ours.current = true;
    navigate(href, { replace });
    setTyped(null);
  }, []);
  const flush = useCallback(() => {
    if (pending.current !== undefined) write(latest.current, true);
  }, [write]);
  const type = useCallback(
    (text: string) => {
      setTyped(text);
      clearTimeout(pending.current);
      pending.current = setTimeout(() => write({ ...latest.current, search: text }, true), ADDRESS_AFTER_TYPING_MS);
    },
    [write],
  );
  const show = useCallback((next: TableQuery) => write(next, false), [write]);
  const showWithSearch = useCallback((next: TableQuery) => write({ ...next, search: latest.current.search }, false), [write]);

  // The route changed, not by our write but by Back, Forward or a link: they win over a search not yet written.
  const routeKey = JSON.stringify(routeQuery);
  useEffect(() => {
    if (ours.current) {
      ours.current = false;
      return;
    }
    if (pending.current === undefined) return;
    clearTimeout(pending.current);
    pending.current = undefined;
    setTyped(null);
  }, [routeKey]);
  // Leaving the page (a reload) keeps the search typed; leaving the screen by a link was flushed by its handler.
  useEffect(() => {
    const onHide = () => flush();
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      clearTimeout(pending.current);
    };
  }, [flush]);
  return { query, type, show, showWithSearch, flush };
}
