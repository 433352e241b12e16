import type { Book, IntegrityReport } from '../../core';
import { backupDue, daysSinceBackup, readBackupState, type BackupRecord, type BackupSettings } from './backup-settings';
import { browserTimeZone } from '../../core/locale';

/** What the sidebar and the book page show about backups (`backup/status`). */
export interface BackupStatus {
  settings: BackupSettings;
  last: BackupRecord | null;
  /** Oldest first, at most 20. */
  history: BackupRecord[];
  /** Scheduled backups run only with it; without it `backup/run` opens the book page to save the file there. */
  downloadsGranted: boolean;
  /** A scheduled backup is due (it runs at the next hourly check when downloads are granted). */
  due: boolean;
  daysSinceLast: number | null;
  /** Only when asked for: it reads every record store's keys. */
  integrity?: IntegrityReport;
}

/** The answer of `backup/run`: the record of the saved file, or the book page opened to save it there. */
export type BackupRunResult = { outcome: 'saved'; record: BackupRecord } | { outcome: 'opened-book-page' };

export interface BackupStatusOptions {
  downloadsGranted: () => Promise<boolean>;
  now?: Date;
  timeZone?: string;
  integrity?: boolean;
}

export async function backupStatus(book: Book, { downloadsGranted, now = new Date(), timeZone = browserTimeZone(), integrity = false }: BackupStatusOptions): Promise<BackupStatus> {
  const [state, granted, report] = await Promise.all([readBackupState(book), downloadsGranted(), integrity ? book.integrity() : undefined]);
  return {
    settings: state.settings,
    last: state.last,
    history: state.history,
    downloadsGranted: granted,
    due: backupDue(state, now, timeZone),
    daysSinceLast: daysSinceBackup(state.last, now, timeZone),
    ...(report ? { integrity: report } : {}),
  };
}
