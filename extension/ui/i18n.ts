// The module itself, not core's index: the content script must not carry the rest of core.
import { resolveSegmentLocale, type SegmentLocale } from '../../core/segments/locale';
import { en, type MessageKey } from './messages/en';
import { es } from './messages/es';
import { ptBR } from './messages/pt-br';
import { ptPT } from './messages/pt-pt';

/** The languages Clientela speaks: core's list (SEGMENT_LOCALES), so screens and core texts cover the same. */
export type Locale = SegmentLocale;

const messages: Record<Locale, Record<MessageKey, string>> = { 'pt-BR': ptBR, 'pt-PT': ptPT, es, en };

export type { MessageKey };

/** The best of our locales for a BCP 47 tag: the same rule as core's texts (see resolveSegmentLocale). */
export const pickLocale = resolveSegmentLocale;

/**
 * Translates `key`: `{name}` becomes params.name, and `{count, plural, customers}` becomes the `customers.one` /
 * `customers.other` form that Intl.PluralRules picks for params.count, with `#` as the number in the locale, or
 * `customers.none` for zero (CLDR files Portuguese 0 under "one": "0 cliente" reads wrong to a Brazilian).
 */
export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const table: Record<string, string> = messages[locale];
  return (table[key] ?? key).replace(/\{(\w+)(?:, plural, ([\w.]+))?\}/g, (_whole, name: string, noun?: string) => {
    const value = params[name];
    if (typeof value === 'number' && !noun) return new Intl.NumberFormat(locale).format(value);
    if (!noun || typeof value !== 'number') return String(value ?? '');
    const category = value === 0 && `${noun}.none` in table ? 'none' : new Intl.PluralRules(locale).select(value);
    const form = table[`${noun}.${category}`] ?? table[`${noun}.other`] ?? '#';
    return form.replace('#', new Intl.NumberFormat(locale).format(value));
  });
}

/** The locale of the browser's interface, as one of ours. */
export function browserLocale(): Locale {
  return pickLocale(globalThis.navigator?.language);
}
