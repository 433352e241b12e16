/**
 * One frozen copy of each small list many customers have alike (their tag sets, their retention signals; most lists
 * are empty), shared by everything the book table keeps of them for as long as the book is open: at 100k customers
 * a copy each was hundreds of thousands of arrays more for the service worker's collector to walk, and its major
 * collections compete with a scrolling page for the CPU (see core/table/term-index.ts). Lists made for a moment
 * (a customer's facts: the engine keeps none) are not looked up here.
 *
 * A list is shared only while few distinct ones have been seen (`LIMIT`): past it a list is kept as given, so a
 * book of unusual lists costs what it did and no more.
 */
const LIMIT = 20_000;
const shared = new Map<string, readonly string[]>();
const EMPTY: readonly never[] = Object.freeze([]);

/** The shared copy of `list` (its items as they are, order included), or `list` itself past the limit. */
export function sharedList<T extends string>(list: readonly T[]): readonly T[] {
  if (list.length === 0) return EMPTY;
  const key = list.length === 1 ? (list[0] as string) : list.join('\u0000');
  const found = shared.get(key);
  // Compared item by item: two lists whose items hold the separator could share a key, and must not share a copy.
  if (found !== undefined) return found.length === list.length && found.every((item, at) => item === list[at]) ? (found as readonly T[]) : list;
  if (shared.size >= LIMIT) return list;
  const copy = Object.freeze(list.slice());
  shared.set(key, copy);
  return copy;
}
