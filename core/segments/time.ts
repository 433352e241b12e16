/** One calendar day of 24 hours in milliseconds (a day number's width; a local day across DST is 23 or 25 hours). */
export const DAY_MS = 86_400_000;

/** A point in time given by the caller: epoch milliseconds or a Date. Logic never reads the clock itself. */
export type Instant = number | Date;

/** Epoch milliseconds of an Instant. */
export function toEpochMs(instant: Instant): number {
  return typeof instant === 'number' ? instant : instant.getTime();
}

/** Whole days from `day` to `today`; 0 for today or a day after it (an order dated ahead counts as today). */
export function daysSince(day: number, today: number): number {
  return Math.max(0, today - day);
}

const ZERO = 48;

function digits(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const d = s.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * Epoch ms of an ISO-8601 instant. The book stores instants as `YYYY-MM-DDTHH:MM:SS[.sss]Z`; that shape is read
 * by hand because Date.parse dominates a full recompute over a million orders. Any other shape (offsets, other
 * precisions) goes through Date.parse. Returns NaN when the text is not a date or names an impossible day.
 */
export function parseInstantMs(iso: string): number {
  const len = iso.length;
  if (
    (len === 20 || len === 24) &&
    iso.charCodeAt(len - 1) === 90 /* Z */ &&
    iso.charCodeAt(4) === 45 &&
    iso.charCodeAt(7) === 45 &&
    iso.charCodeAt(10) === 84 /* T */ &&
    iso.charCodeAt(13) === 58 &&
    iso.charCodeAt(16) === 58 &&
    (len === 20 || iso.charCodeAt(19) === 46)
  ) {
    const year = digits(iso, 0, 4);
    const month = digits(iso, 5, 2);
    const day = digits(iso, 8, 2);
    const hour = digits(iso, 11, 2);
    const minute = digits(iso, 14, 2);
    const second = digits(iso, 17, 2);
    const milli = len === 24 ? digits(iso, 20, 3) : 0;
    if (
      year >= 0 &&
      month >= 1 &&
      month <= 12 &&
      day >= 1 &&
      day <= daysInMonth(year, month) &&
      hour >= 0 &&
      hour <= 23 &&
      minute >= 0 &&
      minute <= 59 &&
      second >= 0 &&
      second <= 59 &&
      milli >= 0
    ) {
      return daysFromCivil(year, month, day) * DAY_MS + hour * 3_600_000 + minute * 60_000 + second * 1000 + milli;
    }
    // The right shape with an impossible field (Feb 30th): Date.parse would roll it over into March; refuse it.
    return Number.NaN;
  }
  return Date.parse(iso);
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date. Counts from a March-based year so that the leap day is the
 * last day of its year, which makes the day-of-year formula the same for every month.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}
