import { z } from '../../core/zod';
import { deriveBackupKey, type BackupCounts, type BackupKey, type Book } from '../../core';
import { browserTimeZone } from '../../core/locale';
import { calendarDaysBetween, daysInMonth, localTime } from './local-time';
import { BACKUP_REASONS, type BackupReason } from './worker-protocol';

/**
 * The backup settings and record, kept in the book's `meta` store: never in a backup (a restore must not bring
 * back an old schedule or key) and out of reach of content scripts, unlike `storage.local`.
 */
export const BACKUP_META_KEYS = { settings: 'backup.settings', key: 'backup.key', last: 'backup.last', history: 'backup.history' } as const;

export const BACKUP_SCHEDULES = ['daily', 'weekly', 'monthly', 'off'] as const;
export type BackupSchedule = (typeof BACKUP_SCHEDULES)[number];

export interface BackupSettings {
  schedule: BackupSchedule;
  /** Files are encrypted with the key in `backup.key`; true exactly when that key is stored. */
  encrypt: boolean;
}

export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { schedule: 'weekly', encrypt: false };

/** One complete backup file: written only once the file is whole on disk (or handed to the browser). */
export interface BackupRecord {
  at: string;
  fileName: string;
  reason: BackupReason;
  encrypted: boolean;
  counts: BackupCounts;
  /** The browser's id for the download, so the screen can show the file in its folder. */
  downloadId?: number;
}

export interface BackupState {
  settings: BackupSettings;
  /** The derived key (non-extractable) when encryption is on; the passphrase itself is never stored. */
  key: BackupKey | null;
  last: BackupRecord | null;
  /** The latest records, oldest first, at most BACKUP_HISTORY_LENGTH. */
  history: BackupRecord[];
}

export const BACKUP_HISTORY_LENGTH = 20;

// What meta holds was written by this code, but perhaps by an older version of it: read leniently, never throw.
const settingsSchema = z.object({ schedule: z.enum(BACKUP_SCHEDULES).catch('weekly'), encrypt: z.boolean().catch(false) });
const recordSchema = z.object({
  at: z.string(),
  fileName: z.string(),
  reason: z.enum(BACKUP_REASONS),
  encrypted: z.boolean(),
  counts: z.record(z.string(), z.number()),
  downloadId: z.number().int().optional(),
});

function readRecord(value: unknown): BackupRecord | null {
  const parsed = recordSchema.safeParse(value);
  return parsed.success ? (parsed.data as BackupRecord) : null;
}

function isBackupKey(value: unknown): value is BackupKey {
  const key = value as Partial<BackupKey> | null | undefined;
  return !!key && typeof key === 'object' && typeof key.key === 'object' && key.salt instanceof Uint8Array && typeof key.iterations === 'number';
}

export async function readBackupState(book: Book): Promise<BackupState> {
  const [settings, key, last, history] = await Promise.all([
    book.meta.get(BACKUP_META_KEYS.settings),
    book.meta.get(BACKUP_META_KEYS.key),
    book.meta.get(BACKUP_META_KEYS.last),
    book.meta.get(BACKUP_META_KEYS.history),
  ]);
  const parsedSettings = settingsSchema.safeParse(settings);
  const storedKey = isBackupKey(key) ? key : null;
  return {
    // Encryption is on only with a key to encrypt with: never claim it without one.
    settings: parsedSettings.success ? { ...parsedSettings.data, encrypt: parsedSettings.data.encrypt && storedKey !== null } : { ...DEFAULT_BACKUP_SETTINGS },
    key: storedKey,
    last: readRecord(last),
    history: Array.isArray(history) ? history.map(readRecord).filter((record): record is BackupRecord => record !== null) : [],
  };
}

async function writeSettings(book: Book, change: Partial<BackupSettings>): Promise<BackupSettings> {
  const { settings } = await readBackupState(book);
  const next = { ...settings, ...change };
  await book.meta.set(BACKUP_META_KEYS.settings, next);
  return next;
}

export function saveSchedule(book: Book, schedule: BackupSchedule): Promise<BackupSettings> {
  return writeSettings(book, { schedule });
}

/**
 * Turns encryption on with the key derived from `passphrase` (PBKDF2 in core; it refuses one shorter than 8
 * characters), or off with null. The passphrase is never stored: the key is, non-extractable, with its salt and
 * iteration count, so scheduled backups encrypt without asking. The key is written before the setting that uses
 * it, and the setting turned off before the key goes, so no moment claims encryption without a key.
 */
export async function setEncryption(book: Book, passphrase: string | null): Promise<BackupSettings> {
  if (passphrase === null) {
    const settings = await writeSettings(book, { encrypt: false });
    await book.meta.delete(BACKUP_META_KEYS.key);
    return settings;
  }
  const key = await deriveBackupKey(passphrase);
  await book.meta.set(BACKUP_META_KEYS.key, key);
  return writeSettings(book, { encrypt: true });
}

/** Notes a complete backup file as the last one and appends it to the history (the latest 20). */
export async function recordBackup(book: Book, record: BackupRecord): Promise<BackupRecord> {
  const { history } = await readBackupState(book);
  await book.meta.set(BACKUP_META_KEYS.history, [...history, record].slice(-BACKUP_HISTORY_LENGTH));
  await book.meta.set(BACKUP_META_KEYS.last, record);
  return record;
}

/**
 * Whether a scheduled backup is due, by the seller's calendar (a daily copy made at 23:00 makes the next one due
 * after midnight, not 24 hours later): daily from the next day, weekly 7 days on, monthly on the same day of the
 * next month (or its last day). Any complete copy counts, manual ones too. A last copy dated after `now` (the
 * clock was wrong then) does not count.
 */
export function backupDue(state: Pick<BackupState, 'settings' | 'last'>, now: Date, timeZone: string = browserTimeZone()): boolean {
  const { schedule } = state.settings;
  if (schedule === 'off') return false;
  const lastAt = state.last ? new Date(state.last.at) : null;
  if (!lastAt || Number.isNaN(lastAt.getTime()) || lastAt > now) return true;
  if (schedule === 'daily') return calendarDaysBetween(lastAt, now, timeZone) >= 1;
  if (schedule === 'weekly') return calendarDaysBetween(lastAt, now, timeZone) >= 7;
  const last = localTime(lastAt, timeZone);
  const today = localTime(now, timeZone);
  const months = (today.year - last.year) * 12 + (today.month - last.month);
  return months > 1 || (months === 1 && today.day >= Math.min(last.day, daysInMonth(today.year, today.month)));
}

/** Calendar days since the last copy in the seller's zone ("Última cópia há 3 dias"), or null when there is none. */
export function daysSinceBackup(last: BackupRecord | null, now: Date, timeZone: string = browserTimeZone()): number | null {
  if (!last) return null;
  const at = new Date(last.at);
  return Number.isNaN(at.getTime()) ? null : Math.max(0, calendarDaysBetween(at, now, timeZone));
}
