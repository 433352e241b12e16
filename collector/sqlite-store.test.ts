import { chmodSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteFeedbackStore } from './sqlite-store';
import { tempDir } from './test-kit';

const mode = (path: string) => statSync(path).mode & 0o7777;

describe('SQLite store files', () => {
  let temp: ReturnType<typeof tempDir>;
  let umask: number;
  beforeEach(() => {
    temp = tempDir();
    // The loosest umask: modes must come from the store, not from the environment.
    umask = process.umask(0);
  });
  afterEach(() => {
    process.umask(umask);
    temp.remove();
  });

  /** Opens a store on `dir`, writes once (so SQLite creates the WAL and its index), returns the database file. */
  async function openAndWrite(dir: string): Promise<{ file: string; store: SqliteFeedbackStore }> {
    const store = SqliteFeedbackStore.open(dir);
    await store.countScreened('shop', 'honeypot', '2026-11-22');
    return { file: join(dir, 'collector.sqlite'), store };
  }

  it('creates the data folder 0700 and the database, WAL and shared-memory files 0600 whatever the umask', async () => {
    const dir = join(temp.dir, 'new/data');
    const { file, store } = await openAndWrite(dir);
    expect(mode(dir).toString(8)).toBe('700');
    for (const path of [file, `${file}-wal`, `${file}-shm`]) expect(mode(path).toString(8)).toBe('600');
    await store.close();
  });

  it('tightens an existing folder of ours and files left by an older collector or a crash', async () => {
    const dir = join(temp.dir, 'data');
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    const file = join(dir, 'collector.sqlite');
    for (const path of [file, `${file}-wal`, `${file}-shm`]) writeFileSync(path, '', { mode: 0o644 });
    const { store } = await openAndWrite(dir);
    expect(mode(dir).toString(8)).toBe('700');
    for (const path of [file, `${file}-wal`, `${file}-shm`]) expect(mode(path).toString(8)).toBe('600');
    await store.close();
  });

  it('leaves a shared sticky folder (like /tmp) as it is, with the files in it still 0600', async () => {
    const dir = join(temp.dir, 'shared');
    mkdirSync(dir);
    chmodSync(dir, 0o1777);
    const { file, store } = await openAndWrite(dir);
    expect(mode(dir).toString(8)).toBe('1777');
    expect(mode(file).toString(8)).toBe('600');
    await store.close();
  });
});
