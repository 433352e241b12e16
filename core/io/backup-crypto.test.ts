import { describe, expect, it } from 'vitest';
import type { Book } from '../store';
import { bookWithEverything, openTestBook } from '../store/test-book';
import { BackupError } from './backup-format';
import { BACKUP_KDF_ITERATIONS, decryptBackup, deriveBackupKey, encryptBackup, isEncryptedBackup } from './backup-crypto';
import type { BackupProgress } from './backup-progress';
import { restoreBackupFile } from './backup-restore';
import { writeBackup } from './backup-write';

const PASSPHRASE = 'Conceição 2026 ✓';
// Few iterations keep the tests quick; the file records them, so decryption derives the same key.
const quickKey = () => deriveBackupKey(PASSPHRASE, { iterations: 1000 });
const join = (chunks: readonly Uint8Array[]) => {
  const out = new Uint8Array(chunks.reduce((sum, c) => sum + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
};
const text = (chunks: readonly Uint8Array[]) => new TextDecoder().decode(join(chunks));

async function failure(promise: Promise<unknown>): Promise<BackupError> {
  const error = await promise.then(
    () => new Error('it worked'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BackupError);
  return error as BackupError;
}

/** A book whose backup spans two 4 MiB chunks and a bit (long custom fields, with accents); only read from. */
let threeChunks: Promise<{ book: Book; parts: string[] }> | undefined;
function bookOfThreeChunks(): Promise<{ book: Book; parts: string[] }> {
  threeChunks ??= (async () => {
    const book = await bookWithEverything();
    const bio = 'Cliente fiel, gosta de peças em algodão; ações de fidelidade 👍 '.repeat(30).slice(0, 1990);
    await book.customers.createMany(Array.from({ length: 4400 }, (_, i) => ({ displayName: `Cliente ${i}`, customFields: { bio } })));
    return { book, parts: (await writeBackup(book)).parts };
  })();
  return threeChunks;
}

/** Big files on a busy 2-core machine: room beyond the default 5 s (no test asserts a duration). */
const BIG = 60_000;

describe('encrypted backups', () => {
  it('derives a non-extractable AES-GCM key with 600,000 PBKDF2 iterations and a fresh salt, and refuses short passphrases', async () => {
    const backupKey = await deriveBackupKey(PASSPHRASE);
    expect(backupKey.iterations).toBe(BACKUP_KDF_ITERATIONS);
    expect(BACKUP_KDF_ITERATIONS).toBe(600_000);
    expect(backupKey.salt.length).toBe(16);
    expect(backupKey.key).toMatchObject({ extractable: false, algorithm: { name: 'AES-GCM', length: 256 } });
    expect([...backupKey.key.usages].sort()).toEqual(['decrypt', 'encrypt']);
    await expect(globalThis.crypto.subtle.exportKey('raw', backupKey.key)).rejects.toThrow();
    const other = await deriveBackupKey(PASSPHRASE, { iterations: 1000 });
    expect(other.salt).not.toEqual(backupKey.salt);
    const short = await failure(deriveBackupKey('1234567'));
    expect(short.code).toBe('needs-passphrase');
    expect(short.problems).toEqual([{ field: 'passphrase', message: 'must have at least 8 characters' }]);
  });

  it('round-trips a backup, and a restore asks for the passphrase and gives back the same book', async () => {
    const source = await bookWithEverything();
    const { parts } = await writeBackup(source);
    const encrypted = await encryptBackup(parts, await quickKey());
    expect(isEncryptedBackup(encrypted[0]!)).toBe(true);
    expect(isEncryptedBackup(new TextEncoder().encode(parts[0]!))).toBe(false);
    expect(text(encrypted)).not.toContain('Ana Souza');
    expect(text(await decryptBackup(encrypted, PASSPHRASE))).toBe(parts.join(''));

    const target = await openTestBook();
    expect((await failure(restoreBackupFile(target, encrypted))).code).toBe('needs-passphrase');
    const phases = new Set<BackupProgress['phase']>();
    await restoreBackupFile(target, join(encrypted), { passphrase: PASSPHRASE.normalize('NFD'), onProgress: (p) => phases.add(p.phase) });
    expect(await target.exportAll()).toEqual(await source.exportAll());
    expect([...phases]).toEqual(['decrypting', 'writing']);
  });

  it('splits big files into 4 MiB chunks, a character that does not fit at a chunk end included, and reports progress', async () => {
    // 1 byte short of a chunk, then text that starts with a two-byte ç: it must move whole to the next chunk.
    const parts = [new Uint8Array(4 * 1024 * 1024 - 1).fill(0x61), `ção${'é'.repeat(2_500_000)}`, new TextEncoder().encode('fim ✓')];
    const expected = new TextEncoder().encode(`${'a'.repeat(4 * 1024 * 1024 - 1)}ção${'é'.repeat(2_500_000)}fim ✓`);
    const progress: BackupProgress[] = [];
    const encrypted = await encryptBackup(parts, await quickKey(), { onProgress: (p) => progress.push(p) });
    expect(encrypted.length).toBe(1 + 2 * 3);
    const total = parts.reduce((sum, part) => sum + part.length, 0);
    expect(progress.at(-1)).toEqual({ phase: 'encrypting', done: total, total });
    // Compared as one flag: a diff of two 9 MB arrays would take minutes to print.
    expect(Buffer.from(join(await decryptBackup([join(encrypted)], PASSPHRASE))).equals(expected)).toBe(true);

    const source = await bookOfThreeChunks();
    const target = await openTestBook();
    await restoreBackupFile(target, await encryptBackup(source.parts, await quickKey()), { passphrase: PASSPHRASE });
    expect(await target.customers.count()).toBe(4401);
    expect(await target.customers.list()).toEqual(await source.book.customers.list());
  }, BIG);

  it('tells a wrong passphrase from a damaged file, and leaves the book untouched either way', async () => {
    const encrypted = await encryptBackup((await bookOfThreeChunks()).parts, await quickKey());
    const book = await bookWithEverything();
    const before = await book.exportAll();
    const whole = join(encrypted);
    const flipped = whole.slice();
    flipped[whole.length - 5_000_000]! ^= 1;
    const headerFlipped = whole.slice();
    headerFlipped[encrypted[0]!.length + 2]! ^= 1;
    const cases: [string, Uint8Array | Uint8Array[], string, BackupError['code']][] = [
      ['wrong passphrase', encrypted, 'Conceicao 2026 ✓', 'wrong-passphrase'],
      ['one flipped byte', flipped, PASSPHRASE, 'damaged'],
      ['a chunk length changed', headerFlipped, PASSPHRASE, 'damaged'],
      ['a dropped chunk', [...encrypted.slice(0, 3), ...encrypted.slice(5)], PASSPHRASE, 'damaged'],
      ['two chunks swapped', [encrypted[0]!, ...encrypted.slice(3, 5), ...encrypted.slice(1, 3), ...encrypted.slice(5)], PASSPHRASE, 'damaged'],
      ['cut at a chunk boundary', encrypted.slice(0, 5), PASSPHRASE, 'damaged'],
      ['cut inside a chunk', whole.subarray(0, whole.length - 100), PASSPHRASE, 'damaged'],
      ['cut after the header', encrypted.slice(0, 1), PASSPHRASE, 'damaged'],
      ['a header that is not one', [new TextEncoder().encode('{"format":"clientela-backup-encrypted","version":1}\n'), ...encrypted.slice(1)], PASSPHRASE, 'damaged'],
    ];
    for (const [label, data, passphrase, code] of cases) {
      expect((await failure(decryptBackup(data, passphrase))).code, label).toBe(code);
      expect((await failure(restoreBackupFile(book, data, { passphrase }))).code, label).toBe(code);
      expect(await book.exportAll(), label).toEqual(before);
    }
  }, BIG);

  it('stops when cancelled', async () => {
    const { parts } = await bookOfThreeChunks();
    const key = await quickKey();
    const controller = new AbortController();
    const encrypting = encryptBackup(parts, key, { signal: controller.signal, onProgress: () => controller.abort() });
    expect((await failure(encrypting)).code).toBe('cancelled');
    const encrypted = await encryptBackup(parts, key);
    const book = await bookWithEverything();
    const before = await book.exportAll();
    const restoring = new AbortController();
    const error = await failure(restoreBackupFile(book, encrypted, { passphrase: PASSPHRASE, signal: restoring.signal, onProgress: (p) => p.done > 0 && restoring.abort() }));
    expect(error.code).toBe('cancelled');
    expect(await book.exportAll()).toEqual(before);
  }, BIG);
});
