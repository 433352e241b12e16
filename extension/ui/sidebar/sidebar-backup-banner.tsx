import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { BackupBanner, type BannerStatus } from '../backup-banner';
import { backupReminder, reminderDismissal } from '../backup-reminder';
import { backupProgressText, describeFailure, fileNameOf } from '../backup-words';
import { useSidebar } from './sidebar-context';
import type { SidebarBackupStatus } from './use-backup-status';

/**
 * The sidebar's reminder to back up (30 days without one, or none while the book has customers). Its button asks
 * the background (`backup/run`): with the downloads permission the background saves the file itself; without it,
 * the book page opens at `#/configuracoes?copia=agora` and saves it there.
 */
export function SidebarBackupBanner({ backups }: { backups: SidebarBackupStatus }) {
  const { t, locale, ask } = useSidebar();
  const [dismissal] = useState(() => reminderDismissal(browser.storage.local));
  const [dismissed, setDismissed] = useState<boolean | null>(null);
  const [status, setStatus] = useState<BannerStatus>({ kind: 'idle' });

  useEffect(() => {
    void dismissal.dismissedOn(new Date()).then(setDismissed, () => setDismissed(false));
  }, []);

  const { status: backup, customerCount } = backups;
  const reminder = backup && customerCount !== null ? backupReminder(backup.daysSinceLast, customerCount) : null;
  if (dismissed !== false || (!reminder && status.kind === 'idle')) return null;

  const run = async () => {
    setStatus({ kind: 'running', text: backupProgressText(t, locale, null) });
    try {
      const result = await ask({ type: 'backup/run' });
      setStatus({ kind: 'done', text: result.outcome === 'saved' ? t('bannerDone', { file: fileNameOf(result.record.fileName) }) : t('backupOpenedBook') });
      backups.refresh();
    } catch (error) {
      setStatus({ kind: 'error', text: t('backupFailed', { message: describeFailure(error).message }) });
    }
  };

  return (
    <BackupBanner
      t={t}
      locale={locale}
      reminder={reminder ?? 'old'}
      daysSinceLast={backup?.daysSinceLast ?? null}
      status={status}
      onRun={() => void run()}
      onDismiss={() => {
        setDismissed(true);
        if (status.kind !== 'done') void dismissal.dismiss(new Date());
      }}
    />
  );
}
