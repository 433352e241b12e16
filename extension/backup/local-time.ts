/** A wall-clock reading in one IANA time zone: what the seller's own clock showed at an instant. */
export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

// Intl.DateTimeFormat is costly to build and is asked the same question for each backup and each status.
const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    // en-US with h23 gives plain digits and a 0–23 hour whatever the seller's language is.
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' });
    formats.set(timeZone, format);
  }
  return format;
}

/** What the clock showed at `at` in `timeZone` (a 23:30 in São Paulo is that day, though UTC has moved on). */
export function localTime(at: Date, timeZone: string): LocalTime {
  const parts: Record<string, number> = {};
  for (const part of formatFor(timeZone).formatToParts(at)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return { year: parts.year as number, month: parts.month as number, day: parts.day as number, hour: parts.hour as number, minute: parts.minute as number };
}

/** Days since 1970-01-01 of a calendar date, so two dates subtract. */
export function dayNumber({ year, month, day }: Pick<LocalTime, 'year' | 'month' | 'day'>): number {
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

/** Calendar days between two instants as the seller's calendar counts them (yesterday 23:00 is 1 day ago at 08:00). */
export function calendarDaysBetween(from: Date, to: Date, timeZone: string): number {
  return dayNumber(localTime(to, timeZone)) - dayNumber(localTime(from, timeZone));
}

/** 28 to 31: day 0 of the next month is the last day of this one. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
