import { IDENTITY_KINDS } from '../model';
import { ACTIVITY_STATUSES, LIFECYCLE_STAGES, RFM_SEGMENT_IDS } from '../segments';
import { z } from '../zod';

/** Every cell of the RFM recency × frequency grid, as CustomerRow.rfmCell writes it (recency × 10 + frequency). */
export const RFM_CELLS: readonly number[] = Array.from({ length: 25 }, (_, i) => (5 - Math.floor(i / 5)) * 10 + (i % 5) + 1);

/** The customer table's columns, in display order; each one sorts. */
export const TABLE_COLUMNS = ['name', 'contacts', 'tags', 'activity', 'segment', 'stage', 'lastPurchase', 'totalSpent', 'orders', 'predictedValue', 'alive'] as const;
export type TableColumn = (typeof TABLE_COLUMNS)[number];

/** The most rows one answer carries: a virtualized window, never the book. */
export const MAX_TABLE_WINDOW = 500;

export const tableSortSchema = z.object({
  column: z.enum(TABLE_COLUMNS),
  direction: z.enum(['asc', 'desc']).default('asc'),
});
export type TableSort = z.output<typeof tableSortSchema>;

/**
 * Filters; an absent or empty list does not filter. Within one list any value matches (activity active OR at
 * risk); the lists combine with AND. `segments` may hold null for customers without an RFM score (no purchase).
 * `tagMode: 'all'` asks for customers carrying every listed tag. `archived` defaults to leaving them out.
 */
export const tableFiltersSchema = z.object({
  activity: z.array(z.enum(ACTIVITY_STATUSES)).max(ACTIVITY_STATUSES.length).optional(),
  segments: z.array(z.enum(RFM_SEGMENT_IDS).nullable()).max(RFM_SEGMENT_IDS.length + 1).optional(),
  stages: z.array(z.enum(LIFECYCLE_STAGES)).max(LIFECYCLE_STAGES.length).optional(),
  funnelStages: z.array(z.string().max(60).nullable()).max(60).optional(),
  tagIds: z.array(z.string().min(1).max(100)).max(200).optional(),
  tagMode: z.enum(['any', 'all']).default('any'),
  channels: z.array(z.enum(IDENTITY_KINDS)).max(IDENTITY_KINDS.length).optional(),
  /** Cells of the RFM recency × frequency grid, each recency score × 10 + frequency score (CustomerRow.rfmCell). */
  rfmCells: z.array(z.number().int().refine((cell) => RFM_CELLS.includes(cell), 'must be a cell of the RFM grid, such as 53 (recency 5, frequency 3)')).max(25).optional(),
  archived: z.enum(['exclude', 'only', 'include']).default('exclude'),
  /**
   * A saved segment's id: only its members (customers its rule matches now). The table keeps rows, not rules: the
   * caller resolves the id to the members (BookTable.matchingIds) and hands them to BookTable.query/ids.
   */
  segment: z.string().min(1).max(100).optional(),
});
export type TableFilters = z.output<typeof tableFiltersSchema>;
export type TableFiltersInput = z.input<typeof tableFiltersSchema>;

/** What the table shows: a filtered, searched and sorted list, read one window at a time. */
export const tableQuerySchema = z.object({
  filters: tableFiltersSchema.default({ tagMode: 'any', archived: 'exclude' }),
  sort: tableSortSchema.default({ column: 'name', direction: 'asc' }),
  /** Free text: a name, a phone in any spelling, an email, a handle, a CPF or a tag name. */
  search: z.string().max(200).default(''),
});
export type TableQuery = z.output<typeof tableQuerySchema>;

export const tableWindowSchema = z.object({
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(MAX_TABLE_WINDOW).default(100),
});
