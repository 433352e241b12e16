import { canonicalTimeZone, zoneOffsetMs } from './time-zone';

// One day number per 24 hours: the width of a UTC day, which a local day number also counts in.
const DAY_MS = 86_400_000;

/**
 * The seller's calendar: which day an instant falls on in one IANA time zone. Day numbers count the local dates
 * from 1970-01-01, so two of them subtract into whole days whatever DST did in between (a sale at 22:00 in São
 * Paulo, 01:00 UTC the next day, is that evening's day).
 */
export interface Calendar {
  readonly timeZone: string;
  /** Day number of the local date at `ms`. */
  day(ms: number): number;
  /** Epoch ms of the first instant of a local day (00:00, or the first hour that exists when DST skips midnight). */
  dayStart(day: number): number;
  /** How far the zone's wall clock is ahead of UTC at `ms`, in ms (−3 h in São Paulo): `ms + offset(ms)` is the wall time. */
  offset(ms: number): number;
}

const UTC_CALENDAR: Calendar = { timeZone: 'UTC', day: (ms) => Math.floor(ms / DAY_MS), dayStart: (day) => day * DAY_MS, offset: () => 0 };
const calendars = new Map<string, Calendar>([['UTC', UTC_CALENDAR]]);

/**
 * The calendar of an IANA zone (a RangeError naming `timeZone` when Intl knows no such zone). Kept per zone: a recompute asks it
 * for a day of every order, so Intl is read at most twice per UTC day seen, not once per order.
 */
export function calendarOf(timeZone: string): Calendar {
  let calendar = calendars.get(timeZone);
  if (calendar === undefined) {
    calendar = zoneCalendar(timeZone);
    calendars.set(timeZone, calendar);
  }
  return calendar;
}

function zoneCalendar(timeZone: string): Calendar {
  if (canonicalTimeZone(timeZone) === null) throw new RangeError(`timeZone must be an IANA time zone such as America/Sao_Paulo, not "${timeZone}"`);
  // Offset at each UTC midnight seen. Where the offsets at both ends of a UTC day agree, the zone had no transition
  // that day (tz rules never hold two that cancel within a day), so every instant of it shares that offset.
  const atMidnight = new Map<number, number>();
  const offsetAtMidnight = (utcDay: number) => {
    let offset = atMidnight.get(utcDay);
    if (offset === undefined) {
      offset = zoneOffsetMs(utcDay * DAY_MS, timeZone);
      atMidnight.set(utcDay, offset);
    }
    return offset;
  };
  const offsetAt = (ms: number) => {
    const utcDay = Math.floor(ms / DAY_MS);
    const offset = offsetAtMidnight(utcDay);
    return offset === offsetAtMidnight(utcDay + 1) ? offset : zoneOffsetMs(ms, timeZone);
  };
  return {
    timeZone,
    day: (ms) => Math.floor((ms + offsetAt(ms)) / DAY_MS),
    dayStart: (day) => {
      // Local midnight is day·DAY_MS on the wall clock; the offset to take is the one in force at that instant,
      // found in two steps since the offset itself depends on the instant.
      const wall = day * DAY_MS;
      const guess = wall - offsetAt(wall);
      const start = wall - offsetAt(guess);
      return Math.floor((start + offsetAt(start)) / DAY_MS) === day ? start : guess;
    },
    offset: offsetAt,
  };
}
