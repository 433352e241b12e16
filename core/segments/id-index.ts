import { grown } from './grown';

/** A table entry never used. */
const EMPTY = 0;
/** A table entry whose id was deleted (probes go on past it). */
const DELETED = -1;
/** An id not sealed into a chunk yet. */
const PENDING = -1;

/**
 * Record ids (strings) to slot numbers, without a string per id: ids are kept in a few long strings (chunks) and
 * found through an open-addressing hash table in a typed array. What it saves is the collector's work: the engine
 * holds 300k order ids at 100k customers for as long as the book is open, and a Map held 300k strings and a
 * 900k-entry store for the service worker's collector to mark while the seller scrolls (see order-columns.ts).
 *
 * New ids wait in a small map and are sealed into a new chunk once there are enough of them; chunks are merged
 * into one when there are many, or when deleted ids fill half of them. Reading an id back (`idOf`) makes a string.
 */
export class IdIndex {
  /** Slot + 1 at each entry, or EMPTY or DELETED; its length is a power of two at least twice what is used. */
  private table = new Int32Array(16);
  /** Entries that are not EMPTY (live and DELETED): what the probes see. */
  private occupied = 0;
  private live = 0;
  /** Per slot: its chunk (PENDING while not sealed), and where its id starts and how long it is there. */
  private chunkOf = new Int32Array(0);
  private startOf = new Int32Array(0);
  private lengthOf = new Int32Array(0);
  private chunks: string[] = [];
  private readonly pending = new Map<number, string>();
  /** Characters of the chunks that belong to deleted ids. */
  private deadChars = 0;
  private sealedChars = 0;

  /** `sealAt`: the fewest pending ids sealed at once (small in tests, to exercise sealing). */
  constructor(private readonly sealAt = 1024) {}

  /** Ids held. */
  get size(): number {
    return this.live;
  }

  /** The slot of `id`, or undefined. */
  get(id: string): number | undefined {
    const mask = this.table.length - 1;
    for (let at = hashOfText(id) & mask; ; at = (at + 1) & mask) {
      const entry = this.table[at] as number;
      if (entry === EMPTY) return undefined;
      if (entry !== DELETED && this.holds(entry - 1, id)) return entry - 1;
    }
  }

  /** Files `id` under `slot`; the id must not be held already, and the slot must be free. */
  set(id: string, slot: number): void {
    if ((this.occupied + 1) * 2 > this.table.length) this.rehash(this.live + 1);
    const mask = this.table.length - 1;
    let at = hashOfText(id) & mask;
    while ((this.table[at] as number) > 0) at = (at + 1) & mask;
    if (this.table[at] === EMPTY) this.occupied += 1;
    this.table[at] = slot + 1;
    this.live += 1;
    this.ensureSlot(slot);
    this.chunkOf[slot] = PENDING;
    this.pending.set(slot, id);
    if (this.pending.size >= Math.max(this.sealAt, this.live >> 3)) this.seal();
  }

  /** Forgets `id`; returns its slot, or undefined when it was not held. */
  delete(id: string): number | undefined {
    const mask = this.table.length - 1;
    for (let at = hashOfText(id) & mask; ; at = (at + 1) & mask) {
      const entry = this.table[at] as number;
      if (entry === EMPTY) return undefined;
      if (entry === DELETED || !this.holds(entry - 1, id)) continue;
      const slot = entry - 1;
      this.table[at] = DELETED;
      this.live -= 1;
      if (this.chunkOf[slot] === PENDING) this.pending.delete(slot);
      else this.deadChars += this.lengthOf[slot] as number;
      if (this.deadChars * 2 > this.sealedChars && this.deadChars >= this.sealAt * 8) this.compact();
      return slot;
    }
  }

  /** The id filed under `slot` (made now). The slot must hold one. */
  idOf(slot: number): string {
    const chunk = this.chunkOf[slot] as number;
    if (chunk === PENDING) return this.pending.get(slot) as string;
    const start = this.startOf[slot] as number;
    return (this.chunks[chunk] as string).slice(start, start + (this.lengthOf[slot] as number));
  }

  private holds(slot: number, id: string): boolean {
    const chunk = this.chunkOf[slot] as number;
    if (chunk === PENDING) return this.pending.get(slot) === id;
    const length = this.lengthOf[slot] as number;
    if (length !== id.length) return false;
    const text = this.chunks[chunk] as string;
    const start = this.startOf[slot] as number;
    for (let i = 0; i < length; i++) if (text.charCodeAt(start + i) !== id.charCodeAt(i)) return false;
    return true;
  }

  /** Writes the pending ids into a new chunk; merges the chunks when there are many. */
  private seal(): void {
    if (this.pending.size === 0) return;
    const parts: string[] = [];
    const chunk = this.chunks.length;
    let offset = 0;
    for (const [slot, id] of this.pending) {
      this.chunkOf[slot] = chunk;
      this.startOf[slot] = offset;
      this.lengthOf[slot] = id.length;
      offset += id.length;
      parts.push(id);
    }
    this.chunks.push(parts.join(''));
    this.sealedChars += offset;
    this.pending.clear();
    if (this.chunks.length > 8) this.compact();
  }

  /** Every live id in one chunk (pending ones too). */
  private compact(): void {
    const parts: string[] = [];
    const slots: number[] = [];
    for (const entry of this.table) if (entry > 0) slots.push(entry - 1);
    let offset = 0;
    const starts = new Int32Array(slots.length);
    slots.forEach((slot, i) => {
      const id = this.idOf(slot);
      starts[i] = offset;
      offset += id.length;
      parts.push(id);
    });
    this.chunks = [parts.join('')];
    slots.forEach((slot, i) => {
      this.chunkOf[slot] = 0;
      this.startOf[slot] = starts[i] as number;
      // Pending ids had no length there yet.
      this.lengthOf[slot] = (parts[i] as string).length;
    });
    this.pending.clear();
    this.sealedChars = offset;
    this.deadChars = 0;
  }

  /** A table for `count` ids at most half full, without the DELETED entries. */
  private rehash(count: number): void {
    let size = 16;
    while (size < count * 2 + 2) size *= 2;
    const old = this.table;
    this.table = new Int32Array(size);
    const mask = size - 1;
    for (const entry of old) {
      if (entry <= 0) continue;
      let at = this.hashOfSlot(entry - 1) & mask;
      while (this.table[at] !== EMPTY) at = (at + 1) & mask;
      this.table[at] = entry;
    }
    this.occupied = this.live;
  }

  private hashOfSlot(slot: number): number {
    const chunk = this.chunkOf[slot] as number;
    if (chunk === PENDING) return hashOfText(this.pending.get(slot) as string);
    return hashOfRange(this.chunks[chunk] as string, this.startOf[slot] as number, this.lengthOf[slot] as number);
  }

  private ensureSlot(slot: number): void {
    if (slot < this.chunkOf.length) return;
    const size = Math.max(256, slot + 1, Math.ceil(this.chunkOf.length * 1.5));
    this.chunkOf = grown(this.chunkOf, size);
    this.startOf = grown(this.startOf, size);
    this.lengthOf = grown(this.lengthOf, size);
  }
}

/** FNV-1a over the UTF-16 code units. */
function hashOfText(text: string): number {
  return hashOfRange(text, 0, text.length);
}

function hashOfRange(text: string, start: number, length: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < start + length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
