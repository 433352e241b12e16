import { browser, type Browser } from 'wxt/browser';
import type { Book } from '../../core';
import { backupDue, readBackupState, recordBackup, type BackupRecord } from './backup-settings';
import type { BackupRunResult } from './backup-status';
import { makeBackup } from './book-worker-client';
import { browserTimeZone } from '../../core/locale';
import { OFFSCREEN_PAGE, type OffscreenBackup, type OffscreenReply, type OffscreenRequest } from './offscreen-relay';
import { downloadAndWait, downloadsGranted, saveBackupFile } from './save-backup';
import { BookWorkerError } from './worker-protocol';

/** The hourly alarm that makes scheduled backups when they fall due. */
export const BACKUP_ALARM = 'clientela:backup';

export interface BackgroundBackupsOptions {
  book: Book;
  /** Opens the book page at `#/configuracoes?copia=agora`, which saves a backup from the page (no `downloads` permission needed). */
  openBackupPage: () => void;
  now?: () => Date;
  timeZone?: () => string;
}

/**
 * Backups made by the background: on the seller's request from the sidebar (`backup/run`) and on the schedule.
 * One at a time: a request while one is being written gets that one's record. Chrome's service worker has
 * neither Worker nor blob URLs and goes through the offscreen document; Firefox's background page does both.
 */
export class BackgroundBackups {
  private running: Promise<BackupRecord> | null = null;
  private readonly portWaiters: ((port: Browser.runtime.Port) => void)[] = [];

  constructor(private readonly options: BackgroundBackupsOptions) {}

  async run(reason: 'manual' | 'scheduled'): Promise<BackupRunResult> {
    if (!(await downloadsGranted())) {
      this.options.openBackupPage();
      return { outcome: 'opened-book-page' };
    }
    this.running ??= this.make(reason).finally(() => (this.running = null));
    return { outcome: 'saved', record: await this.running };
  }

  /**
   * The schedule's check (hourly, and when the background starts): backs up when due and allowed. An empty book
   * is never backed up on schedule: after a browser erased the book, a copy of nothing would become the newest
   * automatic backup, the one the integrity alert offers to restore.
   */
  async runIfDue(): Promise<BackupRecord | null> {
    const { book, now = () => new Date(), timeZone = browserTimeZone } = this.options;
    if (this.running || !backupDue(await readBackupState(book), now(), timeZone())) return null;
    if (!(await downloadsGranted()) || (await book.customers.count({ includeArchived: true })) === 0) return null;
    const result = await this.run('scheduled');
    return result.outcome === 'saved' ? result.record : null;
  }

  /** The offscreen document's port (see offscreen-relay.ts); anyone else's is refused. */
  acceptOffscreenPort(port: Browser.runtime.Port): void {
    const waiter = this.portWaiters.shift();
    if (waiter) waiter(port);
    else port.disconnect();
  }

  private async make(reason: 'manual' | 'scheduled'): Promise<BackupRecord> {
    const { book, timeZone = browserTimeZone } = this.options;
    // The file is named on the seller's clock (their zone), like the schedule that asked for it.
    if (typeof Worker !== 'undefined' && typeof URL.createObjectURL === 'function') return saveBackupFile(await makeBackup(reason, { timeZone: timeZone() }), { book });
    const offscreen = browser.offscreen;
    // A document left open by a service worker that was stopped midway would make createDocument fail.
    await offscreen.closeDocument().catch(() => undefined);
    const connected = new Promise<Browser.runtime.Port>((resolve) => this.portWaiters.push(resolve));
    await offscreen.createDocument({ url: OFFSCREEN_PAGE, reasons: ['BLOBS' as Browser.offscreen.Reason], justification: 'Writes the backup file: a worker builds it and a blob URL hands it to downloads.' });
    try {
      const port = await withTimeout(connected, 30_000, 'The backup page did not start');
      const made = await backupThrough(port, reason);
      try {
        const downloadId = await downloadAndWait(made.url, made.fileName);
        return await recordBackup(book, { at: made.at, fileName: made.fileName, reason, encrypted: made.encrypted, counts: made.counts, downloadId });
      } finally {
        port.postMessage({ op: 'revoke', url: made.url } satisfies OffscreenRequest);
      }
    } finally {
      this.portWaiters.length = 0;
      await offscreen.closeDocument().catch(() => undefined);
    }
  }
}

function backupThrough(port: Browser.runtime.Port, reason: 'manual' | 'scheduled'): Promise<OffscreenBackup> {
  const id = `${Date.now().toString(36)}-${reason}`;
  return new Promise((resolve, reject) => {
    port.onMessage.addListener((reply: OffscreenReply) => {
      if (reply.id !== id || reply.type === 'progress') return;
      if (reply.type === 'done') resolve(reply.result);
      else reject(new BookWorkerError(reply.code, reply.message, reply.problems));
    });
    port.onDisconnect.addListener(() => reject(new BookWorkerError('failed', 'The backup page closed before the file was written')));
    port.postMessage({ op: 'backup', id, reason } satisfies OffscreenRequest);
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
