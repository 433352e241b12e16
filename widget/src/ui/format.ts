import type { Locale } from '../options';
import type { Messages } from './messages';

/** Locale-aware numbers and plurals for one locale (Intl, never hand-rolled separators). */
export interface Format {
  num(n: number): string;
  /** "1 estrela" / "3 estrelas" with the locale's plural rules. */
  stars(n: number): string;
}

/** Replaces `{name}` (once) in a message. A function replacer, so `$&` in a store's order id stays literal. */
export function fill(template: string, name: string, value: string): string {
  return template.replace('{' + name + '}', () => value);
}

export function createFormat(locale: Locale, m: Messages): Format {
  const numbers = new Intl.NumberFormat(locale);
  const plurals = new Intl.PluralRules(locale);
  const num = (n: number) => numbers.format(n);
  return { num, stars: (n) => fill(plurals.select(n) === 'one' ? m.starOne : m.starOther, 'n', num(n)) };
}
