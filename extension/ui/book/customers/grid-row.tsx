import { Component } from 'preact';
import { TABLE_COLUMNS, type CustomerRow, type TableColumn } from '../../../../core';
import { CUSTOMERS_PATH } from '../app/book-links';
import { hrefOf } from '../app/router';
import { cellContent, type CellContext } from './table-cells';

const CELL_COLUMNS = TABLE_COLUMNS.filter((column): column is Exclude<TableColumn, 'name'> => column !== 'name');

export interface GridRowProps {
  /** Undefined while its block is being read: the row shows "carregando". */
  row: CustomerRow | undefined;
  index: number;
  /** Its offset in the grid body, in CSS pixels. */
  start: number;
  active: boolean;
  selected: boolean;
  /** Shared by every row and kept while the locale, tags and prediction state stay (see CustomerGrid). */
  context: CellContext;
}

/**
 * One row of the customer grid. It is drawn again only when one of its props changed: a keystroke, a block
 * arriving for other rows, or the selection of another row leaves it as it is (each row is ten cells of
 * formatted money, dates and labels; drawing forty of them again on every keystroke cost more than the search).
 * Its checkbox and its focus are handled by the grid (the `data-toggle` and `data-index` attributes), so it
 * holds no callback that would change on every draw.
 */
export class GridRow extends Component<GridRowProps> {
  override shouldComponentUpdate(next: GridRowProps): boolean {
    const now = this.props;
    return now.row !== next.row || now.index !== next.index || now.start !== next.start || now.active !== next.active || now.selected !== next.selected || now.context !== next.context;
  }

  override render({ row, index, start, active, selected, context }: GridRowProps) {
    const { t } = context.tools;
    return (
      <div
        role="row"
        class={`grid-row${selected ? ' selected' : ''}`}
        aria-rowindex={index + 2}
        aria-selected={row ? selected : undefined}
        data-index={index}
        style={{ transform: `translateY(${start}px)` }}
      >
        <div role="gridcell" class="select-cell">
          {row && <input type="checkbox" tabIndex={-1} checked={selected} data-toggle="" aria-label={t('table.select', { name: row.name })} />}
        </div>
        <div role="gridcell" class="col-name" tabIndex={active ? 0 : -1} data-active-cell={active ? '' : undefined}>
          {row ? (
            <a href={hrefOf([CUSTOMERS_PATH, row.id])} tabIndex={-1}>
              {row.name}
            </a>
          ) : (
            <span class="identity">{t('loading')}</span>
          )}
        </div>
        {CELL_COLUMNS.map((column) => (
          <div key={column} role="gridcell" class={`col-${column}`}>
            {row && cellContent(row, column, context)}
          </div>
        ))}
      </div>
    );
  }
}
