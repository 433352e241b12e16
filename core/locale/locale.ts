/** The languages Clientela speaks, pt-BR first (the main market). Screens, catalogs and core's texts cover these. */
export const LOCALES = ['pt-BR', 'pt-PT', 'es', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Text in every supported locale. */
export type LocalizedText = Readonly<Record<Locale, string>>;

/**
 * Closest supported locale for a BCP 47 tag (`-` or `_`, any case, any sub-tags): `pt` and `pt-BR` → pt-BR,
 * any other `pt-*` → pt-PT, `es-*` → es, `en-*` → en. Anything else, or no tag, → pt-BR, the main market. Core's
 * texts and the extension's screens both pick with this, so labels and screens always agree.
 */
export function resolveLocale(tag: string | undefined): Locale {
  const [language = '', region = ''] = (tag ?? '').trim().toLowerCase().split(/[-_]/);
  if (language === 'pt') return region === '' || region === 'br' ? 'pt-BR' : 'pt-PT';
  if (language === 'es') return 'es';
  if (language === 'en') return 'en';
  return 'pt-BR';
}
