import type { BackupProgress } from '../../core';
import type { BookWorkerErrorCode } from '../backup/worker-protocol';
import { formatDaysAgo, formatPercent } from '../i18n/format';
import type { Locale, MessageKey } from '../i18n/translate';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** How a backup or restore reports itself, as core/io counts it. */
export type ProgressReport = BackupProgress;

/** The codes of a failed restore (core's BackupError, the worker's) that have words of their own. */
const RESTORE_ERROR_CODES = [
  'not-json',
  'not-backup',
  'newer-version',
  'invalid-records',
  'inconsistent',
  'needs-passphrase',
  'wrong-passphrase',
  'damaged',
  'quota-exceeded',
] as const satisfies readonly BookWorkerErrorCode[];

/** A problem a restore found, naming the field and, in a file, the line. */
export interface RestoreProblem {
  field: string;
  message: string;
  line?: number;
}

/** What a rejected backup or restore tells the screen: its code (when it has one) and the first problems. */
export function describeFailure(error: unknown): { code: string | null; message: string; problems: RestoreProblem[] } {
  const fields = (typeof error === 'object' && error !== null ? error : {}) as { code?: unknown; message?: unknown; problems?: unknown };
  const problems = Array.isArray(fields.problems) ? (fields.problems as RestoreProblem[]).filter((problem) => typeof problem?.field === 'string') : [];
  const message = typeof fields.message === 'string' ? fields.message : String(error);
  return { code: typeof fields.code === 'string' ? fields.code : null, message, problems };
}

export const isCancelled = (error: unknown) => describeFailure(error).code === 'cancelled' || (error instanceof DOMException && error.name === 'AbortError');

/** A failed restore in the seller's words: by code when we know it, else the error's own message. */
export function restoreFailureText(t: Translate, error: unknown): string {
  const { code, message } = describeFailure(error);
  if (isCancelled(error)) return t('restoreCancelled');
  return code && (RESTORE_ERROR_CODES as readonly string[]).includes(code) ? t(`restoreError.${code as (typeof RESTORE_ERROR_CODES)[number]}`) : t('restoreFailed', { message });
}

/** `Restaurando… 45.000 de 1.100.000 registros`, or a percentage while bytes are read or decrypted. */
export function restoreProgressText(t: Translate, locale: Locale, { phase, done, total }: ProgressReport): string {
  if (phase === 'checking' || phase === 'writing') return t(`restorePhase.${phase}`, { done, total });
  if (phase === 'encrypting') return t('backupEncrypting', { percent: formatPercent(done, total, locale) });
  return t(`restorePhase.${phase}`, { percent: formatPercent(done, total, locale) });
}

/** While a backup is made: reading the book, then (when the seller asked for it) encrypting the file. */
export function backupProgressText(t: Translate, locale: Locale, progress: ProgressReport | null): string {
  if (!progress) return t('backupMaking', { percent: '' }).trim();
  return t(progress.phase === 'encrypting' ? 'backupEncrypting' : 'backupMaking', { percent: formatPercent(progress.done, progress.total, locale) });
}

/** `Última cópia há 3 dias`, `Última cópia hoje`, or `Nenhuma cópia ainda`. */
export function backupAgeText(t: Translate, locale: Locale, daysSinceLast: number | null): string {
  return daysSinceLast === null ? t('backupNone') : t('sidebarBackupAge', { ago: formatDaysAgo(daysSinceLast, locale) });
}

/** The file's own name: records keep the path under Downloads (`Clientela/clientela-backup-….json`). */
export function fileNameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
