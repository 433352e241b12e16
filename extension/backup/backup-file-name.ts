import { translate, type Locale } from '../i18n/translate';
import { localTime } from './local-time';
import type { BackupReason } from './worker-protocol';

/** The folder inside the browser's Downloads folder that holds every backup. */
export const BACKUP_FOLDER = 'Clientela';

/** What the restore file input accepts: plain backups and encrypted ones. */
export const RESTORE_ACCEPT = '.json,.clientela';

export interface BackupFileNameOptions {
  encrypted: boolean;
  /** The seller's IANA time zone: the name carries their clock's date and time. */
  timeZone: string;
  /** The seller's language, for the words that say which action a copy preceded. */
  locale: Locale;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * `Clientela/clientela-backup-2026-11-29_16-50.json`: the seller's own date and time, so names sort oldest first
 * and a copy made at 23:30 in São Paulo carries that day. A copy made before a destructive action says so in the
 * seller's language (`…_16-50-antes-de-restaurar.json`); an encrypted one ends in `.clientela`.
 */
export function backupFileName(at: Date, reason: BackupReason, { encrypted, timeZone, locale }: BackupFileNameOptions): string {
  const { year, month, day, hour, minute } = localTime(at, timeZone);
  const stamp = `${year}-${pad(month)}-${pad(day)}_${pad(hour)}-${pad(minute)}`;
  const suffix = reason === 'scheduled' || reason === 'manual' ? '' : `-${fileWord(translate(locale, `backupFile.${reason}`))}`;
  return `${BACKUP_FOLDER}/clientela-backup-${stamp}${suffix}.${encrypted ? 'clientela' : 'json'}`;
}

/** A catalog's words made safe for a file name on every system, whatever a translator typed. */
function fileWord(words: string): string {
  return words
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
