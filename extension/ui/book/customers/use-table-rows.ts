import { useEffect, useReducer, useRef, useState } from 'preact/hooks';
import type { TableFacets, TableFilters, TableQuery } from '../../../../core';
import { useBook } from '../app/book-context';
import { TableRows, type RowsView } from './table-rows';

/**
 * The table's rows for `query` (see TableRows), re-read when the background says the table changed, plus a
 * counter of those changes (the facets follow it). The MV3 worker stays awake while this is mounted.
 */
export function useTableRows(query: TableQuery): { rows: TableRows; view: RowsView; updates: number } {
  const { background } = useBook();
  const [, redraw] = useReducer<number, void>((n) => n + 1, 0);
  const [updates, setUpdates] = useState(0);
  const [rows] = useState(() => new TableRows((request) => background.ask(request), redraw));
  useEffect(() => {
    const stop = new AbortController();
    background.watchTable(() => {
      rows.refresh();
      setUpdates((n) => n + 1);
    }, stop.signal);
    return () => {
      stop.abort();
      rows.stop();
    };
  }, [background, rows]);
  rows.setQuery(query);
  return { rows, view: rows.view(), updates };
}

/** Typing pauses this long before the filter counts follow the search: the rows come first, the counts after. */
export const FACETS_AFTER_TYPING_MS = 300;

/**
 * The counts beside each filter's values, for the search and archived choice shown; asked again after a table
 * change. Like the rows, one request is in flight at a time and the next one asks for the latest search. While
 * the seller types, the counts wait for a pause: each count is a pass over the search's matches in the
 * background, and the next keystroke's rows must not queue behind it. With `wanted` false nothing is asked (the
 * table asks once the seller reaches for a filter, or has one chosen: until then no count is on screen).
 */
export function useTableFacets(search: string, archived: TableFilters['archived'], updates: number, wanted = true): TableFacets | null {
  const { background } = useBook();
  const [facets, setFacets] = useState<TableFacets | null>(null);
  type Wanted = { search: string; archived: TableFilters['archived'] };
  const flight = useRef<{ busy: boolean; wanted: Wanted | null; stopped: boolean; search: string | null }>({ busy: false, wanted: null, stopped: false, search: null });
  useEffect(() => {
    const state = flight.current;
    const next = () => {
      const asked = state.wanted;
      if (state.busy || state.stopped || asked === null) return;
      state.wanted = null;
      state.busy = true;
      state.search = asked.search;
      background
        .ask({ type: 'table/facets', ...asked })
        .then(
          // Shown only if nothing newer was asked meanwhile.
          (answer) => !state.stopped && state.wanted === null && setFacets(answer),
          () => undefined,
        )
        .finally(() => {
          state.busy = false;
          next();
        });
    };
    if (!wanted) return;
    // The first counts, a table change or the archived choice: at once. A new search: once typing pauses.
    const want = () => {
      state.wanted = { search, archived };
      next();
    };
    if (state.search === null || state.search === search) {
      want();
      return;
    }
    const pause = setTimeout(want, FACETS_AFTER_TYPING_MS);
    return () => clearTimeout(pause);
  }, [background, search, archived, updates, wanted]);
  useEffect(
    () => () => {
      flight.current.stopped = true;
    },
    [],
  );
  return facets;
}
