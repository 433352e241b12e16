import { z } from '../zod';
import { dateTimeFormat } from './intl-cache';

/** The IANA zone name Intl gives for `zone` (`america/sao_paulo` → `America/Sao_Paulo`), or null when Intl knows no such zone. */
export function canonicalTimeZone(zone: string): string | null {
  if (zone.trim() === '') return null;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The zone last read from the runtime, and when: a page's first render asks for it many times. */
let lastRead: { zone: string; atMs: number } | null = null;
/** How long a zone read is reused: building Intl's default formatter costs milliseconds, and a machine's zone seldom moves. */
const REREAD_AFTER_MS = 60_000;

/**
 * The zone this runtime's clock is set to: the seller's until they choose another (a default, never read inside
 * logic). Read again after a minute, so a machine whose zone changed (a seller travelling) is followed.
 */
export function browserTimeZone(): string {
  const nowMs = Date.now();
  if (lastRead === null || Math.abs(nowMs - lastRead.atMs) > REREAD_AFTER_MS) lastRead = { zone: new Intl.DateTimeFormat().resolvedOptions().timeZone, atMs: nowMs };
  return lastRead.zone;
}

/** True when Intl accepts `zone` as a time zone. */
export function isTimeZone(zone: string): boolean {
  return canonicalTimeZone(zone) !== null;
}

/** A time zone Intl accepts, kept in its canonical spelling. */
export const timeZoneSchema = z
  .string()
  .refine(isTimeZone, { message: 'not a time zone this browser knows (an IANA name such as America/Sao_Paulo)' })
  .transform((zone) => canonicalTimeZone(zone) as string);

/** The zones a seller can pick from, as this browser names them (UTC first, where the list lacks it). */
export function supportedTimeZones(): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}

/**
 * How far the wall clock in `timeZone` is ahead of UTC at instant `ms`, in ms (−3 h in São Paulo: −10 800 000).
 * Read from Intl's own reading of the clock, so it follows the tz database the browser ships, DST included.
 */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of clockFormat(timeZone).formatToParts(ms)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const wall = Date.UTC(parts.year as number, (parts.month as number) - 1, parts.day as number, parts.hour as number, parts.minute as number, parts.second as number);
  return wall - Math.floor(ms / 1000) * 1000;
}

// Plain digits and a 0–23 hour in any zone, whatever the seller's language.
const clockFormat = (timeZone: string) =>
  dateTimeFormat('en', timeZone, { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23', numberingSystem: 'latn' });
