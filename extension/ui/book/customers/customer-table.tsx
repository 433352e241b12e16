import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { TableColumn, Tag } from '../../../../core';
import { useBook } from '../app/book-context';
import { CUSTOMERS_PATH } from '../app/book-links';
import { hrefOf, navigate, type Route } from '../app/router';
import { useBookQuery } from '../data/use-book-query';
import { CustomerGrid } from './customer-grid';
import { ExportDialog } from './export/export-dialog';
import { SelectionBar } from './selection-bar';
import { TableFilters } from './table-filters';
import { queryFromParams, queryKey } from './table-route';
import { useTableFacets, useTableRows } from './use-table-rows';
import { useTypedSearch } from './use-typed-search';

const NO_TAGS: readonly Tag[] = [];
const isTyping = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * The whole clientele: search, filters and sort from the route's query, the virtualized grid, and a selection
 * with bulk actions. `/` focuses the search from anywhere on the screen; Escape clears the selection.
 */
export function CustomerTable({ route }: { route: Route }) {
  const { t, background } = useBook();
  const paramsText = route.params.toString();
  const routeQuery = useMemo(() => queryFromParams(new URLSearchParams(paramsText)), [paramsText]);
  const { query, type, show, showWithSearch, flush } = useTypedSearch(routeQuery);
  const { rows, view, updates } = useTableRows(query);
  // The counts are a pass over the matches in the background: asked once the seller reaches for a filter (or has
  // one chosen, whose count the closed select shows), not on every open and every keystroke.
  const [reached, setReached] = useState(false);
  const filtered = Object.entries(query.filters).some(([key, value]) => key !== 'archived' && key !== 'tagMode' && Array.isArray(value) && value.length > 0);
  const facets = useTableFacets(query.search, query.filters.archived, updates, reached || filtered);
  const reach = useCallback(() => setReached(true), []);
  const tagList = useBookQuery((book) => book.tags.list(), { stores: ['tags'] });
  const tags = tagList.data ?? NO_TAGS;
  const tagMap = useMemo(() => new Map(tags.map((tag) => [tag.id, tag])), [tagList.data]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const anchor = useRef<number | null>(null);
  const search = useRef<HTMLInputElement>(null);

  const onSort = (column: TableColumn) =>
    show({ ...query, sort: { column, direction: query.sort.column === column && query.sort.direction === 'asc' ? 'desc' : 'asc' } });
  const onRange = useCallback((start: number, end: number, keep: number) => rows.setRange(start, end, keep), [rows]);
  useEffect(() => {
    anchor.current = null;
  }, [queryKey(query)]);

  const onToggle = async (index: number, id: string, range: boolean) => {
    const from = anchor.current;
    anchor.current = index;
    if (!range || from === null) {
      setSelected((current) => {
        const next = new Set(current);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      });
      return;
    }
    const [low, high] = from < index ? [from, index] : [index, from];
    let ids: string[] = [];
    for (let i = low; i <= high; i++) ids.push(view.rowAt(i)?.id ?? '');
    // Rows between may be out of the cache: the background has the list's order.
    if (ids.includes('')) ids = (await background.ask({ type: 'table/ids', ...query })).ids.slice(low, high + 1);
    setSelected((current) => new Set([...current, ...ids]));
  };
  const selectAll = async () => setSelected(new Set((await background.ask({ type: 'table/ids', ...query })).ids));
  const clear = () => setSelected(new Set());

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target)) {
        event.preventDefault();
        search.current?.focus();
        search.current?.select();
      } else if (event.key === 'Escape' && !isTyping(event.target)) setSelected((current) => (current.size === 0 ? current : new Set()));
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  // The same element while the filters, sort, counts and tags stay: Preact skips it when the rows arrive and while
  // the seller types (its options are ~60 formatted labels). A choice made there keeps the search typed since.
  const filtersKey = JSON.stringify([query.filters, query.sort]);
  const filters = useMemo(() => <TableFilters query={query} facets={facets} tags={tags} onChange={showWithSearch} onReach={reach} />, [filtersKey, facets, tags, showWithSearch, reach]);
  const total = view.total;
  return (
    // A click anywhere here (a customer's link, a button) first writes a search still waiting for the address.
    <section aria-labelledby="customers-title" aria-busy={!view.settled} data-testid="customer-list" class="customer-table" onClickCapture={flush}>
      <h2 id="customers-title">{t('bookTitle')}</h2>
      <div class="table-toolbar">
        <div class="field search-field">
          <label for="customer-search">{t('table.search')}</label>
          <input
            id="customer-search"
            ref={search}
            type="search"
            value={query.search}
            maxLength={200}
            autoComplete="off"
            placeholder={t('table.searchHint')}
            aria-keyshortcuts="/"
            onInput={(event) => type((event.currentTarget as HTMLInputElement).value)}
          />
        </div>
        <p class="meta" data-testid="table-total" aria-live="polite">
          {total === null ? t('loading') : t('table.total', { count: total })}
        </p>
        {total !== null && total > 0 && selected.size < total && (
          <button type="button" class="secondary" onClick={() => void selectAll()}>
            {t('selection.all', { count: total })}
          </button>
        )}
        <ExportDialog query={query} selected={selected} total={total} tags={tagMap} />
      </div>
      {filters}
      {selected.size > 0 && <SelectionBar selected={selected} tags={tags} onClear={clear} />}
      {view.error !== undefined && (
        <p role="alert" class="error">
          {t('table.error', { error: view.error instanceof Error ? view.error.message : String(view.error) })}
        </p>
      )}
      {total === 0 && <p>{query.search || paramsText ? t('table.noResults') : t('empty')}</p>}
      <CustomerGrid
        view={view}
        query={query}
        cells={{ tags: tagMap, predictions: view.predictions }}
        selected={selected}
        onSort={onSort}
        onRange={onRange}
        onToggle={(index, id, range) => void onToggle(index, id, range)}
        onOpen={(id) => {
          flush();
          navigate(hrefOf([CUSTOMERS_PATH, id]));
        }}
      />
    </section>
  );
}
