// Every catalog, registered for translate(): imported first by the contexts that may speak any language (the
// background's notifications, the sidebar frame, the popup) and by the tests. The book page loads only the
// seller's (load-catalog.ts).
import type { Locale } from '../../core/locale';
import { en } from './messages/en';
import { es } from './messages/es';
import { ptBR } from './messages/pt-br';
import { ptPT } from './messages/pt-pt';
import { addCatalog, type Catalog } from './translate';

export const CATALOGS: Readonly<Record<Locale, Catalog>> = { 'pt-BR': ptBR, 'pt-PT': ptPT, es, en };

for (const [locale, catalog] of Object.entries(CATALOGS) as [Locale, Catalog][]) addCatalog(locale, catalog);
