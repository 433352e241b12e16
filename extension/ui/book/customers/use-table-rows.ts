import { useEffect, useReducer, useState } from 'preact/hooks';
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

/**
 * The counts beside each filter's values, for the search and archived choice shown; asked again after a table
 * change. The latest answer wins: one for an older search never replaces a newer one.
 */
export function useTableFacets(search: string, archived: TableFilters['archived'], updates: number): TableFacets | null {
  const { background } = useBook();
  const [facets, setFacets] = useState<TableFacets | null>(null);
  useEffect(() => {
    let current = true;
    background.ask({ type: 'table/facets', search, archived }).then(
      (answer) => current && setFacets(answer),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [background, search, archived, updates]);
  return facets;
}
