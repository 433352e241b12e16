import { z } from '../zod';
import { throwIfCancelled } from './backup-checks';
import { BackupError } from './backup-format';
import { throttledProgress, type BackupProgress } from './backup-progress';
import { ByteReader } from './byte-reader';

export const ENCRYPTED_BACKUP_FORMAT = 'clientela-backup-encrypted';

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA-256. */
export const BACKUP_KDF_ITERATIONS = 600_000;
const MIN_PASSPHRASE_CHARS = 8;
/** A file asking for more is damaged or hostile: deriving would freeze the page for minutes. */
const MAX_ITERATIONS = 10_000_000;
const CHUNK_BYTES = 4 << 20;
const TAG_BYTES = 16;
/** The check's IV ends in an index no chunk reaches, so it never reuses a chunk's IV. */
const CHECK_INDEX = 0xffffffff;
const CHECK_TEXT = 'clientela-backup-check';

/** A key for encrypted backups: AES-GCM 256, non-extractable, and the salt and iterations it was derived with. */
export interface BackupKey {
  key: CryptoKey;
  salt: Uint8Array;
  iterations: number;
}

export interface CryptoOptions {
  signal?: AbortSignal;
  onProgress?: (progress: BackupProgress) => void;
}

const headerSchema = z.object({
  format: z.literal(ENCRYPTED_BACKUP_FORMAT),
  version: z.number().int().min(1),
  kdf: z.object({ name: z.literal('PBKDF2'), hash: z.literal('SHA-256'), iterations: z.number().int().min(1).max(MAX_ITERATIONS), salt: z.string().max(100) }),
  cipher: z.literal('AES-GCM'),
  chunkBytes: z.number().int().min(1024).max(64 << 20),
  nonce: z.string().max(100),
  check: z.string().max(200),
});

const subtle = () => globalThis.crypto.subtle;
const encoder = new TextEncoder();
const FORMAT_PREFIX = encoder.encode(`{"format":"${ENCRYPTED_BACKUP_FORMAT}"`);

/**
 * Derives the key for encrypted backups from a passphrase (PBKDF2-SHA-256, 600,000 iterations and a random
 * 16-byte salt unless given). The passphrase is never kept; the key cannot be exported, only used, so storing
 * it (in the book's meta, which backups never carry) lets scheduled backups encrypt without asking. Refuses
 * passphrases under 8 characters (`needs-passphrase`, naming `passphrase`).
 */
export async function deriveBackupKey(passphrase: string, options: { salt?: Uint8Array; iterations?: number } = {}): Promise<BackupKey> {
  if ([...passphrase.normalize('NFC')].length < MIN_PASSPHRASE_CHARS) {
    throw new BackupError('needs-passphrase', 'The passphrase is too short', [{ field: 'passphrase', message: `must have at least ${MIN_PASSPHRASE_CHARS} characters` }]);
  }
  return deriveKey(passphrase, options.salt ?? globalThis.crypto.getRandomValues(new Uint8Array(16)), options.iterations ?? BACKUP_KDF_ITERATIONS);
}

async function deriveKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<BackupKey> {
  // NFC: the same passphrase typed on another system may arrive decomposed (ç as c + ¸).
  const material = await subtle().importKey('raw', encoder.encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  const key = await subtle().deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, material, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  return { key, salt, iterations };
}

/** True when these first bytes of a file (40 are enough) open an encrypted backup. */
export function isEncryptedBackup(head: Uint8Array): boolean {
  return head.length >= FORMAT_PREFIX.length && FORMAT_PREFIX.every((byte, index) => head[index] === byte);
}

/**
 * Encrypts a backup file given as parts. The file: one line of JSON header (the KDF's salt and iterations, the
 * chunk size, an 8-byte nonce and `check`), then chunks of `chunkBytes` plaintext (the last one shorter), each
 * written as a 4-byte big-endian length and the AES-GCM ciphertext. A chunk's IV is the nonce and its index; its
 * additional data binds the index and whether it is the last, so a chunk dropped, moved or cut off is detected.
 * `check` is a constant encrypted under its own IV: a wrong passphrase fails it, a damaged chunk fails later.
 */
export async function encryptBackup(parts: readonly (string | Uint8Array)[], key: BackupKey, options: CryptoOptions = {}): Promise<Uint8Array[]> {
  const { signal } = options;
  throwIfCancelled(signal);
  const nonce = globalThis.crypto.getRandomValues(new Uint8Array(8));
  const check = await seal(key.key, nonce, CHECK_INDEX, encoder.encode('check'), encoder.encode(CHECK_TEXT));
  const header = {
    format: ENCRYPTED_BACKUP_FORMAT,
    version: 1,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: key.iterations, salt: toBase64(key.salt) },
    cipher: 'AES-GCM',
    chunkBytes: CHUNK_BYTES,
    nonce: toBase64(nonce),
    check: toBase64(check),
  } satisfies z.input<typeof headerSchema>;
  const out: Uint8Array[] = [encoder.encode(`${JSON.stringify(header)}\n`)];
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const report = throttledProgress(options.onProgress, 'encrypting', total);
  let done = 0;
  let index = 0;
  const buffer = new Uint8Array(CHUNK_BYTES);
  let fill = 0;
  const flush = async (final: boolean) => {
    throwIfCancelled(signal);
    // WebCrypto copies its input when called, so the buffer can be refilled while this runs.
    const sealed = await seal(key.key, nonce, index, chunkData(index, final), buffer.subarray(0, fill));
    out.push(uint32(sealed.length), sealed);
    index++;
    fill = 0;
    report(done);
  };
  for (const part of parts) {
    for (let read = 0; read < part.length; ) {
      if (fill === CHUNK_BYTES) await flush(false);
      if (typeof part === 'string') {
        const step = encoder.encodeInto(read === 0 ? part : part.slice(read), buffer.subarray(fill));
        read += step.read;
        fill += step.written;
        // The next character did not fit in what was left of the chunk: end the chunk a few bytes short.
        if (step.read === 0) await flush(false);
      } else {
        const take = Math.min(part.length - read, CHUNK_BYTES - fill);
        buffer.set(part.subarray(read, read + take), fill);
        read += take;
        fill += take;
      }
    }
    done += part.length;
  }
  await flush(true);
  return out;
}

/**
 * Decrypts an encrypted backup with the passphrase, deriving the key from the salt and iterations in its header.
 * A wrong passphrase rejects with `wrong-passphrase`; a file altered, reordered or cut short with `damaged`.
 */
export async function decryptBackup(data: Uint8Array | readonly Uint8Array[], passphrase: string, options: CryptoOptions = {}): Promise<Uint8Array[]> {
  const { signal } = options;
  throwIfCancelled(signal);
  const reader = new ByteReader(data instanceof Uint8Array ? [data] : data);
  const total = reader.remaining;
  const end = reader.indexOf(0x0a, 4096);
  if (end === -1) throw damaged('its first line is not an encrypted backup header');
  let header: z.infer<typeof headerSchema>;
  try {
    const raw = JSON.parse(new TextDecoder().decode(reader.read(end + 1))) as { version?: unknown };
    if (typeof raw.version === 'number' && raw.version > 1) throw new BackupError('newer-version', `The backup was encrypted by a newer Clientela (format version ${raw.version}). Update Clientela first`);
    header = headerSchema.parse(raw);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw damaged('its header is unreadable');
  }
  const salt = fromBase64(header.kdf.salt);
  const nonce = fromBase64(header.nonce);
  const check = fromBase64(header.check);
  if (!salt || !nonce || nonce.length !== 8 || !check) throw damaged('its header is unreadable');
  options.onProgress?.({ phase: 'decrypting', done: 0, total });
  const { key } = await deriveKey(passphrase, salt, header.kdf.iterations);
  const checked = await open(key, nonce, CHECK_INDEX, encoder.encode('check'), check);
  if (!checked) throw new BackupError('wrong-passphrase', 'The passphrase does not open this backup');
  if (new TextDecoder().decode(checked) !== CHECK_TEXT) throw damaged('its check is not the expected one');

  const report = throttledProgress(options.onProgress, 'decrypting', total);
  const plain: Uint8Array[] = [];
  for (let index = 0; reader.remaining > 0 || index === 0; index++) {
    throwIfCancelled(signal);
    if (reader.remaining < 4) throw damaged(`chunk ${index} is missing or cut short`);
    const length = new DataView(reader.read(4).slice().buffer).getUint32(0);
    if (length < TAG_BYTES || length > header.chunkBytes + TAG_BYTES || length > reader.remaining) throw damaged(`chunk ${index} is cut short or its length is wrong`);
    const sealed = reader.read(length);
    const opened = await open(key, nonce, index, chunkData(index, reader.remaining === 0), sealed);
    if (!opened) throw damaged(`chunk ${index} was altered, moved, or the file was cut after it`);
    plain.push(opened);
    report(total - reader.remaining);
  }
  return plain;
}

const damaged = (why: string) => new BackupError('damaged', `The encrypted backup is damaged: ${why}`);

function iv(nonce: Uint8Array, index: number): Uint8Array {
  const bytes = new Uint8Array(12);
  bytes.set(nonce);
  new DataView(bytes.buffer).setUint32(8, index);
  return bytes;
}

/** A chunk's additional data: its index and whether it is the last. */
function chunkData(index: number, final: boolean): Uint8Array {
  const bytes = new Uint8Array(5);
  new DataView(bytes.buffer).setUint32(0, index);
  bytes[4] = final ? 1 : 0;
  return bytes;
}

async function seal(key: CryptoKey, nonce: Uint8Array, index: number, additionalData: Uint8Array, plain: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv: iv(nonce, index) as BufferSource, additionalData: additionalData as BufferSource }, key, plain as BufferSource));
}

/** The plaintext, or null when the ciphertext, its IV or its additional data is not what was sealed. */
async function open(key: CryptoKey, nonce: Uint8Array, index: number, additionalData: Uint8Array, sealed: Uint8Array): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await subtle().decrypt({ name: 'AES-GCM', iv: iv(nonce, index) as BufferSource, additionalData: additionalData as BufferSource }, key, sealed as BufferSource));
  } catch {
    return null;
  }
}

function uint32(value: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value);
  return bytes;
}

function toBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

function fromBase64(text: string): Uint8Array | null {
  try {
    return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
}
