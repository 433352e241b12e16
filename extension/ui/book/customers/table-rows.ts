import { tableQuerySchema, type CustomerRow, type PredictionState, type TableQuery } from '../../../../core';
import type { BookResponses } from '../../../messaging/protocol';
import type { BackgroundClient } from '../app/book-context';
import { fromWire } from '../../../messaging/protocol';
import { unwrapReply } from '../../../messaging/client';
import { FIRST_BLOCK, takeFirstRows } from './first-rows';
import { queryKey } from './table-route';

/** Rows asked of the background at a time: a few screens' worth, so scrolling asks rarely. */
export const BLOCK_SIZE = FIRST_BLOCK;
/** The key of the list the page opens on by default (what an early first request answers). */
const DEFAULT_KEY = queryKey(tableQuerySchema.parse({}));
/** Blocks kept per query (10,000 rows): scrolling through 100k customers keeps the ones nearest the view. */
export const MAX_BLOCKS = 50;

interface Block {
  rows: CustomerRow[];
  version: number;
  /** The table updates seen when it was asked; an older one is shown until its replacement arrives. */
  epoch: number;
}

/** The rows of one query as far as they are known. */
class QueryRows {
  readonly blocks = new Map<number, Block>();
  total: number | null = null;
  version = 0;
  predictions: PredictionState = 'pending';
  constructor(
    readonly query: TableQuery,
    readonly key: string,
  ) {}
}

/** What the table draws: the rows known for the query shown (which lags the asked one until its first answer). */
export interface RowsView {
  query: TableQuery | null;
  key: string | null;
  total: number | null;
  version: number;
  predictions: PredictionState;
  /** Every row in the visible range is known and from `version`, after the latest table update. */
  settled: boolean;
  error: unknown;
  rowAt(index: number): CustomerRow | undefined;
}

/**
 * The customer table's rows, read from the background one block at a time for the visible range, cached by
 * block, and dropped when the query changes or refreshed when the table changes. One request is in flight at a
 * time and the next one is chosen when it ends, from the latest query and range: a burst of keystrokes or a fast
 * scroll costs one request per answer, never a queue of stale ones. A new query's rows replace the old ones
 * only when its first block arrives, so typing never flashes an empty table; a table update keeps the rows shown
 * until their fresh copies arrive.
 */
export class TableRows {
  private shown: QueryRows | null = null;
  private asked: QueryRows | null = null;
  private range = { start: 0, end: 0 };
  /** A row kept apart from the range (the grid's active row, kept in the DOM for its focus when scrolled away). */
  private keep: number | null = null;
  private epoch = 0;
  private busy = false;
  private stopped = false;
  private error: unknown = undefined;

  constructor(
    private readonly ask: BackgroundClient['ask'],
    private readonly onChange: () => void,
  ) {}

  /** Shows `query` (a new one starts at the top; the same one keeps its rows). */
  setQuery(query: TableQuery): void {
    const key = queryKey(query);
    if ((this.asked ?? this.shown)?.key === key) return;
    this.asked = this.shown?.key === key ? null : new QueryRows(query, key);
    if (this.asked) this.range = { start: 0, end: Math.max(0, this.range.end - this.range.start) };
    this.pump();
  }

  /**
   * The rows on screen, overscan included (end exclusive), and `keep`, a row wanted wherever it is: its block is
   * read too and never forgotten, but the rows between it and the view are not read.
   */
  setRange(start: number, end: number, keep: number | null = null): void {
    if (start === this.range.start && end === this.range.end && keep === this.keep) return;
    this.range = { start, end };
    this.keep = keep;
    this.pump();
  }

  /** The table changed in the background: the rows shown are read again; blocks out of sight are forgotten. */
  refresh(): void {
    this.epoch += 1;
    const rows = this.shown;
    if (rows) for (const index of rows.blocks.keys()) if (!this.blocksInRange(rows).includes(index)) rows.blocks.delete(index);
    this.pump();
  }

  stop(): void {
    this.stopped = true;
  }

  view(): RowsView {
    const rows = this.shown;
    return {
      query: rows?.query ?? null,
      key: rows?.key ?? null,
      total: rows?.total ?? null,
      version: rows?.version ?? 0,
      predictions: rows?.predictions ?? 'pending',
      settled: rows !== null && this.asked === null && this.missing(rows) === undefined,
      error: this.error,
      rowAt: (index) => rows?.blocks.get(Math.floor(index / BLOCK_SIZE))?.rows[index % BLOCK_SIZE],
    };
  }

  /**
   * A block from the background; the first block of the default list may have been asked for as the page started
   * (first-rows.ts), and is taken from there once.
   */
  private answerFor(rows: QueryRows, block: number) {
    const early = takeFirstRows();
    if (early !== undefined && block === 0 && rows.key === DEFAULT_KEY) return early.then((wire) => unwrapReply(fromWire<BookResponses['table/query']>(wire)));
    return this.ask({ type: 'table/query', ...rows.query, offset: block * BLOCK_SIZE, limit: BLOCK_SIZE });
  }

  /** Keeps at most MAX_BLOCKS blocks, dropping those farthest from the view. */
  private forgetFarthest(rows: QueryRows): void {
    const centre = Math.floor(this.range.start / BLOCK_SIZE);
    const kept = this.keptBlock(rows);
    const far = [...rows.blocks.keys()].filter((index) => index !== kept).sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
    for (const index of far.slice(0, Math.max(0, rows.blocks.size - MAX_BLOCKS))) rows.blocks.delete(index);
  }

  private blocksInRange(rows: QueryRows): number[] {
    const last = rows.total === null ? this.range.start : Math.min(this.range.end, rows.total) - 1;
    const blocks: number[] = [];
    for (let block = Math.floor(this.range.start / BLOCK_SIZE); block <= Math.floor(Math.max(last, this.range.start) / BLOCK_SIZE); block++) blocks.push(block);
    const kept = this.keptBlock(rows);
    if (kept !== null && !blocks.includes(kept)) blocks.push(kept);
    return blocks;
  }

  /** The block of the row kept apart from the range, if it is one of the query's rows. */
  private keptBlock(rows: QueryRows): number | null {
    return this.keep === null || (rows.total !== null && this.keep >= rows.total) ? null : Math.floor(this.keep / BLOCK_SIZE);
  }

  /** The first block in range that is not known, or not from the latest update and version. */
  private missing(rows: QueryRows): number | undefined {
    return this.blocksInRange(rows).find((index) => {
      const block = rows.blocks.get(index);
      return !block || block.epoch < this.epoch || block.version !== rows.version;
    });
  }

  private pump(): void {
    if (this.busy || this.stopped) return;
    const rows = this.asked ?? this.shown;
    if (!rows) return;
    const block = this.missing(rows);
    if (block === undefined) return;
    this.busy = true;
    const epoch = this.epoch;
    this.answerFor(rows, block).then(
      (answer) => {
        this.busy = false;
        if (this.stopped) return;
        this.error = undefined;
        // Another query was asked meanwhile: this answer is for nobody (the next pump asks for the latest).
        if (rows === this.asked || rows === this.shown) {
          rows.blocks.set(block, { rows: answer.rows, version: answer.version, epoch });
          this.forgetFarthest(rows);
          rows.total = answer.total;
          rows.version = answer.version;
          rows.predictions = answer.predictions;
          if (rows === this.asked) {
            this.shown = rows;
            this.asked = null;
          }
        }
        this.onChange();
        this.pump();
      },
      (error: unknown) => {
        this.busy = false;
        if (this.stopped) return;
        this.error = error;
        this.onChange();
      },
    );
  }
}
