import type { SlotSpace } from './search-matches';

/**
 * An inverted index of terms to documents, answering "which documents have a term starting with each of these
 * prefixes" as a set, without scoring every match: a keystroke in a book of 100k customers where "m" or "maria"
 * matches a third of them costs one pass over the matching postings (a few ms), where a scoring engine builds a
 * result object per match (hundreds of ms; `npm run bench -- book` prints both).
 *
 * Terms are kept in one sorted array so a prefix is a binary search and a contiguous run. Each term belongs to a
 * field (its first character and a colon: `n:maria`, `t:vip`, `#:11987654321`), so one index serves names,
 * other text and digit strings, and a match can be weighed by the field it came from.
 */
export class TermIndex implements SlotSpace {
  /** Term → the slots of the documents that have it (each slot once). */
  private readonly postings = new Map<string, number[]>();
  /** Every term with a posting, in code-unit order; null while a bulk load has left it unsorted. */
  private sorted: string[] | null = [];
  /** Each sorted term's postings, at the same index (a prefix visits thousands of terms: no lookup per term). */
  private sortedSlots: number[][] = [];
  private readonly slotIds = new Map<string, number>();
  private readonly termsOf: (readonly string[] | undefined)[] = [];
  private readonly ids: (string | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  private slotsGiven = 0;

  get size(): number {
    return this.slotIds.size;
  }

  has(id: string): boolean {
    return this.slotIds.has(id);
  }

  /** The document's id in a slot an answer named. */
  idAt(slot: number): string {
    const id = this.ids[slot];
    if (id === undefined) throw new Error(`TermIndex: slot ${slot} is empty`);
    return id;
  }

  /**
   * Adds or replaces a document's terms. With `bulk`, sorting waits for the next query (one sort for a whole load).
   * A document already held keeps its slot.
   */
  set(id: string, terms: Iterable<string>, bulk = false): number {
    let slot = this.slotIds.get(id);
    if (slot !== undefined) this.unpost(slot);
    else {
      slot = this.freeSlots.pop() ?? this.ids.length;
      this.slotIds.set(id, slot);
      this.ids[slot] = id;
      this.slotsGiven += 1;
    }
    const unique = [...new Set(terms)];
    this.termsOf[slot] = unique;
    for (const term of unique) {
      const list = this.postings.get(term);
      if (list) list.push(slot);
      else {
        const slots = [slot];
        this.postings.set(term, slots);
        if (bulk) this.sorted = null;
        else if (this.sorted) {
          const at = lowerBound(this.sorted, term);
          this.sorted.splice(at, 0, term);
          this.sortedSlots.splice(at, 0, slots);
        }
      }
    }
    return slot;
  }

  delete(id: string): void {
    const slot = this.slotIds.get(id);
    if (slot === undefined) return;
    this.unpost(slot);
    this.slotIds.delete(id);
    this.ids[slot] = undefined;
    this.termsOf[slot] = undefined;
    this.freeSlots.push(slot);
    this.slotsGiven += 1;
  }

  /** The slot holding a document. */
  slotOf(id: string): number | undefined {
    return this.slotIds.get(id);
  }

  get epoch(): number {
    return this.slotsGiven;
  }

  /** Takes a slot's terms out of the postings. */
  private unpost(slot: number): void {
    for (const term of this.termsOf[slot] ?? []) {
      const list = this.postings.get(term);
      if (!list) continue;
      const at = list.indexOf(slot);
      if (at >= 0) list.splice(at, 1);
      if (list.length > 0) continue;
      this.postings.delete(term);
      if (this.sorted) {
        const index = lowerBound(this.sorted, term);
        if (this.sorted[index] === term) {
          this.sorted.splice(index, 1);
          this.sortedSlots.splice(index, 1);
        }
      }
    }
  }

  /** Calls `visit` with each term starting with `prefix` (the exact term first, when present) and its slots. */
  eachWithPrefix(prefix: string, visit: (term: string, slots: readonly number[]) => void): void {
    const sorted = this.sortedTerms();
    const slots = this.sortedSlots;
    for (let index = lowerBound(sorted, prefix); index < sorted.length; index++) {
      const term = sorted[index] as string;
      if (!term.startsWith(prefix)) break;
      visit(term, slots[index] as number[]);
    }
  }

  /** Sorts the terms a bulk load left unsorted now, rather than in the first query. */
  seal(): void {
    this.sortedTerms();
  }

  /** The slots of one exact term. */
  slotsOf(term: string): readonly number[] {
    return this.postings.get(term) ?? [];
  }

  /** Slots in use are below this. */
  get slotCount(): number {
    return this.ids.length;
  }

  private sortedTerms(): string[] {
    if (!this.sorted) {
      const sorted = [...this.postings.keys()].sort();
      this.sortedSlots = sorted.map((term) => this.postings.get(term) as number[]);
      this.sorted = sorted;
    }
    return this.sorted;
  }
}

/** The first index whose term is not below `term`. */
function lowerBound(sorted: readonly string[], term: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as string) < term) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Whether `a` and `b` are within `limit` insertions, deletions or substitutions of each other. */
export function withinEdits(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  if (a === b) return true;
  // Two rows of the edit-distance table, stopping as soon as a whole row is over the limit.
  let previous = rowBuffer(0, b.length);
  let current = rowBuffer(1, b.length);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      current[j] = value;
      if (value < best) best = value;
    }
    if (best > limit) return false;
    [previous, current] = [current, previous];
  }
  return (previous[b.length] as number) <= limit;
}

const rows: [Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64)];

function rowBuffer(which: 0 | 1, length: number): Int32Array {
  if (rows[which].length <= length) rows[which] = new Int32Array(length * 2 + 1);
  return rows[which];
}
