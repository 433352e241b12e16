import { resolveLocale } from '../../../core/locale/locale';
import { startCatalog } from '../../i18n/load-catalog';
import { askFirstRows } from '../../ui/book/customers/first-rows';
import { prefetchScreenOf } from '../../ui/book/app/screens';

// The first rows of the Clientes list (or Hoje's list) are asked for before the app's scripts are evaluated (a
// quarter of a second at 100k customers on a 2-core machine), so the answer arrives meanwhile: this module imports
// nothing heavy (the locale's name, the catalog loader), and the app comes in by a dynamic import after the
// request is on its way. Firefox names the API `browser`.
type Runtime = { runtime: { sendMessage: (message: unknown) => Promise<unknown> } };
const scope = globalThis as unknown as { browser?: Runtime; chrome: Runtime };
askFirstRows((request) => (scope.browser ?? scope.chrome).runtime.sendMessage(request));
// The seller's language only (the page's locale is the browser's, as in book-app.tsx): fetched beside the app.
startCatalog(resolveLocale(navigator.language));
void import('./start');
// A page opened on another screen than Hoje fetches that screen beside the app (screens.ts).
prefetchScreenOf(location.hash);
