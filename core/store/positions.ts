/** Records the seller orders by hand: `position` first, then name (records of one place keep name order). */
interface Placed {
  id: string;
  name: string;
  position: number;
}

export function byPosition<T extends Placed>(records: T[]): T[] {
  return records.sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
}

/**
 * `records` with positions 0, 1, 2… in the order of `ids`, which must name each record exactly once (the field
 * `ids` is named when it does not, for the caller's error line).
 */
export function moveIds<T extends Placed>(records: readonly T[], ids: readonly string[], what: string): T[] {
  const byId = new Map(records.map((record) => [record.id, record]));
  if (ids.length !== records.length || new Set(ids).size !== ids.length || ids.some((id) => !byId.has(id))) {
    throw new Error(`ids: the new order must name each of the ${records.length} ${what} once (the list changed meanwhile?)`);
  }
  return ids.map((id, position) => ({ ...(byId.get(id) as T), position }));
}

/** The place after the last of `records` (0 for none). */
export function nextPosition(records: readonly { position: number }[]): number {
  return records.reduce((last, record) => Math.max(last, record.position + 1), 0);
}
