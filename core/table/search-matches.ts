/**
 * Where a search index keeps its customers: each in a numbered slot. A table that has put each slot's place in
 * its own sorted lists can take a search's answer as a bitmap over slots, without a string per match: a first
 * keystroke matching half of 100k customers is then a pass over two typed arrays, not 50k hash lookups.
 */
export interface SlotSpace {
  /** The slot holding a customer, or undefined when the index does not hold them. */
  slotOf(id: string): number | undefined;
  /** The customer in a slot an answer named. */
  idAt(slot: number): string;
  /** Slots in use are below this. */
  readonly slotCount: number;
  /**
   * Grows whenever a slot is given to another customer, or freed: places computed from this space stay true
   * while it is the same (a customer whose terms change keeps their slot).
   */
  readonly epoch: number;
}

/** A search's answer: the slots that match, in one space. */
export interface SearchMatches {
  /** Non-zero at each matching slot (it may be shorter than the space: the slots past it do not match). */
  readonly slots: Uint8Array;
  /** How many slots match. */
  readonly size: number;
  readonly space: SlotSpace;
}

/** The answer of a search that matched exactly these customers, in a space of its own (tests, and small callers). */
export function searchMatchesOf(ids: Iterable<string>): SearchMatches {
  const list = [...new Set(ids)];
  const slots = new Map(list.map((id, slot) => [id, slot]));
  const space: SlotSpace = {
    slotOf: (id) => slots.get(id),
    idAt: (slot) => list[slot] as string,
    slotCount: list.length,
    epoch: 0,
  };
  return { slots: new Uint8Array(list.length).fill(1), size: list.length, space };
}

/** The ids of a search's matches, in slot order. */
export function matchedIds(matches: SearchMatches): string[] {
  const ids: string[] = [];
  const { slots, space } = matches;
  for (let slot = 0; slot < slots.length; slot++) if (slots[slot]) ids.push(space.idAt(slot));
  return ids;
}
