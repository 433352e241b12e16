import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SERVED_SITES = ['https://web.whatsapp.com/*'];

describe('built manifests', () => {
  for (const target of ['chrome-mv3', 'firefox-mv2']) {
    it(`${target} asks only for the sites it serves`, async () => {
      const manifest = JSON.parse(await readFile(resolve(import.meta.dirname, '../../.output', target, 'manifest.json'), 'utf8'));
      const text = JSON.stringify(manifest);
      expect(text).not.toContain('<all_urls>');
      expect(text).not.toMatch(/"\*:\/\/\*\/\*"|"https?:\/\/\*\/\*"/);
      const matches = manifest.content_scripts.flatMap((script: { matches: string[] }) => script.matches);
      expect(matches.every((match: string) => SERVED_SITES.includes(match))).toBe(true);
      expect(manifest.host_permissions ?? []).toEqual([]);
      expect((manifest.permissions ?? []).filter((p: string) => p.includes('://'))).toEqual([]);
      expect(manifest.content_security_policy ?? null).toBeNull();
    });
  }
});
