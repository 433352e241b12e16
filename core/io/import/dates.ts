import { zoneOffsetMs } from '../../locale/time-zone';
import { fault, type Cell, type CellFault } from './cells';

const DAY_MS = 86_400_000;
// Days from Excel's day 0 (1899-12-30, the 1900 system with its leap-year bug folded in) to 1970-01-01.
const EXCEL_EPOCH_DAYS = 25_569;

const MONTHS: Record<string, number> = {};
for (const [number, names] of [
  [1, 'janeiro enero january jan ene'],
  [2, 'fevereiro febrero february fev feb'],
  [3, 'marco marzo march mar'],
  [4, 'abril april abr apr'],
  [5, 'maio mayo may mai'],
  [6, 'junho junio june jun'],
  [7, 'julho julio july jul'],
  [8, 'agosto august ago aug'],
  [9, 'setembro septiembre september set sep'],
  [10, 'outubro octubre october out oct'],
  [11, 'novembro noviembre november nov'],
  [12, 'dezembro diciembre december dez dic dec'],
] as const) {
  for (const name of names.split(' ')) MONTHS[name] = number;
}

const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:[ t,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?(?:\s*hs?\.?)?$/;
// Matched against lower-cased text: `t` and `z` are ISO's T and Z.
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[t ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(z|utc|[+-]\d{2}:?\d{2})?$/;
// `24 de março de 2026 22:36 hs.` (Mercado Livre), `24 mar 2026`, accents already folded.
const WRITTEN = /^(\d{1,2})(?: de)? ([a-z]+)\.?(?: de)? (\d{4})(?:,? (?:as )?(\d{1,2}):(\d{2})(?::(\d{2}))?)?(?:\s*hs?\.?)?$/;

/**
 * Turns wall-clock times in one IANA zone into instants. The offset is kept per UTC day, and read again at the
 * instant only on a day whose two ends differ (a DST change), as core/locale/calendar.ts does.
 */
export class ZoneClock {
  /** Per UTC day: the offset all day long, or NaN on a day whose two ends differ (a DST change). */
  private readonly dayOffsets = new Map<number, number>();
  constructor(readonly timeZone: string) {}

  /** The instant (epoch ms) when the clocks of the zone show `wall` (a wall time written as UTC ms). */
  instant(wall: number): number {
    const guess = wall - this.offsetAt(wall);
    return wall - this.offsetAt(guess);
  }

  private offsetAt(ms: number): number {
    const day = Math.floor(ms / DAY_MS);
    let offset = this.dayOffsets.get(day);
    if (offset === undefined) {
      const start = zoneOffsetMs(day * DAY_MS, this.timeZone);
      offset = start === zoneOffsetMs((day + 1) * DAY_MS, this.timeZone) ? start : NaN;
      this.dayOffsets.set(day, offset);
    }
    return Number.isNaN(offset) ? zoneOffsetMs(ms, this.timeZone) : offset;
  }
}

/**
 * A date as an ISO instant, or why it is not one. Reads `dd/mm/aaaa [hh:mm[:ss]]` (also with `-` or `.`), ISO 8601
 * with or without an offset (`2026-03-24 22:36:00 -0300`, Shopify), written-out Portuguese, Spanish or English
 * months, and Excel serial dates. A time without an offset is on the seller's clock.
 */
export function readDate(cell: Cell, clock: ZoneClock): string | CellFault {
  if (typeof cell !== 'string') {
    if (!cell.date && (cell.value < 1 || cell.value > 2_958_465)) return fault('not-a-date', cell.text, 'is not a date');
    const wall = Math.round(((cell.value - EXCEL_EPOCH_DAYS) * DAY_MS) / 1000) * 1000;
    return isoOf(clock.instant(wall)) ?? fault('not-a-date', cell.text, 'is not a date');
  }
  const text = cell.trim();
  const quick = dayFirstDigits(text);
  if (quick !== null) return fromParts(quick, null, text, clock);
  const folded = text.length > 40 ? '' : fold(text);
  let match = DAY_FIRST.exec(folded);
  let parts: number[] | null = null;
  let offsetMinutes: number | null = null;
  if (match) parts = [year(match[3] as string), Number(match[2]), Number(match[1]), ...clockParts(match, 4)];
  else if ((match = ISO.exec(folded))) {
    parts = [Number(match[1]), Number(match[2]), Number(match[3]), ...clockParts(match, 4)];
    if (match[7]) offsetMinutes = offsetOf(match[7]);
  } else if ((match = WRITTEN.exec(folded)) && MONTHS[match[2] as string]) {
    parts = [Number(match[3]), MONTHS[match[2] as string] as number, Number(match[1]), ...clockParts(match, 4)];
  }
  if (parts === null) return fault('not-a-date', text, 'is not a date');
  return fromParts(parts, offsetMinutes, text, clock);
}

function fromParts(parts: readonly number[], offsetMinutes: number | null, text: string, clock: ZoneClock): string | CellFault {
  const [y, month, day, hour, minute, second] = parts as [number, number, number, number, number, number];
  if (y < 1900 || y > 2200 || month < 1 || month > 12 || day < 1 || day > daysIn(y, month) || hour > 23 || minute > 59 || second > 59) return fault('not-a-date', text, 'is not a date');
  const wall = Date.UTC(y, month - 1, day, hour, minute, second);
  const instant = offsetMinutes === null ? clock.instant(wall) : wall - offsetMinutes * 60_000;
  return isoOf(instant) ?? fault('not-a-date', text, 'is not a date');
}

/** `2026-03-25T01:36:00.000Z` for years 1000–9999 (what the readers accept), written without a Date per row. */
function isoOf(ms: number): string | null {
  if (!Number.isFinite(ms) || ms < -30_610_224_000_000 || ms >= 253_402_300_800_000) return null;
  const days = Math.floor(ms / DAY_MS);
  const inDay = ms - days * DAY_MS;
  // Civil date from days since 1970-01-01 (Howard Hinnant's days_from_civil, inverted).
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const hours = Math.floor(inDay / 3_600_000);
  const minutes = Math.floor(inDay / 60_000) % 60;
  const seconds = Math.floor(inDay / 1000) % 60;
  return `${year}-${two(month)}-${two(day)}T${two(hours)}:${two(minutes)}:${two(seconds)}.${String(inDay % 1000).padStart(3, '0')}Z`;
}

function two(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/**
 * `dd/mm/aaaa`, `dd/mm/aaaa hh:mm` or `dd/mm/aaaa hh:mm:ss`, read digit by digit: the form nearly every row of a pt-BR
 * file has, so the regex, its match and its substrings are skipped there. Null for anything else.
 */
function dayFirstDigits(text: string): number[] | null {
  // day / month / year space hour : minute : second; the character after each part, and its digit counts.
  const parts = [0, 0, 0, 0, 0, 0];
  const after = [47, 47, 32, 58, 58, -1];
  const fewest = [1, 1, 4, 1, 2, 2];
  const most = [2, 2, 4, 2, 2, 2];
  let part = 0;
  let digits = 0;
  for (let at = 0; at <= text.length; at++) {
    const code = at < text.length ? text.charCodeAt(at) : -1;
    if (code >= 48 && code <= 57) {
      parts[part] = (parts[part] as number) * 10 + (code - 48);
      if (++digits > (most[part] as number)) return null;
      continue;
    }
    if (digits < (fewest[part] as number)) return null;
    if (code === -1) return part === 2 || part === 4 || part === 5 ? [parts[2], parts[1], parts[0], parts[3], parts[4], parts[5]] as number[] : null;
    if (code !== after[part]) return null;
    part++;
    digits = 0;
  }
  return null;
}

function fold(text: string): string {
  return /[^\x20-\x7e]/.test(text) ? text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase() : text.toLowerCase();
}

function clockParts(match: RegExpExecArray, from: number): number[] {
  return [Number(match[from] ?? 0), Number(match[from + 1] ?? 0), Number(match[from + 2] ?? 0)];
}

/** Two-digit years are this century's: `24/03/26` is 2026. */
function year(text: string): number {
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

function offsetOf(text: string): number {
  if (text === 'z' || text === 'utc') return 0;
  const digits = text.replace(':', '');
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
  return digits.startsWith('-') ? -minutes : minutes;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(y: number, month: number): number {
  const leap = month === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return (MONTH_DAYS[month - 1] as number) + (leap ? 1 : 0);
}
