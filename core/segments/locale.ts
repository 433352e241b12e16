/** Locales the segment texts are written in. */
export const SEGMENT_LOCALES = ['pt-BR', 'en', 'pt-PT', 'es'] as const;
export type SegmentLocale = (typeof SEGMENT_LOCALES)[number];

/** Text in every supported locale. */
export type LocalizedText = Readonly<Record<SegmentLocale, string>>;

/**
 * Closest supported locale for a BCP 47 tag (`-` or `_`, any case, any sub-tags): `pt` and `pt-BR` → pt-BR,
 * any other `pt-*` → pt-PT, `es-*` → es, `en-*` → en. Anything else, or no tag, → pt-BR, the main market. The
 * extension picks its interface language with this too, so labels and screens always agree.
 */
export function resolveSegmentLocale(locale: string | undefined): SegmentLocale {
  const [language = '', region = ''] = (locale ?? '').trim().toLowerCase().split(/[-_]/);
  if (language === 'pt') return region === '' || region === 'br' ? 'pt-BR' : 'pt-PT';
  if (language === 'es') return 'es';
  if (language === 'en') return 'en';
  return 'pt-BR';
}

// Intl objects are costly to build and immutable, so one per locale is kept; this cache is the only state here.
const pluralRules = new Map<SegmentLocale, Intl.PluralRules>();
const wholeNumbers = new Map<SegmentLocale, Intl.NumberFormat>();
const relativeDays = new Map<SegmentLocale, Intl.RelativeTimeFormat>();

function cached<T>(cache: Map<SegmentLocale, T>, locale: SegmentLocale, make: () => T): T {
  let value = cache.get(locale);
  if (value === undefined) {
    value = make();
    cache.set(locale, value);
  }
  return value;
}

/** Plural category of a count in a locale (CLDR rules via Intl.PluralRules). */
export function pluralCategory(locale: SegmentLocale, count: number): Intl.LDMLPluralRule {
  return cached(pluralRules, locale, () => new Intl.PluralRules(locale)).select(count);
}

/** A count written the locale's way, without decimals (1.234 in pt-BR, 1,234 in en). */
export function formatWholeNumber(locale: SegmentLocale, value: number): string {
  return cached(wholeNumbers, locale, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 })).format(value);
}

/** "95 days ago" / "há 95 dias" / "hace 95 días", with "today" and "yesterday" for 0 and 1. */
export function formatDaysAgo(locale: SegmentLocale, days: number): string {
  return cached(relativeDays, locale, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })).format(-days, 'day');
}

/** Picks the message for a count's plural category, falling back to `other` (every catalog entry has one). */
export function selectPlural(
  locale: SegmentLocale,
  count: number,
  forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string },
): string {
  return forms[pluralCategory(locale, count)] ?? forms.other;
}
