import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { TABLE_COLUMNS, type TableColumn, type TableQuery } from '../../../../core';
import type { MessageKey } from '../../../i18n/translate';
import { useBook } from '../app/book-context';
import { GridRow } from './grid-row';
import type { CellContext } from './table-cells';
import type { RowsView } from './table-rows';
import { ROW_HEIGHT, useVirtualRows } from './use-virtual-rows';

export const COLUMN_LABELS: Record<TableColumn, MessageKey> = {
  name: 'column.name',
  contacts: 'column.contacts',
  tags: 'column.tags',
  activity: 'column.activity',
  segment: 'column.segment',
  stage: 'column.stage',
  lastPurchase: 'column.lastPurchase',
  totalSpent: 'column.totalSpent',
  orders: 'column.orders',
  predictedValue: 'column.predictedValue',
  alive: 'column.alive',
};

interface GridProps {
  view: RowsView;
  /** The query asked (the rows shown may still answer the one before). */
  query: TableQuery;
  cells: Omit<CellContext, 'tools'>;
  selected: ReadonlySet<string>;
  onSort: (column: TableColumn) => void;
  onRange: (start: number, end: number, keep: number) => void;
  onToggle: (index: number, id: string, range: boolean) => void;
  onOpen: (id: string) => void;
}

/**
 * The customer table as an ARIA grid over a virtualized list: only the rows in view (and the active one) are in
 * the DOM, so `aria-rowcount` and `aria-rowindex` tell assistive technology where they are (the header row is 1).
 * Keyboard: arrows, Page Up/Down, Home/End move the active row (scrolled into view), space selects it (with shift,
 * the range from the last one), Enter opens it. `data-table-version` is the table version of the rows drawn, set
 * in the same commit as those rows once every visible one is known and current; `data-search` is the search those
 * rows answer (it lags the search box until the new answer is drawn).
 */
export function CustomerGrid({ view, query, cells, selected, onSort, onRange, onToggle, onOpen }: GridProps) {
  const tools = useBook();
  const { t } = tools;
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  /** The row whose cell takes focus once drawn (set by the keyboard, so a click or a scroll never steals focus). */
  const focusRow = useRef<number | null>(null);
  const total = view.total ?? 0;
  const virtualizer = useVirtualRows(total, scroller, active);
  const items = virtualizer.getVirtualItems();
  // The rows in view (overscan included), without the active row the virtualizer keeps for its focus: that one
  // is passed apart, so a focused row far above does not make the cache read every block in between.
  const around = items.filter((item) => item.index !== active);
  const first = around[0]?.index ?? items[0]?.index ?? 0;
  const last = around.at(-1)?.index ?? items.at(-1)?.index ?? -1;
  // Undefined until the first rows are drawn: a version on the grid always means its rows are on screen.
  const drawn = useRef<number | undefined>(undefined);
  if (view.settled) drawn.current = view.version;

  useEffect(() => onRange(first, last + 1, active), [first, last, active, onRange]);
  // Another query's rows start at the top (not the first rows of all: the seller may already be moving).
  const shownKey = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (shownKey.current !== null && shownKey.current !== view.key) {
      setActive(0);
      // Already at the top (typing a search there): asking to scroll would make the browser lay the page out
      // mid-draw, for nothing.
      if ((virtualizer.scrollOffset ?? 0) > 0) virtualizer.scrollToOffset(0);
    }
    shownKey.current = view.key;
  }, [view.key]);
  useLayoutEffect(() => {
    if (focusRow.current === null) return;
    const cell = scroller.current?.querySelector<HTMLElement>(`[data-index="${focusRow.current}"] [data-active-cell]`);
    if (cell) {
      cell.focus({ preventScroll: true });
      focusRow.current = null;
    }
  });

  const move = (to: number) => {
    const next = Math.max(0, Math.min(total - 1, to));
    focusRow.current = next;
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!row || total === 0) return;
    // Read here, not while drawing: a size read during a draw can make the browser lay the page out mid-scroll.
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const current = Number(row.dataset.index);
    const id = view.rowAt(current)?.id;
    const moves: Record<string, number> = { ArrowDown: current + 1, ArrowUp: current - 1, PageDown: current + page, PageUp: current - page, Home: 0, End: total - 1 };
    const to = moves[event.key];
    if (to !== undefined) {
      event.preventDefault();
      move(to);
    } else if (event.key === ' ' && id) {
      event.preventDefault();
      onToggle(current, id, event.shiftKey);
    } else if (event.key === 'Enter' && id) {
      event.preventDefault();
      onOpen(id);
    }
  };

  // The rows' own events, handled here: a row holds no callback, so it is drawn again only when its data changes.
  const onClick = (event: MouseEvent) => {
    const box = (event.target as HTMLElement).closest<HTMLElement>('[data-toggle]');
    const index = Number(box?.closest<HTMLElement>('[data-index]')?.dataset.index);
    const id = Number.isInteger(index) ? view.rowAt(index)?.id : undefined;
    if (id) onToggle(index, id, event.shiftKey);
  };
  const onFocusIn = (event: FocusEvent) => {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('.col-name');
    const index = Number(cell?.closest<HTMLElement>('[data-index]')?.dataset.index);
    if (cell && Number.isInteger(index)) setActive(index);
  };
  // One object while the locale, tags and prediction state stay: the rows compare it to skip drawing again.
  const context = useMemo<CellContext>(() => ({ ...cells, tools }), [cells.tags, cells.predictions, tools]);
  let slot = 0;
  return (
    <div class="grid-scroll" ref={scroller}>
      <div
        role="grid"
        class="customer-grid"
        aria-label={t('nav.customers')}
        aria-rowcount={total + 1}
        aria-colcount={TABLE_COLUMNS.length + 1}
        aria-multiselectable="true"
        aria-busy={!view.settled}
        data-table-version={drawn.current}
        data-search={view.query?.search}
        data-testid="customer-grid"
        onKeyDown={onKeyDown}
        onClick={onClick}
        onFocusIn={onFocusIn}
      >
        <div role="rowgroup" class="grid-head">
          <div role="row" aria-rowindex={1} class="grid-row">
            <div role="columnheader" class="select-cell">
              <span class="visually-hidden">{t('table.selectColumn')}</span>
            </div>
            {TABLE_COLUMNS.map((column) => {
              const sorted = query.sort.column === column;
              return (
                <div key={column} role="columnheader" class={`col-${column}`} aria-sort={sorted ? (query.sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
                  <button type="button" class="sort" onClick={() => onSort(column)}>
                    {t(COLUMN_LABELS[column])}
                    <span aria-hidden="true">{sorted ? (query.sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                  </button>
                </div>
              );
            })}
          </div>
        </div>
        <div role="rowgroup" class="grid-body" style={{ height: `${virtualizer.getTotalSize()}px` }}>
          {items.map((item) => {
            const row = view.rowAt(item.index);
            const isActive = item.index === active;
            // Rows are keyed by their place on screen, so scrolling rewrites the same elements' text instead of
            // building new ones (in DOM order, as on screen); the active row keeps its own element, so the focus
            // stays on its customer while the others scroll past.
            const key = isActive ? `active-${item.index}` : slot++;
            return <GridRow key={key} row={row} index={item.index} start={item.start} active={isActive} selected={row !== undefined && selected.has(row.id)} context={context} />;
          })}
        </div>
      </div>
    </div>
  );
}

