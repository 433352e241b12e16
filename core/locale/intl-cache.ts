import type { Locale } from './locale';

// Intl objects are costly to build and immutable, so one per (locale, options) is kept and shared by every caller;
// these caches are the only state of core/locale. Options are few and small, so their JSON is the key.
const cache = new Map<string, unknown>();

function cached<T>(key: string, make: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

/** Intl.PluralRules of a locale (cardinal). */
export function pluralRules(locale: Locale): Intl.PluralRules {
  return cached(`plural|${locale}`, () => new Intl.PluralRules(locale));
}

/** Intl.NumberFormat of a locale and options (currency, percent, unit…). */
export function numberFormat(locale: Locale, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return cached(`number|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));
}

/** Intl.RelativeTimeFormat of a locale and options. */
export function relativeTimeFormat(locale: Locale, options: Intl.RelativeTimeFormatOptions = {}): Intl.RelativeTimeFormat {
  return cached(`relative|${locale}|${JSON.stringify(options)}`, () => new Intl.RelativeTimeFormat(locale, options));
}

/**
 * Intl.DateTimeFormat of a locale in an IANA time zone. The zone is its own argument, never left to the options:
 * a formatter without one would silently use the machine's zone instead of the seller's.
 */
export function dateTimeFormat(locale: Locale, timeZone: string, options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
  return cached(`date|${locale}|${timeZone}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, { ...options, timeZone }));
}

/** Intl.DisplayNames of a locale for one kind of code (currency, region, language). */
export function displayNames(locale: Locale, type: Intl.DisplayNamesType): Intl.DisplayNames {
  return cached(`names|${locale}|${type}`, () => new Intl.DisplayNames(locale, { type, fallback: 'code' }));
}

/** Intl.ListFormat of a locale: 'data e total', 'date and total' (conjunction), or with 'ou'/'or' (disjunction). */
export function listFormat(locale: Locale, type: 'conjunction' | 'disjunction' = 'conjunction'): Intl.ListFormat {
  return cached(`list|${locale}|${type}`, () => new Intl.ListFormat(locale, { type }));
}

/** Plural category of a count in a locale (CLDR rules via Intl.PluralRules). */
export function pluralCategory(locale: Locale, count: number): Intl.LDMLPluralRule {
  return pluralRules(locale).select(count);
}

/** A count written the locale's way, without decimals (1.234 in pt-BR, 1,234 in en). */
export function formatWholeNumber(locale: Locale, value: number): string {
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

/** "95 days ago" / "há 95 dias" / "hace 95 días", with "today" and "yesterday" for 0 and 1. */
export function formatDaysAgo(locale: Locale, days: number): string {
  return relativeTimeFormat(locale, { numeric: 'auto' }).format(-days, 'day');
}

/** Picks the message for a count's plural category, falling back to `other` (every catalog entry has one). */
export function selectPlural(locale: Locale, count: number, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }): string {
  return forms[pluralCategory(locale, count)] ?? forms.other;
}
