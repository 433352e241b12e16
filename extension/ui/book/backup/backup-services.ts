import type { IntegrityReport, RecordCounts } from '../../../../core';
import type { BackupRecord, BackupSchedule, BackupState } from '../../../backup/backup-settings';
import type { BackupReason } from '../../../backup/worker-protocol';
import type { ProgressReport } from '../../backup-words';

export type { BackupReason, BackupRecord, BackupSchedule, BackupState, IntegrityReport, RecordCounts };

export interface JobOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ProgressReport) => void;
}

/**
 * Everything the book page's backup screens do outside themselves: the book's backup settings, the worker that
 * makes and restores backups, the downloads permission, the browser's storage and the reminder's day. The
 * entrypoint passes the real one (browser-backup-services.ts); component tests pass a stand-in.
 */
export interface BackupServices {
  readState(): Promise<BackupState>;
  saveSchedule(schedule: BackupSchedule): Promise<void>;
  /** Derives and keeps the key (non-extractable) from `passphrase`, or forgets it and stops encrypting (null). */
  setEncryption(passphrase: string | null): Promise<void>;
  /** Makes a backup in the worker and saves it in the downloads folder; resolves once the file is complete. */
  backUp(reason: BackupReason, options?: JobOptions): Promise<BackupRecord>;
  /** Replaces the book with the file's, in the worker; rejects with a `code` and `problems` (core's BackupError). */
  restore(file: Blob, options?: JobOptions & { passphrase?: string }): Promise<RecordCounts>;
  isEncrypted(file: Blob): Promise<boolean>;
  checkIntegrity(): Promise<IntegrityReport>;
  downloads: {
    granted(): Promise<boolean>;
    /** Must be called in the seller's click: browsers show the permission prompt only during a user gesture. */
    request(): Promise<boolean>;
    show(downloadId: number): void;
    /** Calls back when the permission is granted or revoked anywhere (the browser's settings, the sidebar). */
    watch(onChange: () => void): () => void;
  };
  storage: {
    /** Asks the browser (once) to keep the book when the disk fills up; resolves with whether it will. */
    persist(): Promise<boolean>;
    /** Bytes used by the extension's origin (the book, mostly); null when the browser does not say. */
    usage(): Promise<number | null>;
  };
  reminder: {
    dismissedOn(now: Date): Promise<boolean>;
    dismiss(now: Date): Promise<void>;
  };
}
