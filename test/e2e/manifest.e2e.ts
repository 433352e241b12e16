import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHOP_ORIGINS } from '../../extension/shops/shop-patterns';
import { SIDEBAR_SCRIPT } from '../../extension/shops/shop-scripts';
import { SITE_MATCHES } from '../../extension/sites/registry';

describe('built manifests', () => {
  for (const target of ['chrome-mv3', 'firefox-mv2']) {
    it(`${target} asks only for the sites it serves, and for a seller's own shop only when they add it`, async () => {
      const manifest = JSON.parse(await readFile(resolve(import.meta.dirname, '../../.output', target, 'manifest.json'), 'utf8'));
      const text = JSON.stringify(manifest);
      expect(text).not.toContain('<all_urls>');
      expect(text).not.toMatch(/"\*:\/\/\*\/\*"|"http:\/\/\*\/\*"/);
      const matches = manifest.content_scripts.flatMap((script: { matches: string[] }) => script.matches);
      expect([...new Set(matches)].sort()).toEqual([...SITE_MATCHES].sort());
      expect(manifest.host_permissions ?? []).toEqual([]);
      // unlimitedStorage: a big book outgrows the default quota. The offscreen document is Chrome's way for a service
      // worker to write a backup file (Firefox's background page does it itself); `scripting` registers the sidebar
      // on a shop the seller added (Firefox's contentScripts.register needs no permission). Downloads only when the
      // seller turns scheduled backups on.
      expect(manifest.permissions ?? []).toEqual(['storage', 'alarms', 'notifications', 'unlimitedStorage', ...(target === 'chrome-mv3' ? ['offscreen', 'scripting'] : [])]);
      expect((manifest.permissions ?? []).filter((p: string) => p.includes('://'))).toEqual([]);
      // Any https origin may be asked for, one at a time, from Configurações (extension/shops/); none is granted at install.
      if (target === 'chrome-mv3') {
        expect(manifest.optional_permissions).toEqual(['downloads']);
        expect(manifest.optional_host_permissions).toEqual([SHOP_ORIGINS]);
      } else {
        expect(manifest.optional_permissions).toEqual(['downloads', SHOP_ORIGINS]);
        expect(manifest.optional_host_permissions).toBeUndefined();
      }
      // `https://*/*` appears nowhere else (but in Chrome's web-accessible frame, checked below).
      const { optional_permissions: _optional, optional_host_permissions: _optionalHosts, web_accessible_resources: _resources, ...rest } = manifest;
      expect(JSON.stringify(rest)).not.toContain(SHOP_ORIGINS);
      expect(manifest.content_security_policy ?? null).toBeNull();
    });

    it(`${target} has the sidebar content script where the shops register it`, async () => {
      const manifest = JSON.parse(await readFile(resolve(import.meta.dirname, '../../.output', target, 'manifest.json'), 'utf8'));
      const sidebar = manifest.content_scripts.filter((script: { js: string[] }) => script.js.includes(SIDEBAR_SCRIPT));
      expect(sidebar.flatMap((script: { matches: string[] }) => script.matches).sort()).toEqual([...SITE_MATCHES].sort());
      await expect(readFile(resolve(import.meta.dirname, '../../.output', target, SIDEBAR_SCRIPT))).resolves.toBeInstanceOf(Buffer);
    });
  }

  it('chrome-mv3 lets https pages load the sidebar frame only through a dynamic URL, and runs the WhatsApp bridge as a main-world content script', async () => {
    const manifest = JSON.parse(await readFile(resolve(import.meta.dirname, '../../.output/chrome-mv3/manifest.json'), 'utf8'));
    // The seller's own shop domains are known only at run time; every fixed site is https, so covered as well.
    expect(manifest.web_accessible_resources).toEqual([{ resources: ['sidebar-frame.html'], matches: [SHOP_ORIGINS], use_dynamic_url: true }]);
    expect(SITE_MATCHES.every((pattern) => pattern.startsWith('https://'))).toBe(true);
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
