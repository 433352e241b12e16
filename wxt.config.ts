import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

export default defineConfig({
  srcDir: 'extension',
  // Explicit imports everywhere: a reader (and the boundary lint) sees where every name comes from.
  imports: false,
  outDir: '.output',
  publicDir: 'extension/public',
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'pt_BR',
    // No permissions and no host permissions: content scripts declare the chat sites they run on, and the book
    // lives in the extension's own IndexedDB, which needs none.
    action: { default_title: 'Clientela' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'clientela@clientela.app',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
