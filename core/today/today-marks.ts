const DAY_MS = 86_400_000;

/**
 * What the seller did with the Hoje list, kept in the book's `meta` store under TODAY_MARKS_KEY. Keys are item
 * keys (today-list.ts `itemKey`); days are the seller's calendar dates as `YYYY-MM-DD`.
 *
 * - `done`: hidden for good. A late customer's key names the purchase they are late after, so buying again makes
 *   a new key and they come back when late again. A follow-up's "done" is the follow-up's own flag in the book.
 * - `snoozed`: hidden until that date (the first day it shows again).
 */
export interface TodayMarks {
  readonly done: Readonly<Record<string, string>>;
  readonly snoozed: Readonly<Record<string, string>>;
}

export const TODAY_MARKS_KEY = 'today.marks';
export const NO_MARKS: TodayMarks = Object.freeze({ done: Object.freeze({}), snoozed: Object.freeze({}) });
/** The snooze choices the screen offers, in days: tomorrow, in 3 days, in a week. */
export const SNOOZE_DAYS = [1, 3, 7] as const;

/** A day number of the seller's calendar as its date, `YYYY-MM-DD`. */
export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The day number of a `YYYY-MM-DD` date (NaN for anything else). */
export function dayOfIso(date: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00Z`) / DAY_MS : Number.NaN;
}

/** Marks as read from `meta`: anything not shaped like marks reads as none. */
export function readMarks(value: unknown): TodayMarks {
  if (typeof value !== 'object' || value === null) return NO_MARKS;
  const { done, snoozed } = value as Record<string, unknown>;
  return { done: stringRecord(done), snoozed: stringRecord(snoozed) };
}

/** Whether an item is hidden on `today` (a day number). */
export function hiddenOn(marks: TodayMarks, today: number): (key: string) => boolean {
  return (key) => key in marks.done || (marks.snoozed[key] !== undefined && today < dayOfIso(marks.snoozed[key]));
}

/** `key` done on `today`; a late customer's older purchases are forgotten, and snoozes that ended are dropped. */
export function markDone(marks: TodayMarks, key: string, today: number): TodayMarks {
  const late = /^late:(.+):\d+$/.exec(key);
  const done = Object.fromEntries(Object.entries(marks.done).filter(([other]) => !(late && other.startsWith(`late:${late[1]}:`))));
  done[key] = isoDay(today);
  const snoozed = current(marks.snoozed, today);
  delete snoozed[key];
  return { done, snoozed };
}

/** `key` hidden until `days` days after `today` (1: tomorrow). */
export function markSnoozed(marks: TodayMarks, key: string, today: number, days: number): TodayMarks {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`days must be a whole number of days from 1, not ${days}`);
  return { done: { ...marks.done }, snoozed: { ...current(marks.snoozed, today), [key]: isoDay(today + days) } };
}

function current(snoozed: Readonly<Record<string, string>>, today: number): Record<string, string> {
  return Object.fromEntries(Object.entries(snoozed).filter(([, until]) => dayOfIso(until) > today));
}

function stringRecord(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}
