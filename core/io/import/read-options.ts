import type { CountryCode } from '../../identity/normalize';
import { canonicalTimeZone } from '../../locale/time-zone';
import { minorDigits } from './amounts';
import { ZoneClock } from './dates';
import type { ImportError, ImportOptions } from './types';

/** Options with their defaults, checked once: a reader never throws, so a bad option becomes an error on line 0. */
export interface ReadSettings<P extends string> {
  preset: 'auto' | P;
  country: CountryCode;
  currency: string;
  clock: ZoneClock;
  /** The seller's column mapping, checked: known fields, each a column index or null. */
  columns: ReadonlyMap<string, number | null>;
}

const DEFAULT_ZONE = 'America/Sao_Paulo';
// One clock per zone for every reader: its offsets are facts of the zone, and building Intl formatters per file
// would cost more than reading a small file.
const clocks = new Map<string, ZoneClock | null>();

function clockOf(zone: string): ZoneClock | null {
  let clock = clocks.get(zone);
  if (clock === undefined) {
    const canonical = canonicalTimeZone(zone);
    clock = canonical === null ? null : new ZoneClock(canonical);
    if (clocks.size < 100) clocks.set(zone, clock);
  }
  return clock;
}

export function readSettings<P extends string, F extends string>(options: ImportOptions<P, F>, known: readonly P[], fields: readonly F[], errors: ImportError[]): ReadSettings<P> {
  const clock = clockOf(options.timeZone ?? DEFAULT_ZONE);
  if (clock === null) errors.push({ line: 0, code: 'unknown-time-zone', value: String(options.timeZone), message: `The time zone "${options.timeZone}" is not one this browser knows; dates were read in ${DEFAULT_ZONE}` });
  const currency = (options.currency ?? 'BRL').toUpperCase();
  const currencyKnown = /^[A-Z]{3}$/.test(currency) && minorDigits(currency) >= 0;
  if (!currencyKnown) errors.push({ line: 0, code: 'unknown-currency', value: String(options.currency), message: `The currency "${options.currency}" is not an ISO code; BRL was assumed` });
  const preset = options.preset === undefined || options.preset === 'auto' || known.includes(options.preset) ? (options.preset ?? 'auto') : 'auto';
  if (preset !== (options.preset ?? 'auto')) errors.push({ line: 0, code: 'unknown-preset', value: String(options.preset), message: `There is no preset "${options.preset}"; the layout was detected` });
  const country = /^[A-Z]{2}$/.test(options.defaultCountry ?? 'BR') ? ((options.defaultCountry ?? 'BR') as CountryCode) : 'BR';
  return { preset, country, currency: currencyKnown ? currency : 'BRL', clock: clock ?? (clockOf(DEFAULT_ZONE) as ZoneClock), columns: columnChoices(options.columns, fields, errors) };
}

function columnChoices(choices: Readonly<Partial<Record<string, number | null>>> | undefined, fields: readonly string[], errors: ImportError[]): ReadonlyMap<string, number | null> {
  const checked = new Map<string, number | null>();
  if (choices === undefined || choices === null || typeof choices !== 'object') return checked;
  for (const [field, column] of Object.entries(choices)) {
    if (column === undefined) continue;
    if (!fields.includes(field)) errors.push({ line: 0, code: 'unknown-column', value: field, message: `There is no field "${field}" to map; the mapping for it was ignored` });
    else if (column !== null && !(Number.isInteger(column) && column >= 0)) errors.push({ line: 0, code: 'unknown-column', value: String(column), message: `The column for ${field} is not a column number; the layout's column was kept` });
    else checked.set(field, column);
  }
  return checked;
}
