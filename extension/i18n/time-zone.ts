import type { Book } from '../../core';
import { browserTimeZone, supportedTimeZones, timeZoneSchema } from '../../core/locale';

/** Where the seller's time zone is kept: the book's `meta` store, beside the other book settings (book-settings.ts). */
export const TIME_ZONE_KEY = 'settings.timeZone';

/**
 * The seller's IANA time zone: the one they chose, else the browser's. A stored value Intl no longer knows (a
 * zone renamed in a browser update, a hand-edited book) falls back to the browser's rather than failing every date.
 */
export async function readTimeZone(book: Pick<Book, 'meta'>, fallback: string = browserTimeZone()): Promise<string> {
  const stored = timeZoneSchema.safeParse(await book.meta.get(TIME_ZONE_KEY));
  return stored.success ? stored.data : fallback;
}

/** Saves the seller's choice, in Intl's spelling. Throws a RangeError naming the field for a zone Intl does not know. */
export async function saveTimeZone(book: Pick<Book, 'meta'>, zone: string): Promise<string> {
  const parsed = timeZoneSchema.safeParse(zone);
  if (!parsed.success) throw new RangeError(`timeZone: ${parsed.error.issues[0]?.message ?? 'invalid'} ("${zone}")`);
  await book.meta.set(TIME_ZONE_KEY, parsed.data);
  return parsed.data;
}

/** The zones a picker offers: every zone this browser knows. */
export function timeZoneChoices(): string[] {
  return supportedTimeZones();
}
