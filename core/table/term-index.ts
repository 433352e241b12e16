import type { SlotSpace } from './search-matches';

/**
 * An inverted index of terms to documents, answering "which documents have a term starting with each of these
 * prefixes" as a set, without scoring every match: a keystroke in a book of 100k customers where "m" or "maria"
 * matches a third of them costs one pass over the matching postings (a few ms), where a scoring engine builds a
 * result object per match (hundreds of ms; `npm run bench -- book` prints both).
 *
 * Each term belongs to a field (its first character and a colon: `n:maria`, `t:vip`, `#:11987654321`), so one
 * index serves names, other text and digit strings, and a match can be weighed by the field it came from.
 *
 * Terms live in two parts:
 * - **sealed**: everything the last `seal` saw, sorted, in one string and three typed arrays (where each term
 *   starts in the string, where its postings start, and the postings). At 100k customers that is 350k terms and
 *   766k postings which, as a string and an array per term in a map and a sorted list, were over a million small
 *   objects for the garbage collector to walk on every major collection of the service worker: collections that
 *   compete for the CPU with the page being scrolled. In Node the index went from 102 MB to 15 MB, and its share of
 *   a full collection from about 190 ms to almost nothing (`npm run bench -- book` prints the page's figures).
 * - **live**: documents set since, in a map of term → slots with its own sorted term list. A document set again or
 *   deleted after the seal has its slot marked stale, and its sealed postings are skipped from then on.
 * A bulk load goes to the live part and `seal` folds it in; single edits stay live until the next seal.
 */
export class TermIndex implements SlotSpace {
  private readonly slotIds = new Map<string, number>();
  private readonly ids: (string | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  private slotsGiven = 0;

  /** The sealed terms end to end, in code-unit order; term i is `text.slice(starts[i], starts[i + 1])`. */
  private text = '';
  private starts = new Int32Array(1);
  /** Term i's slots are `postings.subarray(postingStarts[i], postingStarts[i + 1])`. */
  private postingStarts = new Int32Array(1);
  private postings = new Int32Array(0);
  /** Non-zero for a slot whose sealed postings no longer hold (set again or deleted since the seal). */
  private stale = new Uint8Array(0);

  /** Live term → the slots of the documents that have it (each slot once). */
  private readonly live = new Map<string, number[]>();
  /** Every live term, in code-unit order; null while a bulk load has left it unsorted. */
  private liveSorted: string[] | null = [];
  /** Each live sorted term's postings, at the same index (a prefix visits thousands of terms: no lookup per term). */
  private liveSortedSlots: number[][] = [];
  /** The terms of each slot in the live part. */
  private readonly liveTerms = new Map<number, readonly string[]>();

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
   * Adds or replaces a document's terms. With `bulk`, sorting waits for `seal` or the next query (one sort for a
   * whole load). A document already held keeps its slot.
   */
  set(id: string, terms: Iterable<string>, bulk = false): number {
    let slot = this.slotIds.get(id);
    if (slot !== undefined) this.forget(slot);
    else {
      slot = this.freeSlots.pop() ?? this.ids.length;
      this.slotIds.set(id, slot);
      this.ids[slot] = id;
      this.slotsGiven += 1;
    }
    const unique = [...new Set(terms)];
    this.liveTerms.set(slot, unique);
    for (const term of unique) {
      const list = this.live.get(term);
      if (list) list.push(slot);
      else {
        const slots = [slot];
        this.live.set(term, slots);
        if (bulk) this.liveSorted = null;
        else if (this.liveSorted) {
          const at = lowerBound(this.liveSorted, term);
          this.liveSorted.splice(at, 0, term);
          this.liveSortedSlots.splice(at, 0, slots);
        }
      }
    }
    return slot;
  }

  delete(id: string): void {
    const slot = this.slotIds.get(id);
    if (slot === undefined) return;
    this.forget(slot);
    this.slotIds.delete(id);
    this.ids[slot] = undefined;
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

  /** Slots in use are below this. */
  get slotCount(): number {
    return this.ids.length;
  }

  /** Calls `visit` with each slot that has exactly `term`. */
  eachSlotOf(term: string, visit: (slot: number) => void): void {
    const at = this.sealedLowerBound(term);
    if (at < this.termCount && this.sealedLength(at) === term.length && this.sealedStartsWith(at, term)) this.visitSealed(at, visit);
    const slots = this.live.get(term);
    if (slots) for (const slot of slots) visit(slot);
  }

  /**
   * Calls `visit` with each slot that has a term starting with `prefix`, once per such term it has; with
   * `accept`, only for the terms it accepts (given whole).
   */
  eachSlotWithPrefix(prefix: string, visit: (slot: number) => void, accept?: (term: string) => boolean): void {
    for (let at = this.sealedLowerBound(prefix); at < this.termCount && this.sealedStartsWith(at, prefix); at++) {
      if (!accept || accept(this.text.slice(this.starts[at], this.starts[at + 1]))) this.visitSealed(at, visit);
    }
    const sorted = this.liveSortedTerms();
    const lists = this.liveSortedSlots;
    for (let at = lowerBound(sorted, prefix); at < sorted.length; at++) {
      const term = sorted[at] as string;
      if (!term.startsWith(prefix)) break;
      if (accept && !accept(term)) continue;
      for (const slot of lists[at] as number[]) visit(slot);
    }
  }

  /**
   * Folds the live part into the sealed one (sorting a bulk load's terms: 0.4 s at 100k customers in Node), so the first
   * keystroke does not sort and the collector has a few typed arrays to walk instead of millions of objects.
   */
  seal(): void {
    const liveTerms = this.liveSortedTerms();
    const liveSlots = this.liveSortedSlots;
    let liveCount = 0;
    for (const list of liveSlots) liveCount += list.length;
    const terms: string[] = [];
    const postingStarts: number[] = [0];
    const postings = new Int32Array(this.postings.length + liveCount);
    let written = 0;
    let sealed = 0;
    let fresh = 0;
    const sealedTerm = (at: number) => this.text.slice(this.starts[at], this.starts[at + 1]);
    while (sealed < this.termCount || fresh < liveTerms.length) {
      const older = sealed < this.termCount ? sealedTerm(sealed) : undefined;
      const newer = liveTerms[fresh];
      const term = older === undefined ? (newer as string) : newer === undefined || older <= newer ? older : newer;
      const before = written;
      if (older === term) {
        for (let p = this.postingStarts[sealed] as number, end = this.postingStarts[sealed + 1] as number; p < end; p++) {
          const slot = this.postings[p] as number;
          if (!this.stale[slot]) postings[written++] = slot;
        }
        sealed += 1;
      }
      if (newer === term) {
        for (const slot of liveSlots[fresh] as number[]) postings[written++] = slot;
        fresh += 1;
      }
      if (written > before) {
        terms.push(term);
        postingStarts.push(written);
      }
    }
    const starts = new Int32Array(terms.length + 1);
    for (let at = 0, offset = 0; at < terms.length; at++) starts[at + 1] = offset += (terms[at] as string).length;
    this.text = terms.join('');
    this.starts = starts;
    this.postingStarts = Int32Array.from(postingStarts);
    this.postings = postings.slice(0, written);
    this.stale = new Uint8Array(this.ids.length);
    this.live.clear();
    this.liveTerms.clear();
    this.liveSorted = [];
    this.liveSortedSlots = [];
  }

  private get termCount(): number {
    return this.starts.length - 1;
  }

  /** Takes a slot's terms out of both parts. */
  private forget(slot: number): void {
    if (slot < this.stale.length) this.stale[slot] = 1;
    const terms = this.liveTerms.get(slot);
    if (!terms) return;
    this.liveTerms.delete(slot);
    for (const term of terms) {
      const list = this.live.get(term);
      if (!list) continue;
      const at = list.indexOf(slot);
      if (at >= 0) list.splice(at, 1);
      if (list.length > 0) continue;
      this.live.delete(term);
      if (this.liveSorted) {
        const index = lowerBound(this.liveSorted, term);
        if (this.liveSorted[index] === term) {
          this.liveSorted.splice(index, 1);
          this.liveSortedSlots.splice(index, 1);
        }
      }
    }
  }

  private visitSealed(at: number, visit: (slot: number) => void): void {
    const { postings, stale } = this;
    for (let p = this.postingStarts[at] as number, end = this.postingStarts[at + 1] as number; p < end; p++) {
      const slot = postings[p] as number;
      if (!stale[slot]) visit(slot);
    }
  }

  private sealedLength(at: number): number {
    return (this.starts[at + 1] as number) - (this.starts[at] as number);
  }

  private sealedStartsWith(at: number, prefix: string): boolean {
    const start = this.starts[at] as number;
    if (this.sealedLength(at) < prefix.length) return false;
    for (let k = 0; k < prefix.length; k++) if (this.text.charCodeAt(start + k) !== prefix.charCodeAt(k)) return false;
    return true;
  }

  /** Sealed term `at` compared with `key` in code-unit order: negative when it sorts first. */
  private compareSealed(at: number, key: string): number {
    const start = this.starts[at] as number;
    const length = this.sealedLength(at);
    const common = Math.min(length, key.length);
    for (let k = 0; k < common; k++) {
      const difference = this.text.charCodeAt(start + k) - key.charCodeAt(k);
      if (difference !== 0) return difference;
    }
    return length - key.length;
  }

  /** The first sealed term not below `key`. */
  private sealedLowerBound(key: string): number {
    let low = 0;
    let high = this.termCount;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.compareSealed(middle, key) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private liveSortedTerms(): string[] {
    if (!this.liveSorted) {
      const sorted = [...this.live.keys()].sort();
      this.liveSortedSlots = sorted.map((term) => this.live.get(term) as number[]);
      this.liveSorted = sorted;
    }
    return this.liveSorted;
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
