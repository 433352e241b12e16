import { useEffect, useRef } from 'preact/hooks';
import { backupProgressText, fileNameOf } from '../../backup-words';
import { formatDateTime, formatDaysAgo } from '../../../i18n/format';
import { daysSinceBackup } from '../../../backup/backup-settings';
import { BACKUP_NOW_PARAM } from '../app/book-links';
import { hrefOf, navigate, useRoute } from '../app/router';
import { useQueryOn } from '../data/use-book-query';
import { useBackupPage } from './backup-page';
import type { BackupRecord } from './backup-services';
import { RestoreForm } from './restore-form';
import { ScheduleForm } from './schedule-form';

/** Backups listed under the last one. */
const HISTORY_SHOWN = 5;

/** Backups: automatic ones (schedule, encryption, the downloads permission), one now, the last few, restore. */
export function BackupPanel() {
  const { t, locale, timeZone, now, state, downloadsGranted, services, run, backUpNow, book } = useBackupPage();
  // Erasures (LGPD) after a backup: that file still holds the erased data, and the list says so.
  const erasures = useQueryOn(book, (b) => b.erasures(), { stores: ['meta'] }).data ?? [];
  const nowButton = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLElement>(null);

  // BACKUP_NOW_HREF (where the sidebar's banner lands without the downloads permission): back up at once, once:
  // the query is dropped from the address, so a reload does not make another copy.
  const route = useRoute();
  const [param, value] = BACKUP_NOW_PARAM;
  const askedNow = route.params.get(param) === value;
  useEffect(() => {
    if (!askedNow) return;
    const params = new URLSearchParams(route.params);
    params.delete(param);
    navigate(hrefOf(route.segments, params), { replace: true });
    panel.current?.scrollIntoView?.({ block: 'start' });
    nowButton.current?.focus();
    void backUpNow();
  }, [askedNow]);

  const last = state?.last ?? null;
  const recent = [...(state?.history ?? [])].sort((a, b) => b.at.localeCompare(a.at)).slice(0, HISTORY_SHOWN);
  const running = run.kind === 'running';
  return (
    <section ref={panel} class="panel" aria-labelledby="backup-title" data-testid="backup-panel">
      <h3 id="backup-title">{t('backup')}</h3>
      <p data-testid="backup-last" class="backup-last">
        {last ? t('backupLast', { ago: formatDaysAgo(daysSinceBackup(last, now(), timeZone) ?? 0, locale), file: fileNameOf(last.fileName) }) : t('backupNone')}
      </p>
      <div class="actions">
        <button ref={nowButton} type="button" data-testid="backup-now" aria-disabled={running} onClick={() => !running && void backUpNow()}>
          {t('backupNow')}
        </button>
        {running && <progress aria-label={backupProgressText(t, locale, null)} {...(run.progress ? { value: run.progress.done, max: Math.max(run.progress.total, 1) } : {})} />}
        <span data-testid="backup-result" class={run.kind === 'error' ? 'error' : run.kind === 'done' ? 'ok' : ''} aria-live="polite">
          {run.kind === 'running'
            ? backupProgressText(t, locale, run.progress)
            : run.kind === 'done'
              ? t('backupSaved', { file: fileNameOf(run.record.fileName) })
              : run.kind === 'error'
                ? t('backupFailed', { message: run.message })
                : ''}
        </span>
      </div>
      <p class="meta">{t('backupWhere')}</p>
      <h4>{t('backupSchedule')}</h4>
      {state && <ScheduleForm state={state} />}
      {state && state.settings.schedule !== 'off' && !downloadsGranted && (
        <p class="warning" data-testid="backup-needs-downloads">
          {t('backupNeedsDownloads')}{' '}
          <button type="button" class="secondary" onClick={() => void services.downloads.request().catch(() => false)}>
            {t('backupAllowDownloads')}
          </button>
        </p>
      )}
      {recent.length > 0 && (
        <>
          <h4 id="backup-history-title">{t('backupHistory')}</h4>
          <ul class="backup-history" aria-labelledby="backup-history-title">
            {recent.map((record) => (
              <li key={`${record.at}:${record.fileName}`}>
                <HistoryLine record={record} erasedSince={erasures.filter((erasure) => erasure.erasedAt > record.at).map((erasure) => erasure.erasedAt)} />
              </li>
            ))}
          </ul>
        </>
      )}
      <h4>{t('restoreTitle')}</h4>
      <RestoreForm />
    </section>
  );
}

function HistoryLine({ record, erasedSince }: { record: BackupRecord; erasedSince: string[] }) {
  const { t, locale, timeZone } = useBackupPage();
  const parts = [
    formatDateTime(record.at, locale, timeZone),
    t(`reason.${record.reason}`),
    ...(record.encrypted ? [t('backupWithPassphrase')] : []),
    t('customerTotal', { count: record.counts.customers ?? 0 }),
    ...(erasedSince.length > 0 ? [t('backupHasErased', { when: erasedSince.map((at) => formatDateTime(at, locale, timeZone)).join(', ') })] : []),
  ];
  return (
    <>
      {parts.join(' · ')} <span class="identity">{fileNameOf(record.fileName)}</span>
    </>
  );
}
