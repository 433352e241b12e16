import { Component, createRef } from 'preact';
import { TABLE_COLUMNS, type CustomerRow, type TableColumn } from '../../../../core';
import { CUSTOMERS_PATH } from '../app/book-links';
import { hrefOf } from '../app/router';
import { cellParts, writeParts, type CellContext } from './table-cells';

/** What a cell of a row still being read shows: nothing, in the text node its value will take. */
const LOADING_CELL = [{ text: '' }];
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
 * One row of the customer grid. Preact draws its element and its cells once; from then on the row writes its
 * customer into them itself, and only what changed (`writeParts`: text as text, never markup). Scrolling two
 * screens a frame rewrites every visible row on every frame: as virtual DOM, each frame built some 300 nodes
 * that lived just long enough to be moved to the old generation, about half of what the page's major
 * collections had to clear during such a scroll. Its checkbox and its focus are handled by the grid (the `data-toggle`
 * and `data-index` attributes), so it holds no callback.
 */
export class GridRow extends Component<GridRowProps> {
  private readonly element = createRef<HTMLDivElement>();
  /** What the element shows now (nothing before the first write). */
  private shown: GridRowProps | null = null;
  private checkbox: HTMLInputElement | null = null;
  private link: HTMLAnchorElement | null = null;
  /** The name and context the checkbox's label was formatted for (a message format per row per frame adds up). */
  private labelled: { name: string; context: CellContext } | null = null;

  override componentDidMount(): void {
    this.write(this.props);
  }

  override shouldComponentUpdate(next: GridRowProps): boolean {
    this.write(next);
    return false;
  }

  /**
   * Drawn once, with where the row stands and whether it is the active one as they are then: the grid focuses the
   * active row's cell in its layout effect, which runs before this row's componentDidMount writes anything.
   */
  override render({ index, start, active }: GridRowProps) {
    return (
      <div role="row" class="grid-row" ref={this.element} aria-rowindex={index + 2} data-index={index} style={{ transform: `translateY(${start}px)` }}>
        <div role="gridcell" class="select-cell" />
        <div role="gridcell" class="col-name" tabIndex={active ? 0 : -1} data-active-cell={active ? '' : undefined} />
        {CELL_COLUMNS.map((column) => (
          <div key={column} role="gridcell" class={`col-${column}`} />
        ))}
      </div>
    );
  }

  private write(next: GridRowProps): void {
    const element = this.element.current;
    if (!element) return;
    const shown = this.shown;
    const { row, index, start, active, selected, context } = next;
    const cells = element.children;
    const select = cells[0];
    const name = cells[1];
    if (!select || !name) return;
    if (index !== shown?.index) {
      element.setAttribute('aria-rowindex', String(index + 2));
      element.setAttribute('data-index', String(index));
    }
    if (start !== shown?.start) element.style.transform = `translateY(${start}px)`;
    if (selected !== shown?.selected) element.className = selected ? 'grid-row selected' : 'grid-row';
    if (selected !== shown?.selected || (row === undefined) !== (shown.row === undefined)) {
      if (row === undefined) element.removeAttribute('aria-selected');
      else element.setAttribute('aria-selected', String(selected));
    }
    if (active !== shown?.active) {
      (name as HTMLElement).tabIndex = active ? 0 : -1;
      name.toggleAttribute('data-active-cell', active);
    }
    if (row !== shown?.row || context !== shown?.context) this.writeCustomer(select, name, cells, row, context);
    if (row !== undefined && this.checkbox && this.checkbox.checked !== selected) this.checkbox.checked = selected;
    this.shown = next;
  }

  /** `cells` are the row's children: the select cell, the name cell, then one per CELL_COLUMNS. */
  private writeCustomer(select: Element, name: Element, cells: HTMLCollection, row: CustomerRow | undefined, context: CellContext): void {
    const { t } = context.tools;
    if (row === undefined) {
      this.checkbox?.remove();
      writeParts(name, [{ text: t('loading'), class: 'identity' }]);
      // Emptied in place: the block arrives in a frame or two and fills the same text nodes.
      for (let at = 2; at < cells.length; at++) writeParts(cells[at] as Element, LOADING_CELL);
      return;
    }
    const document = select.ownerDocument;
    if (this.checkbox === null) {
      this.checkbox = document.createElement('input');
      this.checkbox.type = 'checkbox';
      this.checkbox.tabIndex = -1;
      this.checkbox.setAttribute('data-toggle', '');
    }
    if (this.checkbox.parentNode !== select) select.append(this.checkbox);
    if (this.labelled?.name !== row.name || this.labelled.context !== context) {
      this.checkbox.setAttribute('aria-label', t('table.select', { name: row.name }));
      this.labelled = { name: row.name, context };
    }
    if (this.link === null) {
      this.link = document.createElement('a');
      this.link.tabIndex = -1;
    }
    if (name.firstChild !== this.link || name.childNodes.length !== 1) name.replaceChildren(this.link);
    const href = hrefOf([CUSTOMERS_PATH, row.id]);
    if (this.link.getAttribute('href') !== href) this.link.setAttribute('href', href);
    if (this.link.textContent !== row.name) this.link.textContent = row.name;
    CELL_COLUMNS.forEach((column, at) => {
      const cell = cells[at + 2];
      if (cell) writeParts(cell, cellParts(row, column, context));
    });
  }
}
