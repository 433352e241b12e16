import { IntlMessageFormat, type Formatters } from 'intl-messageformat';
// core/locale itself, not core's index: the extension pages that translate should not carry the rest of core for it.
import { dateTimeFormat, numberFormat, pluralRules, resolveLocale, type Locale } from '../../core/locale';
import type { MessageKey } from './messages/en';

export type { Locale, MessageKey };

/** What a message's placeholders are filled with: `{name}` takes text, `{count, plural, …}` a number. */
export type MessageValues = Record<string, string | number>;

/** A translator bound to one locale, the shape screens receive (`t('added', { name })`). */
export type Translate = (key: MessageKey, values?: MessageValues) => string;

/** One language's messages, in ICU MessageFormat. */
export type Catalog = Readonly<Record<MessageKey, string>>;

// The catalogs this context has: every one where any may be needed (catalogs.ts, imported by the background, the
// sidebar frame, the popup and the tests), only the seller's in the book page (load-catalog.ts), which would
// otherwise fetch and parse three it never shows before it can draw its first screen.
const loaded = new Map<Locale, Catalog>();

/** Makes `catalog` the messages of `locale` in this context. */
export function addCatalog(locale: Locale, catalog: Catalog): void {
  loaded.set(locale, catalog);
}

/** One message's source in one locale. */
export function messageSource(locale: Locale, key: MessageKey): string {
  const catalog = loaded.get(locale);
  if (catalog === undefined) throw new Error(`The ${locale} messages are not loaded in this page (extension/i18n/catalogs.ts or load-catalog.ts)`);
  return catalog[key];
}

// intl-messageformat builds its own Intl objects per message; these hand it core/locale's shared ones instead.
// Dates reach messages already written by format.ts in the seller's zone; an ICU `{x, date}` here would read UTC.
const FORMATTERS: Formatters = {
  getNumberFormat: (locales, options) => numberFormat(resolveLocale(String(locales)), options),
  getPluralRules: (locales, options) => (options?.type === 'ordinal' ? new Intl.PluralRules(locales, options) : pluralRules(resolveLocale(String(locales)))),
  getDateTimeFormat: (locales, options) => dateTimeFormat(resolveLocale(String(locales)), options?.timeZone ?? 'UTC', options),
};

// Each (locale, key) is parsed once, on first use, and kept: parsing is most of the cost of a message.
const compiled = new Map<string, IntlMessageFormat>();

/** The parsed message, compiled on first use. Tags are text (`<b>` stays `<b>`): names never become markup. */
export function compiledMessage(locale: Locale, key: MessageKey): IntlMessageFormat {
  const id = `${locale}|${key}`;
  let message = compiled.get(id);
  if (message === undefined) {
    message = new IntlMessageFormat(messageSource(locale, key), locale, undefined, { ignoreTag: true, formatters: FORMATTERS });
    compiled.set(id, message);
  }
  return message;
}

/**
 * The message `key` in `locale` with its placeholders filled: `{name}` as text, `{count, number}` and `#` written
 * the locale's way, `{count, plural, =0 {…} one {…} other {…}}` by Intl.PluralRules (with `=0` where a language
 * says "Nenhum cliente" rather than "0 clientes").
 */
export function translate(locale: Locale, key: MessageKey, values?: MessageValues): string {
  if (values === undefined) {
    // A message without values is the same text every time: a table drawing hundreds of labels a frame reads it.
    const id = `${locale}|${key}`;
    let text = plain.get(id);
    if (text === undefined) {
      text = String(compiledMessage(locale, key).format({}));
      plain.set(id, text);
    }
    return text;
  }
  return String(compiledMessage(locale, key).format(values));
}

const plain = new Map<string, string>();

/** `translate` bound to a locale. */
export function translator(locale: Locale): Translate {
  return (key, values) => translate(locale, key, values);
}

/** The locale of the browser's interface, as one of ours (see resolveLocale). */
export function browserLocale(): Locale {
  return resolveLocale(globalThis.navigator?.language);
}
