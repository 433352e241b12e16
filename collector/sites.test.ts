import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadOrCreateSites, parseSites, SitesFileError } from './sites';
import { spawnCollector, tempDir } from './test-kit';

const good = { key: 'loja', origins: ['https://loja.example'], token: 'read-token-0123456789' };

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
    expect(fieldOf({ sites: [good, good] })).toBe('sites[1].key');
  });

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
