import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { SITE_MATCHES } from './extension/sites/registry';
import { stripUnsafeSinks } from './scripts/strip-unsafe-sinks';

// Chrome accepts only whole origins (path `/*`) in web_accessible_resources.matches.
const SITE_ORIGINS = [...new Set(SITE_MATCHES.map((pattern) => `${new URL(pattern.replace(/\*$/, '')).origin}/*`))];

export default defineConfig({
  srcDir: 'extension',
  // Explicit imports everywhere: a reader (and the boundary lint) sees where every name comes from.
  imports: false,
  outDir: '.output',
  publicDir: 'extension/public',
  // stripUnsafeSinks: no innerHTML write and no Function constructor in the bundles (web-ext lint: 0 warnings).
  vite: () => ({ plugins: [preact(), stripUnsafeSinks()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'pt_BR',
    // No host permissions: content scripts declare the chat sites they run on, and the book lives in the
    // extension's own IndexedDB. `storage` keeps small sidebar preferences (collapsed or not).
    // `alarms` and `notifications` remind the seller of follow-ups that fall due (and time scheduled backups).
    // `unlimitedStorage`: a book of a million orders is hundreds of MB, past the default quota. `offscreen`
    // (Chrome): the service worker writes backup files through an offscreen document (backup/offscreen-relay.ts).
    permissions: ['storage', 'alarms', 'notifications', 'unlimitedStorage', ...(browser === 'firefox' ? [] : ['offscreen'])],
    // Scheduled backups save into Downloads/Clientela: asked when the seller turns the schedule on, not at install.
    optional_permissions: ['downloads'],
    // The sidebar frame is an extension page placed in the chat sites' pages, so they must be able to load it. On
    // Chrome only those sites, and through a per-session dynamic URL that cannot fingerprint the extension. Firefox
    // MV2 has no `matches`: its list holds only what must be there (the frame, and the WhatsApp bridge, which MV2
    // cannot run as a main-world content script).
    web_accessible_resources:
      browser === 'firefox'
        ? (['sidebar-frame.html', 'whatsapp-bridge.js'] as unknown as [])
        : [{ resources: ['sidebar-frame.html'], matches: SITE_ORIGINS, use_dynamic_url: true }],
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
