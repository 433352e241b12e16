import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { loadOrCreateSites, newSite, parseSites, SitesFileError } from './sites';
import { startCollector } from './start-collector';
import { SHOP, spawnCollector, tempDir } from './test-kit';

const good = { key: 'loja', origins: ['https://loja.example'], token: '88d42064c4782c603d8c6a0395c9afa2' };

function fieldOf(json: unknown): string {
  try {
    parseSites('sites.json', json);
  } catch (error) {
    if (error instanceof SitesFileError) return error.field;
    throw error;
  }
  return '(valid)';
}

describe('sites file', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => (temp = tempDir()));
  afterEach(() => temp.remove());

  it('names the bad field', () => {
    expect(fieldOf({ sites: [good] })).toBe('(valid)');
    expect(fieldOf({})).toBe('sites');
    expect(fieldOf({ sites: [{ ...good, key: 'has space' }] })).toBe('sites[0].key');
    expect(fieldOf({ sites: [good, { ...good, origins: ['https://ok.example', 'https://loja.example/'] }] })).toBe('sites[1].origins[1]');
    expect(fieldOf({ sites: [{ ...good, origins: ['loja.example'] }] })).toBe('sites[0].origins[0]');
    expect(fieldOf({ sites: [{ ...good, origins: [] }] })).toBe('sites[0].origins');
    expect(fieldOf({ sites: [{ ...good, token: 'short' }] })).toBe('sites[0].token');
    expect(fieldOf({ sites: [{ ...good, secret: 'short' }] })).toBe('sites[0].secret');
    expect(fieldOf({ sites: [good, { ...good, key: 'outra', token: 'shop-read-token-0123456789' }] })).toBe('sites[1].token');
    expect(fieldOf({ sites: [good, good] })).toBe('sites[1].key');
  });

  it('refuses a weak token or secret, saying why and how to generate one', () => {
    expect(() => parseSites('sites.json', { sites: [{ ...good, token: 'token-de-leitura-da-loja-e2e' }] })).toThrow(
      'sites.json: sites[0].token: reads as words, not random characters: generate one with `node .output/collector/server.mjs new-site <key> <origin>…` (or `openssl rand -base64 24`)',
    );
    expect(() => parseSites('sites.json', { sites: [{ ...good, secret: 'DbX92K0cdwOzPDm65yzrG' }] })).toThrow(/sites\[0\]\.secret: is too short: 21 base64url characters/);
  });

  it('makes in-process collectors refuse weak tokens as well', async () => {
    await expect(startCollector({ dataDir: temp.dir, sites: [{ ...SHOP, token: 'segredo-da-loja-123456' }], port: 0, log: () => undefined })).rejects.toThrow(
      /^startCollector options: sites\[0\]\.token: has a run of 6/,
    );
  });

  it('makes new site entries with fresh strong credentials, checking the key and origins', () => {
    const site = newSite('loja', ['https://loja.example']);
    expect(parseSites('sites.json', { sites: [site] })).toEqual([site]);
    expect(site.token).not.toBe(site.secret);
    expect(newSite('loja', ['https://loja.example']).token).not.toBe(site.token);
    expect(() => newSite('loja', ['https://loja.example/'])).toThrow(/^new-site: origins\[0\]: must be an origin/);
    expect(() => newSite('has space', ['https://loja.example'])).toThrow(/^new-site: key: /);
  });

  it('prints a new site entry from the command line, ready to paste', () => {
    const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'collector/server.ts', ...args], { cwd: resolve(import.meta.dirname, '..'), encoding: 'utf8' });
    const printed = run('new-site', 'loja', 'https://loja.example', 'https://www.loja.example');
    expect(printed.status).toBe(0);
    const site = JSON.parse(printed.stdout) as { origins: string[] };
    expect(parseSites('sites.json', { sites: [site] })[0]?.origins).toEqual(['https://loja.example', 'https://www.loja.example']);
    expect(printed.stderr).toMatch(/Add this entry to the "sites" list/);
    const wrong = run('new-site', 'loja', 'loja.example');
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/new-site: origins\[0\]: must be an origin/);
    expect(run('new-site').stderr).toMatch(/usage: new-site <key> <origin>/);
  }, 20_000);

  it('writes a demo site with random credentials on first start, owner-only, and reads it back after', () => {
    const file = join(temp.dir, 'nested', 'sites.json');
    const first = loadOrCreateSites(file);
    expect(first.created).toBe(true);
    expect(first.sites[0]).toMatchObject({ key: 'demo', origins: ['http://127.0.0.1:8788', 'http://localhost:8788'] });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const second = loadOrCreateSites(file);
    expect(second).toEqual({ sites: first.sites, created: false });
    expect(loadOrCreateSites(join(temp.dir, 'again.json')).sites[0]?.token).not.toBe(first.sites[0]?.token);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ sites: first.sites });
  });

  it('makes the server exit 1 with a message naming the field', async () => {
    const file = join(temp.dir, 'sites.json');
    writeFileSync(file, JSON.stringify({ sites: [{ ...good, origins: ['ftp://loja.example'] }] }));
    await expect(spawnCollector({ CLIENTELA_DATA: temp.dir })).rejects.toThrow(/exited with 1 before listening: .*sites\[0\]\.origins\[0\]: must be an origin/);
    writeFileSync(file, '{ "sites": [ ');
    await expect(spawnCollector({ CLIENTELA_SITES: file, CLIENTELA_DATA: temp.dir })).rejects.toThrow(/exited with 1 before listening: .*is not valid JSON/);
  }, 20_000);
});
