// The one catalog a book page needs, fetched on its own: this module imports nothing else that is heavy, so the
// page's first script can ask for it while the app's scripts load (entrypoints/book/main.tsx).
import type { Locale } from '../../core/locale/locale';
import type { Catalog } from './translate';

/** The messages of `locale`, from their own chunk. */
export function importCatalog(locale: Locale): Promise<Catalog> {
  switch (locale) {
    case 'pt-BR':
      return import('./messages/pt-br').then((module) => module.ptBR);
    case 'pt-PT':
      return import('./messages/pt-pt').then((module) => module.ptPT);
    case 'es':
      return import('./messages/es').then((module) => module.es);
    case 'en':
      return import('./messages/en').then((module) => module.en);
  }
}

const KEY = '__clientelaCatalog';

/** Asks for the catalog of `locale` as the page starts (the book page's first script); startedCatalog takes it. */
export function startCatalog(locale: Locale): void {
  const promise = importCatalog(locale);
  // A failure is the taker's to report.
  promise.catch(() => undefined);
  (globalThis as Record<string, unknown>)[KEY] = { locale, promise };
}

/** The catalog asked for as the page started, or asked now for `locale` when none was (or another locale's). */
export function startedCatalog(locale: Locale): Promise<Catalog> {
  const scope = globalThis as Record<string, unknown>;
  const started = scope[KEY] as { locale: Locale; promise: Promise<Catalog> } | undefined;
  delete scope[KEY];
  return started?.locale === locale ? started.promise : importCatalog(locale);
}
