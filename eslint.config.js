// @ts-check
import tseslint from 'typescript-eslint';

/** Globals that belong to a browser page or an extension: core must not reach for them outside core/store. */
const BROWSER_GLOBALS = ['window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'indexedDB', 'IDBKeyRange', 'BroadcastChannel', 'browser', 'chrome', 'fetch', 'XMLHttpRequest', 'HTMLElement', 'Element', 'Node', 'MutationObserver'].map(
  (name) => ({ name, message: 'core/ is pure: take this as a parameter, or do it in core/store or a surface.' }),
);

/** Import patterns that would break the one-way doors between the four rooms (see ARCHITECTURE.md). */
const surfaces = (/** @type {string[]} */ names) => names.flatMap((name) => [`**/${name}`, `**/${name}/**`]);

/** zod only through core/zod.ts, which makes it jitless before any schema is built. */
const ZOD = [{ name: 'zod', message: "Import { z } from core/zod.ts: it sets zod's jitless mode before any schema is built." }];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'data/**', '.bench/**', 'extension/sites/*/fixtures/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='eval']", message: 'No eval: no remote or generated code.' },
        // The build also removes Preact's innerHTML write (scripts/strip-unsafe-sinks.ts): it must stay unreachable.
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No HTML strings: build the nodes (the build removes this path from Preact).' },
      ],
      'no-restricted-imports': ['error', { paths: ZOD }],
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: ZOD, patterns: [{ group: surfaces(['extension', 'widget', 'collector']), message: 'core/ imports no surface: surfaces import core.' }, { group: ['wxt', 'wxt/*', 'preact', 'preact/*', 'hono', 'hono/*', 'better-sqlite3'], message: 'core/ stays free of surface frameworks.' }] },
      ],
    },
  },
  {
    files: ['core/**/*.ts'],
    ignores: ['core/store/**', 'core/**/*.test.ts'],
    rules: { 'no-restricted-globals': ['error', ...BROWSER_GLOBALS] },
  },
  {
    files: ['extension/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { paths: ZOD, patterns: [{ group: surfaces(['widget', 'collector']), message: 'The extension and the widget never import each other; share through core/.' }] }],
    },
  },
  {
    // The book worker and what it loads: core and the worker protocol only. No screens or Preact (they would
    // only weigh), no extension APIs (a dedicated worker has none).
    files: ['extension/entrypoints/book-worker.ts', 'extension/backup/book-worker-service.ts', 'extension/backup/worker-protocol.ts', 'extension/backup/backup-settings.ts', 'extension/backup/local-time.ts', 'extension/entrypoints/import-worker.ts', 'extension/import/import-worker.ts', 'extension/import/import-protocol.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ZOD,
          patterns: [
            { group: surfaces(['widget', 'collector']), message: 'The extension and the widget never import each other; share through core/.' },
            { group: ['preact', 'preact/*', 'wxt/browser', 'intl-messageformat', ...surfaces(['ui', 'i18n', 'messaging', 'background', 'sites', 'host'])], message: 'The book worker runs core and the worker protocol only.' },
          ],
        },
      ],
    },
  },
  {
    // The content script (on every chat page, under a byte budget in test/e2e/manifest.e2e.ts) reads the page and
    // places the frame; it shows no words of ours, so it never carries the translation system.
    files: ['extension/entrypoints/sidebar.content.ts', 'extension/host/**/*.ts', 'extension/sites/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ZOD,
          patterns: [
            { group: surfaces(['widget', 'collector']), message: 'The extension and the widget never import each other; share through core/.' },
            { group: ['intl-messageformat', ...surfaces(['i18n', 'ui'])], message: 'The content script carries no translations: the sidebar frame shows the words.' },
          ],
        },
      ],
    },
  },
  {
    files: ['widget/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { paths: ZOD, patterns: [{ group: surfaces(['extension', 'collector']), message: 'The widget and the extension never import each other; share through core/.' }] }],
    },
  },
  {
    files: ['collector/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ZOD, patterns: [{ group: surfaces(['extension', 'widget']), message: 'The collector imports core/ only.' }] }],
    },
  },
  {
    files: ['core/zod.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
