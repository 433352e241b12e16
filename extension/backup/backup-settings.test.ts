import { describe, expect, it } from 'vitest';
import { openBook } from '../../core';
import { openTestBook } from '../../core/store/test-book';
import {
  BACKUP_META_KEYS,
  backupDue,
  daysSinceBackup,
  DEFAULT_BACKUP_SETTINGS,
  readBackupState,
  recordBackup,
  saveSchedule,
  setEncryption,
  type BackupRecord,
  type BackupSchedule,
} from './backup-settings';

const SP = 'America/Sao_Paulo';
const COUNTS = { tags: 0, customers: 2, orders: 3, notes: 0, feedback: 0, followUps: 0, segments: 0, quickReplies: 0 };

const record = (at: string, extra: Partial<BackupRecord> = {}): BackupRecord => ({ at, fileName: `Clientela/clientela-backup-${at}.json`, reason: 'scheduled', encrypted: false, counts: COUNTS, ...extra });
const due = (schedule: BackupSchedule, lastAt: string | null, now: string, timeZone = SP) =>
  backupDue({ settings: { schedule, encrypt: false }, last: lastAt ? record(lastAt) : null }, new Date(now), timeZone);

describe('when a scheduled backup is due', () => {
  it('is never due with the schedule off, even with no copy at all', () => {
    expect(due('off', null, '2026-11-29T12:00:00.000Z')).toBe(false);
    expect(due('off', '2020-01-01T12:00:00.000Z', '2026-11-29T12:00:00.000Z')).toBe(false);
  });

  it('is due at once when there is no copy yet', () => {
    for (const schedule of ['daily', 'weekly', 'monthly'] as const) expect(due(schedule, null, '2026-11-29T12:00:00.000Z')).toBe(true);
  });

  it('daily: due from the seller’s next calendar day, not 24 hours later', () => {
    // 23:00 on the 28th in São Paulo (02:00Z on the 29th); 00:30 on the 29th there is the next day.
    expect(due('daily', '2026-11-29T02:00:00.000Z', '2026-11-29T02:59:00.000Z')).toBe(false);
    expect(due('daily', '2026-11-29T02:00:00.000Z', '2026-11-29T03:30:00.000Z')).toBe(true);
    // The same instants read in UTC are one calendar day: not due.
    expect(due('daily', '2026-11-29T02:00:00.000Z', '2026-11-29T03:30:00.000Z', 'UTC')).toBe(false);
  });

  it('weekly: due 7 calendar days on', () => {
    expect(due('weekly', '2026-11-22T20:00:00.000Z', '2026-11-29T02:00:00.000Z')).toBe(false); // 28th, 23:00 local
    expect(due('weekly', '2026-11-22T20:00:00.000Z', '2026-11-29T03:00:00.000Z')).toBe(true); // 29th, 00:00 local
    expect(due('weekly', '2026-11-22T20:00:00.000Z', '2026-11-25T12:00:00.000Z')).toBe(false);
  });

  it('monthly: due on the same day of the next month, or its last day when it is shorter', () => {
    expect(due('monthly', '2026-10-15T15:00:00.000Z', '2026-11-14T15:00:00.000Z')).toBe(false);
    expect(due('monthly', '2026-10-15T15:00:00.000Z', '2026-11-15T03:00:00.000Z')).toBe(true);
    expect(due('monthly', '2026-01-31T15:00:00.000Z', '2026-02-27T15:00:00.000Z')).toBe(false);
    expect(due('monthly', '2026-01-31T15:00:00.000Z', '2026-02-28T15:00:00.000Z')).toBe(true);
    expect(due('monthly', '2026-10-15T15:00:00.000Z', '2027-01-02T15:00:00.000Z')).toBe(true);
    expect(due('monthly', '2026-12-20T15:00:00.000Z', '2027-01-19T15:00:00.000Z')).toBe(false);
  });

  it('does not trust a copy dated after now (the clock was wrong when it was made)', () => {
    expect(due('weekly', '2027-06-01T12:00:00.000Z', '2026-11-29T12:00:00.000Z')).toBe(true);
  });

  it('counts the days since the last copy on the seller’s calendar', () => {
    expect(daysSinceBackup(null, new Date('2026-11-29T12:00:00.000Z'), SP)).toBeNull();
    expect(daysSinceBackup(record('2026-11-29T01:00:00.000Z'), new Date('2026-11-29T11:00:00.000Z'), SP)).toBe(1);
    expect(daysSinceBackup(record('2026-11-26T12:00:00.000Z'), new Date('2026-11-29T12:00:00.000Z'), SP)).toBe(3);
  });
});

describe('backup settings in the book’s meta store', () => {
  it('starts weekly, unencrypted, with no copy', async () => {
    const book = await openTestBook();
    expect(await readBackupState(book)).toEqual({ settings: DEFAULT_BACKUP_SETTINGS, key: null, last: null, history: [] });
    expect(DEFAULT_BACKUP_SETTINGS).toEqual({ schedule: 'weekly', encrypt: false });
  });

  it('keeps the schedule and reads a damaged value as the default instead of failing', async () => {
    const book = await openTestBook();
    expect(await saveSchedule(book, 'daily')).toEqual({ schedule: 'daily', encrypt: false });
    expect((await readBackupState(book)).settings.schedule).toBe('daily');
    await book.meta.set(BACKUP_META_KEYS.settings, { schedule: 'hourly', encrypt: 'yes' });
    expect((await readBackupState(book)).settings).toEqual({ schedule: 'weekly', encrypt: false });
  });

  it('records complete copies as the last one and keeps the latest 20 in order', async () => {
    const book = await openTestBook();
    for (let day = 1; day <= 25; day++) await recordBackup(book, record(`2026-11-${String(day).padStart(2, '0')}T12:00:00.000Z`, { downloadId: day }));
    const state = await readBackupState(book);
    expect(state.last).toEqual(record('2026-11-25T12:00:00.000Z', { downloadId: 25 }));
    expect(state.history).toHaveLength(20);
    expect(state.history.map((r) => r.downloadId)).toEqual(Array.from({ length: 20 }, (_, i) => i + 6));
  });

  // Node 20 structured-clones a WebCrypto CryptoKey, so fake-indexeddb stores the real key, as a browser would.
  it('stores the derived key, never the passphrase, and encrypts with it after a reopen; turning it off removes it', async () => {
    const name = `backup-key-${Math.random()}`;
    const first = await openBook({ name });
    expect(await setEncryption(first, 'uma senha comprida')).toEqual({ schedule: 'weekly', encrypt: true });
    first.close();
    const book = await openBook({ name });
    const { key, settings } = await readBackupState(book);
    expect(settings.encrypt).toBe(true);
    expect(key?.key).toBeInstanceOf(CryptoKey);
    expect(key?.key.extractable).toBe(false);
    expect(key?.iterations).toBe(600_000);
    expect(key?.salt).toHaveLength(16);
    expect(JSON.stringify(await book.meta.get(BACKUP_META_KEYS.settings))).not.toContain('senha');
    expect(JSON.stringify(await book.meta.get(BACKUP_META_KEYS.key))).not.toContain('senha');
    const iv = new Uint8Array(12);
    const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key!.key, new TextEncoder().encode('Conceição'));
    expect(new TextDecoder().decode(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key!.key, sealed))).toBe('Conceição');

    expect(await setEncryption(book, null)).toEqual({ schedule: 'weekly', encrypt: false });
    expect(await readBackupState(book)).toMatchObject({ settings: { encrypt: false }, key: null });
    expect(await book.meta.get(BACKUP_META_KEYS.key)).toBeUndefined();
  });

  it('refuses a short passphrase, naming it, and leaves encryption off', async () => {
    const book = await openTestBook();
    await expect(setEncryption(book, 'curta')).rejects.toThrowError(/passphrase/);
    expect(await readBackupState(book)).toMatchObject({ settings: { encrypt: false }, key: null });
  });

  it('never claims encryption without a stored key', async () => {
    const book = await openTestBook();
    await book.meta.set(BACKUP_META_KEYS.settings, { schedule: 'daily', encrypt: true });
    expect((await readBackupState(book)).settings).toEqual({ schedule: 'daily', encrypt: false });
  });
});
