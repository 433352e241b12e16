import type { Tag } from '../model';
import type { CustomerRow } from './customer-row';
import { rowMatches } from './filters';
import type { TableColumn, TableFilters, TableQuery, TableSort } from './query';
import { compareKeys, sortKeyOf, type SortKey } from './sort-keys';

/** Counts for the filter chips, over the rows the search and the archived filter leave (other filters aside). */
export interface TableFacets {
  total: number;
  activity: Record<string, number>;
  /** `none` counts customers without an RFM segment. */
  segments: Record<string, number>;
  stages: Record<string, number>;
  funnelStages: Record<string, number>;
  tags: Record<string, number>;
  channels: Record<string, number>;
}

export interface CustomerTableOptions {
  /** BCP 47 tag the names and tags are collated in (pt-BR by default). */
  locale?: string;
  /** Money sorts by this currency's amount. */
  mainCurrency: string;
}

/** Every row sorted one way, with the keys it was sorted by (kept so a changed row is re-placed by binary search). */
interface SortedList {
  ids: string[];
  keys: Map<string, SortKey>;
  compare: (a: SortKey, aId: string, b: SortKey, bId: string) => number;
  column: TableColumn;
  /** Each id's place in `ids`, built when a search first needs it and forgotten when the list changes. */
  ranks?: Map<string, number>;
}

/** The ids a query selected, in order, with what is needed to patch them. */
interface QueryResult {
  ids: string[];
  filters: TableFilters;
  sortKey: string;
  /** Searched results are dropped on change: the search index may now match other customers. */
  searched: boolean;
}

/** Sorted lists kept at once (the seller flips between a few columns); the oldest goes first. */
const MAX_SORTED_LISTS = 4;
/** Results of this many (filters, sort, search) keys are kept until the next change. */
const MAX_RESULTS = 16;
/** Above this many changed rows a sorted list is dropped and sorted again when asked: cheaper than n insertions. */
const MAX_INCREMENTAL = 2_000;
/**
 * A search matching fewer than 1/4 of the rows is put in order from its matches' places in the sorted list; a
 * broader one filters the list (a pass over the list costs about what sorting that many places does).
 */
const SEARCH_BY_RANK = 4;

/**
 * The customer table of one book, in memory: rows by id, a sorted id list per sort asked for (kept, and patched
 * by binary insertion when a few rows change) and the filtered list per (filters, sort, search), patched the same
 * way (searched ones are dropped: the index may match others now). Moving the window of one query costs a slice; a
 * keystroke costs the search plus one pass over the sorted list; a change to a few customers costs their
 * re-placement, not a re-sort nor a re-filter.
 */
export class CustomerTable {
  private readonly rows = new Map<string, CustomerRow>();
  private tagNames = new Map<string, string>();
  private readonly sorted = new Map<string, SortedList>();
  private readonly results = new Map<string, QueryResult>();
  private readonly collator: Intl.Collator;
  private readonly mainCurrency: string;
  private changes = 0;

  constructor(options: CustomerTableOptions) {
    this.collator = new Intl.Collator(options.locale ?? 'pt-BR', { sensitivity: 'base', numeric: true });
    this.mainCurrency = options.mainCurrency;
  }

  /** Grows by one with every change: an answer carries it so a page can tell a stale window. */
  get version(): number {
    return this.changes;
  }

  get size(): number {
    return this.rows.size;
  }

  row(id: string): CustomerRow | undefined {
    return this.rows.get(id);
  }

  /** Replaces every row (a rebuild): every cached order is dropped. */
  replaceAll(rows: Iterable<CustomerRow>): void {
    this.rows.clear();
    for (const row of rows) this.rows.set(row.id, row);
    this.sorted.clear();
    this.changed();
  }

  /** Adds or replaces rows; the kept sorted lists and unsearched results re-place just these. */
  upsert(rows: readonly CustomerRow[]): void {
    if (rows.length === 0) return;
    for (const row of rows) this.rows.set(row.id, row);
    if (rows.length > MAX_INCREMENTAL) {
      this.sorted.clear();
      this.changed();
      return;
    }
    for (const list of this.sorted.values()) {
      for (const row of rows) {
        removeId(list, row.id);
        this.place(list, row);
      }
    }
    this.changes += 1;
    for (const [key, result] of this.results) {
      const list = this.sorted.get(result.sortKey);
      if (result.searched || list === undefined) {
        this.results.delete(key);
        continue;
      }
      for (const row of rows) {
        const at = result.ids.indexOf(row.id);
        if (at >= 0) result.ids.splice(at, 1);
        if (rowMatches(row, result.filters)) result.ids.splice(insertionPoint(list, result.ids, row.id), 0, row.id);
      }
    }
  }

  remove(ids: readonly string[]): void {
    let any = false;
    for (const id of ids) {
      if (!this.rows.delete(id)) continue;
      any = true;
      for (const list of this.sorted.values()) removeId(list, id);
    }
    if (any) this.changed();
  }

  /** New tag names: the lists sorted by tags are dropped (a rename moves rows), the rest stay. */
  setTags(tags: readonly Pick<Tag, 'id' | 'name'>[]): void {
    this.tagNames = new Map(tags.map((tag) => [tag.id, tag.name]));
    for (const [key, list] of this.sorted) if (list.column === 'tags') this.sorted.delete(key);
    this.changed();
  }

  /**
   * A window of the rows the query selects, in its order. `searchIds` are the ids the query's search matched
   * (null: no search); they must come from the same version of the book.
   */
  query(query: TableQuery, window: { offset: number; limit: number }, searchIds: ReadonlySet<string> | null = null): { total: number; rows: CustomerRow[] } {
    const ids = this.ids(query, searchIds);
    return { total: ids.length, rows: ids.slice(window.offset, window.offset + window.limit).map((id) => this.rows.get(id) as CustomerRow) };
  }

  /** Every id the query selects, in its order ("select all matching"). Shared, and patched in place on change: copy to keep. */
  ids(query: TableQuery, searchIds: ReadonlySet<string> | null = null): readonly string[] {
    const key = JSON.stringify([query.filters, query.sort, searchIds === null ? null : query.search]);
    let result = this.results.get(key);
    if (result === undefined) {
      const filters = query.filters;
      const list = this.sortedList(query.sort);
      const ids =
        searchIds !== null && searchIds.size * SEARCH_BY_RANK < list.ids.length
          ? this.searchedInOrder(list, searchIds).filter((id) => rowMatches(this.rows.get(id) as CustomerRow, filters))
          : list.ids.filter((id) => (searchIds === null || searchIds.has(id)) && rowMatches(this.rows.get(id) as CustomerRow, filters));
      if (this.results.size >= MAX_RESULTS) this.results.delete(this.results.keys().next().value as string);
      result = { ids, filters, sortKey: listKeyOf(query.sort), searched: searchIds !== null };
      this.results.set(key, result);
    } else this.sortedList(query.sort);
    return result.ids;
  }

  /** Counts per filter value over the rows the search and the archived filter leave. */
  facets(filters: Pick<TableFilters, 'archived'>, searchIds: ReadonlySet<string> | null = null): TableFacets {
    const facets: TableFacets = { total: 0, activity: {}, segments: {}, stages: {}, funnelStages: {}, tags: {}, channels: {} };
    const count = (into: Record<string, number>, key: string) => {
      into[key] = (into[key] ?? 0) + 1;
    };
    // A search visits its matches only; no search, every row.
    const rows = searchIds === null ? this.rows.values() : [...searchIds].map((id) => this.rows.get(id)).filter((row) => row !== undefined);
    for (const row of rows) {
      if (!rowMatches(row, { archived: filters.archived, tagMode: 'any' })) continue;
      facets.total += 1;
      count(facets.activity, row.activity);
      count(facets.segments, row.segment ?? 'none');
      count(facets.stages, row.stage);
      count(facets.funnelStages, row.funnelStage ?? 'none');
      for (const tagId of row.tagIds) count(facets.tags, tagId);
      for (const kind of new Set(row.contacts.map((contact) => contact.kind))) count(facets.channels, kind);
    }
    return facets;
  }

  private sortedList(sort: TableSort): SortedList {
    const key = listKeyOf(sort);
    let list = this.sorted.get(key);
    if (list === undefined) {
      const keys = new Map<string, SortKey>();
      for (const row of this.rows.values()) keys.set(row.id, this.keyOf(row, sort.column));
      const compare = compareKeys(this.collator, sort.direction);
      const ids = [...keys.keys()].sort((a, b) => compare(keys.get(a) as SortKey, a, keys.get(b) as SortKey, b));
      list = { ids, keys, compare, column: sort.column };
      if (this.sorted.size >= MAX_SORTED_LISTS) this.sorted.delete(this.sorted.keys().next().value as string);
    } else this.sorted.delete(key);
    // Re-inserted so the map's order is least recently used first.
    this.sorted.set(key, list);
    return list;
  }

  /**
   * The searched ids in the list's order, without a pass over the whole list: each id's place (kept per list
   * until it changes), sorted as numbers.
   */
  private searchedInOrder(list: SortedList, searchIds: ReadonlySet<string>): string[] {
    if (list.ranks === undefined) {
      list.ranks = new Map();
      for (let at = 0; at < list.ids.length; at++) list.ranks.set(list.ids[at] as string, at);
    }
    const places = new Int32Array(searchIds.size);
    let found = 0;
    for (const id of searchIds) {
      const at = list.ranks.get(id);
      if (at !== undefined) places[found++] = at;
    }
    return Array.from(places.subarray(0, found).sort(), (at) => list.ids[at] as string);
  }

  private keyOf(row: CustomerRow, column: TableColumn): SortKey {
    return sortKeyOf(row, column, this.tagNames, this.collator, this.mainCurrency);
  }

  /** Inserts a row into a sorted list by binary search. */
  private place(list: SortedList, row: CustomerRow): void {
    list.keys.set(row.id, this.keyOf(row, list.column));
    list.ranks = undefined;
    list.ids.splice(insertionPoint(list, list.ids, row.id), 0, row.id);
  }

  private changed(): void {
    this.changes += 1;
    this.results.clear();
  }
}

function listKeyOf(sort: TableSort): string {
  return `${sort.column}:${sort.direction}`;
}

/** Where `id` goes in `ids` (any subsequence of the list, in its order), by the list's keys; `id`'s key is set. */
function insertionPoint(list: SortedList, ids: readonly string[], id: string): number {
  const key = list.keys.get(id) as SortKey;
  let low = 0;
  let high = ids.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const other = ids[middle] as string;
    if (list.compare(list.keys.get(other) as SortKey, other, key, id) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

function removeId(list: SortedList, id: string): void {
  if (!list.keys.delete(id)) return;
  list.ranks = undefined;
  const at = list.ids.indexOf(id);
  if (at >= 0) list.ids.splice(at, 1);
}
