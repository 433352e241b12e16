import { useState } from 'preact/hooks';
import { BackupBanner, type BannerStatus } from '../../backup-banner';
import { backupReminder } from '../../backup-reminder';
import { backupProgressText, fileNameOf } from '../../backup-words';
import { daysSinceBackup } from '../../../backup/backup-settings';
import { useQueryOn } from '../data/use-book-query';
import { useBackupPage } from './backup-page';

/** The reminder at the top of the book page: after 30 days without a backup, or none while there are customers. */
export function BookBackupBanner({ customerCount }: { customerCount: number | null }) {
  const { t, locale, timeZone, now, state, services, run, backUpNow, book } = useBackupPage();
  // The day's dismissal is kept by the browser (not in the book): read at open; closing here hides it at once.
  const stored = useQueryOn(book, () => services.reminder.dismissedOn(now()), { stores: [], deps: [services] });
  const [closedHere, setDismissed] = useState(false);
  const dismissed = closedHere || (stored.error ? false : (stored.data ?? null));
  // The banner's own run: the panel's "Fazer cópia agora" reports in the panel, not here.
  const [ownRun, setOwnRun] = useState(false);

  const daysSinceLast = state?.last ? daysSinceBackup(state.last, now(), timeZone) : null;
  const reminder = state && customerCount !== null ? backupReminder(daysSinceLast, customerCount) : null;
  if (dismissed !== false || (!reminder && !ownRun)) return null;

  const status: BannerStatus = !ownRun
    ? { kind: 'idle' }
    : run.kind === 'running'
      ? { kind: 'running', text: backupProgressText(t, locale, run.progress) }
      : run.kind === 'done'
        ? { kind: 'done', text: t('bannerDone', { file: fileNameOf(run.record.fileName) }) }
        : run.kind === 'error'
          ? { kind: 'error', text: t('backupFailed', { message: run.message }) }
          : { kind: 'idle' };
  return (
    <BackupBanner
      t={t}
      locale={locale}
      reminder={reminder ?? 'old'}
      daysSinceLast={daysSinceLast}
      status={status}
      onRun={() => {
        setOwnRun(true);
        void backUpNow();
      }}
      onDismiss={() => {
        setDismissed(true);
        // Closing after a saved backup needs no reminder kept: the backup itself resets the 30 days.
        if (status.kind !== 'done') void services.reminder.dismiss(now());
      }}
    />
  );
}
