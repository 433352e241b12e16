import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITE_MATCHES } from '../../extension/sites/registry';

describe('built manifests', () => {
  for (const target of ['chrome-mv3', 'firefox-mv2']) {
    it(`${target} asks only for the sites it serves`, async () => {
      const manifest = JSON.parse(await readFile(resolve(import.meta.dirname, '../../.output', target, 'manifest.json'), 'utf8'));
      const text = JSON.stringify(manifest);
      expect(text).not.toContain('<all_urls>');
      expect(text).not.toMatch(/"\*:\/\/\*\/\*"|"https?:\/\/\*\/\*"/);
      const matches = manifest.content_scripts.flatMap((script: { matches: string[] }) => script.matches);
      expect([...new Set(matches)].sort()).toEqual([...SITE_MATCHES].sort());
      expect(manifest.host_permissions ?? []).toEqual([]);
      // unlimitedStorage: a big book outgrows the default quota. The offscreen document is Chrome's way for a service
      // worker to write a backup file (Firefox's background page does it itself). Downloads only when the seller
      // turns scheduled backups on.
      expect(manifest.permissions ?? []).toEqual(['storage', 'alarms', 'notifications', 'unlimitedStorage', ...(target === 'chrome-mv3' ? ['offscreen'] : [])]);
      expect(manifest.optional_permissions).toEqual(['downloads']);
      expect((manifest.permissions ?? []).filter((p: string) => p.includes('://'))).toEqual([]);
      expect(manifest.content_security_policy ?? null).toBeNull();
    });
  }

  it('chrome-mv3 lets only the chat sites load the sidebar frame, through a dynamic URL, and runs the WhatsApp bridge as a main-world content script', async () => {
    const manifest = JSON.parse(await readFile(resolve(import.meta.dirname, '../../.output/chrome-mv3/manifest.json'), 'utf8'));
    const origins = [...new Set(SITE_MATCHES.map((pattern) => `${new URL(pattern.replace(/\*$/, '')).origin}/*`))];
    expect(manifest.web_accessible_resources).toEqual([{ resources: ['sidebar-frame.html'], matches: origins, use_dynamic_url: true }]);
    const bridge = manifest.content_scripts.filter((script: { world?: string }) => script.world === 'MAIN');
    expect(bridge).toEqual([{ matches: ['https://web.whatsapp.com/*'], run_at: 'document_start', js: ['content-scripts/whatsapp-main-world.js'], world: 'MAIN' }]);
  });

  it('builds the book and import workers for both, and the offscreen document only for Chrome', async () => {
    const built = async (target: string, file: string) => readFile(resolve(import.meta.dirname, '../../.output', target, file)).then(() => true, () => false);
    for (const worker of ['book-worker.js', 'import-worker.js']) {
      expect(await built('chrome-mv3', worker)).toBe(true);
      expect(await built('firefox-mv2', worker)).toBe(true);
    }
    expect(await built('chrome-mv3', 'offscreen.html')).toBe(true);
    expect(await built('firefox-mv2', 'offscreen.html')).toBe(false);
  });

  // The book worker carries core (the store, backups, zod, phone metadata: 97.3 KB gzip measured) and nothing of
  // the screens; Preact, the message catalogs or the import's readers pulled in would show here. The import worker
  // carries the same core plus the CSV readers, papaparse and SheetJS CE (230.7 KB gzip measured), loaded only
  // when the seller imports a file.
  const WORKER_BUDGETS = { 'book-worker.js': 100 * 1024, 'import-worker.js': 240 * 1024 };
  for (const target of ['chrome-mv3', 'firefox-mv2']) {
    for (const [worker, budget] of Object.entries(WORKER_BUDGETS)) {
      it(`${target} ${worker} stays within ${budget} bytes gzipped`, async () => {
        const script = await readFile(resolve(import.meta.dirname, '../../.output', target, worker));
        expect(gzipSync(script, { level: 9 }).byteLength).toBeLessThanOrEqual(budget);
      });
    }
  }

  it('firefox-mv2 makes web-accessible only what must be (MV2 has no matches): the sidebar frame and the WhatsApp bridge', async () => {
    const manifest = JSON.parse(await readFile(resolve(import.meta.dirname, '../../.output/firefox-mv2/manifest.json'), 'utf8'));
    expect([...manifest.web_accessible_resources].sort()).toEqual(['sidebar-frame.html', 'whatsapp-bridge.js']);
  });

  // The sidebar runs on every chat page and asks the background for data, so core (zod, segments, storage)
  // stays out of it; an import of core's index pulls all of it in (52 KB gzip measured), which this catches.
  const CONTENT_SCRIPT_BUDGET_BYTES = 30 * 1024;
  for (const target of ['chrome-mv3', 'firefox-mv2']) {
    it(`${target} content script stays within ${CONTENT_SCRIPT_BUDGET_BYTES} bytes gzipped`, async () => {
      const script = await readFile(resolve(import.meta.dirname, '../../.output', target, 'content-scripts/sidebar.js'));
      expect(gzipSync(script, { level: 9 }).byteLength).toBeLessThanOrEqual(CONTENT_SCRIPT_BUDGET_BYTES);
    });
  }
});
