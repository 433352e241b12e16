import type { Tag } from '../model';
import { plainRow, type CustomerRow } from './customer-row';
import { rowMatches } from './filters';
import type { SearchMatches, SlotSpace } from './search-matches';
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
  /** Customers per cell of the RFM recency × frequency grid (keys as CustomerRow.rfmCell: `53`); unscored ones not counted. */
  rfmCells: Record<string, number>;
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
  /**
   * Each search slot's place in `ids` (-1: not in the list), for one slot space at one epoch: built when a search
   * first needs it, forgotten when the list changes or the search index gives a slot to someone else.
   */
  places?: { space: SlotSpace; epoch: number; at: Int32Array };
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
 * The customer table of one book, in memory: rows by id, a sorted id list per sort asked for (kept, and patched
 * by binary insertion when a few rows change) and the filtered list per (filters, sort, search), patched the same
 * way (searched ones are dropped: the index may match others now). Moving the window of one query costs a slice; a
 * keystroke costs the search plus two passes over typed arrays (each match's place in the list, kept per list by
 * search slot, marked; then the marks read in order); a change to a few customers costs their re-placement where
 * their key or filter match moved, not a re-sort nor a re-filter.
 */
export class CustomerTable {
  private readonly rows = new Map<string, CustomerRow>();
  private tagNames = new Map<string, string>();
  private readonly sorted = new Map<string, SortedList>();
  private readonly results = new Map<string, QueryResult>();
  /** Rows by a search index's slot (see placesOf), kept current on change while its slots stay theirs. */
  private slotRows: { space: SlotSpace; epoch: number; rows: (CustomerRow | undefined)[] } | null = null;
  private readonly collator: Intl.Collator;
  private readonly mainCurrency: string;
  private changes = 0;
  /** What prepareSearch laid out last: laid out again when every row is replaced. */
  private prepared: { sort: TableSort; space: SlotSpace } | null = null;

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
    const row = this.rows.get(id);
    return row === undefined ? undefined : plainRow(row);
  }

  /** The rows as kept (not copies: read them, do not change them). */
  keptRows(): IterableIterator<CustomerRow> {
    return this.rows.values();
  }

  /** Replaces every row (a rebuild): every cached order is dropped. */
  replaceAll(rows: Iterable<CustomerRow>): void {
    this.rows.clear();
    this.slotRows = null;
    for (const row of rows) this.rows.set(row.id, row);
    this.sorted.clear();
    this.changed();
    // A rebuild (predictions placed, cut points moved, a new day) comes while the seller is not typing; the first
    // keystroke after it would otherwise lay the search out again.
    if (this.prepared !== null) this.prepareSearch(this.prepared.sort, this.prepared.space);
  }

  /**
   * Adds or replaces rows; the kept sorted lists and unsearched results re-place just these, and only where their
   * sort key or their place in a filter changed (a note changes neither: nothing moves).
   */
  upsert(rows: readonly CustomerRow[]): void {
    if (rows.length === 0) return;
    const before = rows.map((row) => this.rows.get(row.id));
    for (const row of rows) this.rows.set(row.id, row);
    const bySlot = this.slotRows;
    if (bySlot !== null) {
      for (const row of rows) {
        const slot = bySlot.space.slotOf(row.id);
        if (slot === undefined || slot >= bySlot.rows.length) this.slotRows = null;
        else bySlot.rows[slot] = row;
      }
    }
    if (rows.length > MAX_INCREMENTAL) {
      this.sorted.clear();
      this.changed();
      return;
    }
    /** Per list, the rows whose place in it moved. */
    const moved = new Map<SortedList, Set<string>>();
    for (const list of this.sorted.values()) {
      const ids = new Set<string>();
      for (const row of rows) {
        const key = this.keyOf(row, list.column);
        const old = list.keys.get(row.id);
        if (old !== undefined && list.compare(old, row.id, key, row.id) === 0) {
          list.keys.set(row.id, key);
          continue;
        }
        ids.add(row.id);
        removeId(list, row.id);
        this.place(list, row, key);
      }
      moved.set(list, ids);
    }
    this.changes += 1;
    for (const [key, result] of this.results) {
      const list = this.sorted.get(result.sortKey);
      if (result.searched || list === undefined) {
        this.results.delete(key);
        continue;
      }
      rows.forEach((row, i) => {
        const was = before[i];
        const matches = rowMatches(row, result.filters);
        if (!moved.get(list)?.has(row.id) && was !== undefined && rowMatches(was, result.filters) === matches) return;
        const at = result.ids.indexOf(row.id);
        if (at >= 0) result.ids.splice(at, 1);
        if (matches) result.ids.splice(insertionPoint(list, result.ids, row.id), 0, row.id);
      });
    }
  }

  remove(ids: readonly string[]): void {
    let any = false;
    for (const id of ids) {
      if (!this.rows.delete(id)) continue;
      any = true;
      const slot = this.slotRows?.space.slotOf(id);
      if (slot !== undefined && this.slotRows) this.slotRows.rows[slot] = undefined;
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
   * A window of the rows the query selects, in its order. `matches` is what the query's search matched (null: no
   * search); it must come from the same version of the book.
   */
  query(query: TableQuery, window: { offset: number; limit: number }, matches: SearchMatches | null = null): { total: number; rows: CustomerRow[] } {
    const ids = this.ids(query, matches);
    return { total: ids.length, rows: ids.slice(window.offset, window.offset + window.limit).map((id) => plainRow(this.rows.get(id) as CustomerRow)) };
  }

  /** Every id the query selects, in its order ("select all matching"). Shared, and patched in place on change: copy to keep. */
  ids(query: TableQuery, matches: SearchMatches | null = null): readonly string[] {
    const key = JSON.stringify([query.filters, query.sort, matches === null ? null : query.search]);
    let result = this.results.get(key);
    if (result === undefined) {
      const filters = query.filters;
      const list = this.sortedList(query.sort);
      const ids = matches !== null ? this.searched(list, matches, filters) : list.ids.filter((id) => rowMatches(this.rows.get(id) as CustomerRow, filters));
      if (this.results.size >= MAX_RESULTS) this.results.delete(this.results.keys().next().value as string);
      result = { ids, filters, sortKey: listKeyOf(query.sort), searched: matches !== null };
      this.results.set(key, result);
    } else this.sortedList(query.sort);
    return result.ids;
  }

  /**
   * Lays out what a search in this sort reads (each slot's place in the list, the rows by slot), so the seller's
   * first keystroke does not pay for it: called once the search index is built.
   */
  prepareSearch(sort: TableSort, space: SlotSpace): void {
    this.prepared = { sort, space };
    this.placesOf(this.sortedList(sort), space);
    this.rowsBySlot(space);
  }

  /** Counts per filter value over the rows the search and the archived filter leave. */
  facets(filters: Pick<TableFilters, 'archived'>, matches: SearchMatches | null = null): TableFacets {
    const facets: TableFacets = { total: 0, activity: {}, segments: {}, stages: {}, funnelStages: {}, tags: {}, channels: {}, rfmCells: {} };
    const count = (into: Record<string, number>, key: string) => {
      into[key] = (into[key] ?? 0) + 1;
    };
    // One filter for every row: an object made per row would be some 3 MB of garbage a count at 100k.
    const archived: Partial<TableFilters> = { archived: filters.archived };
    const visit = (row: CustomerRow | undefined) => {
      if (row === undefined || !rowMatches(row, archived)) return;
      facets.total += 1;
      count(facets.activity, row.activity);
      count(facets.segments, row.segment ?? 'none');
      count(facets.stages, row.stage);
      count(facets.funnelStages, row.funnelStage ?? 'none');
      if (row.rfmCell !== null) count(facets.rfmCells, String(row.rfmCell));
      const tagIds = row.tagIds;
      for (let i = 0; i < tagIds.length; i++) count(facets.tags, tagIds[i] as string);
      // Each channel once per row, without a set per row (a count visits up to every customer). A CPF names a
      // customer but reaches no one: it is no channel (it stays searchable).
      const contacts = row.contacts;
      for (let i = 0; i < contacts.length; i++) {
        const kind = (contacts[i] as CustomerRow['contacts'][number]).kind;
        let earlier = false;
        for (let j = 0; j < i && !earlier; j++) earlier = (contacts[j] as CustomerRow['contacts'][number]).kind === kind;
        if (!earlier && kind !== 'cpf') count(facets.channels, kind);
      }
    };
    // A search visits its matches only; no search, every row.
    // forEach, not for…of: a count runs cold (once per page opened), where an iterator makes a result per row.
    if (matches === null) this.rows.forEach(visit);
    else {
      const rows = this.rowsBySlot(matches.space);
      const { slots } = matches;
      for (let slot = 0; slot < slots.length; slot++) if (slots[slot]) visit(rows[slot]);
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
   * The matched ids that pass the filters, in the list's order, without a string lookup per row: each matching
   * slot marks its place in the list (places kept per list), then one pass over the marks reads them in order.
   */
  private searched(list: SortedList, matches: SearchMatches, filters: TableFilters): string[] {
    const at = this.placesOf(list, matches.space);
    const rows = this.rowsBySlot(matches.space);
    const marks = new Uint8Array(list.ids.length);
    const { slots } = matches;
    const end = Math.min(slots.length, at.length);
    for (let slot = 0; slot < end; slot++) {
      if (slots[slot] === 0) continue;
      const place = at[slot] as number;
      const row = rows[slot];
      if (place >= 0 && row !== undefined && rowMatches(row, filters)) marks[place] = 1;
    }
    const ids: string[] = [];
    for (let place = 0; place < marks.length; place++) if (marks[place] === 1) ids.push(list.ids[place] as string);
    return ids;
  }

  /** The rows by slot of a space, kept until its slots change hands (rows replaced in place on change). */
  private rowsBySlot(space: SlotSpace): readonly (CustomerRow | undefined)[] {
    const kept = this.slotRows;
    if (kept !== null && kept.space === space && kept.epoch === space.epoch) return kept.rows;
    const rows: (CustomerRow | undefined)[] = new Array<CustomerRow | undefined>(space.slotCount).fill(undefined);
    for (const row of this.rows.values()) {
      const slot = space.slotOf(row.id);
      if (slot !== undefined) rows[slot] = row;
    }
    this.slotRows = { space, epoch: space.epoch, rows };
    return rows;
  }

  /** Each slot's place in the list, kept until the list changes or the space's slots do. */
  private placesOf(list: SortedList, space: SlotSpace): Int32Array {
    const kept = list.places;
    if (kept !== undefined && kept.space === space && kept.epoch === space.epoch) return kept.at;
    const at = new Int32Array(space.slotCount).fill(-1);
    for (let place = 0; place < list.ids.length; place++) {
      const slot = space.slotOf(list.ids[place] as string);
      if (slot !== undefined) at[slot] = place;
    }
    list.places = { space, epoch: space.epoch, at };
    return at;
  }

  private keyOf(row: CustomerRow, column: TableColumn): SortKey {
    return sortKeyOf(row, column, this.tagNames, this.collator, this.mainCurrency);
  }

  /** Inserts a row into a sorted list by binary search. */
  private place(list: SortedList, row: CustomerRow, key: SortKey = this.keyOf(row, list.column)): void {
    list.keys.set(row.id, key);
    list.places = undefined;
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
  list.places = undefined;
  const at = list.ids.indexOf(id);
  if (at >= 0) list.ids.splice(at, 1);
}
