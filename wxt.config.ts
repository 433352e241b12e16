import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { SHOP_ORIGINS } from './extension/shops/shop-patterns';
import { appChunk } from './scripts/app-chunk';
import { jsonModules } from './scripts/json-modules';
import { preloadAppChunks } from './scripts/preload-app-chunks';
import { stripUnsafeSinks } from './scripts/strip-unsafe-sinks';

export default defineConfig({
  srcDir: 'extension',
  // Explicit imports everywhere: a reader (and the boundary lint) sees where every name comes from.
  imports: false,
  outDir: '.output',
  publicDir: 'extension/public',
  // preloadAppChunks: the book page's app (entrypoints/book/start.tsx) is fetched while its first script runs
  // (scripts/preload-app-chunks.ts); of the languages, only the seller's is fetched, and of the screens other than
  // Hoje, only the one the page opens on, by that script (ui/book/app/screens.ts).
  // jsonModules: a library's large JSON value (libphonenumber's metadata) is read with JSON.parse, not run as code.
  // stripUnsafeSinks: no innerHTML write and no Function constructor in the bundles (web-ext lint: 0 warnings).
  vite: () => ({ plugins: [preact(), stripUnsafeSinks(), jsonModules(), preloadAppChunks((chunk) => (chunk.moduleIds ?? []).some((id) => id.endsWith('/entrypoints/book/start.tsx'))), appChunk('book-app', (id) => id.endsWith('/entrypoints/book/start.tsx'), (id) => id.includes('/entrypoints/book/'))] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'pt_BR',
    // No host permissions: content scripts declare the chat sites they run on, and the book lives in the
    // extension's own IndexedDB. `storage` keeps small sidebar preferences (collapsed or not).
    // `alarms` and `notifications` remind the seller of follow-ups that fall due (and time scheduled backups).
    // `unlimitedStorage`: a book of a million orders is hundreds of MB, past the default quota. `offscreen`
    // (Chrome): the service worker writes backup files through an offscreen document (backup/offscreen-relay.ts).
    // `scripting` (Chrome): the sidebar is registered at run time on the seller's own shop domain
    // (shops/shop-registrations.ts); Firefox MV2's contentScripts.register needs no permission of its own.
    permissions: ['storage', 'alarms', 'notifications', 'unlimitedStorage', ...(browser === 'firefox' ? [] : ['offscreen', 'scripting'])],
    // Scheduled backups save into Downloads/Clientela: asked when the seller turns the schedule on, not at install.
    // A shop on the seller's own domain (WooCommerce and other self-hosted stores): that one origin is asked from
    // Configurações when the seller adds it (`permissions.request({ origins: ['https://loja.com.br/*'] })`) and
    // given back when they remove it. `https://*/*` here is only the ceiling of what may be asked, never granted
    // at install; MV2 keeps optional hosts in optional_permissions, MV3 in optional_host_permissions.
    optional_permissions: browser === 'firefox' ? ['downloads', SHOP_ORIGINS] : ['downloads'],
    ...(browser === 'firefox' ? {} : { optional_host_permissions: [SHOP_ORIGINS] }),
    // The sidebar frame is an extension page placed in the host sites' pages, so they must be able to load it. Those
    // are the fixed sites (every one https) and the seller's own shop domains, known only at run time; Chrome cannot
    // change `matches` then, so on Chrome any https page may load the frame, and only through the per-session dynamic
    // URL: it changes every session, so no site can probe for the extension. A site that learned it (a page we
    // placed the frame in can read its src) gets a blank frame: the sidebar draws nothing until the content script
    // that placed it says hello over extension messaging, which no page can reach (ui/sidebar/host-link.ts).
    // Firefox MV2 has no `matches`: its list holds only what must be there (the frame, and the WhatsApp bridge,
    // which MV2 cannot run as a main-world content script).
    web_accessible_resources:
      browser === 'firefox'
        ? (['sidebar-frame.html', 'whatsapp-bridge.js'] as unknown as [])
        : [{ resources: ['sidebar-frame.html'], matches: [SHOP_ORIGINS], use_dynamic_url: true }],
    action: { default_title: 'Clientela' },
    // The toolbar button opens the sidebar in search mode on any page; this is its keyboard shortcut.
    commands: {
      [browser === 'firefox' ? '_execute_browser_action' : '_execute_action']: { suggested_key: { default: 'Alt+Shift+K' }, description: 'Open Clientela' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'clientela@clientela.app',
              // 140 (the oldest ESR still supported) is the first to read data_collection_permissions.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
