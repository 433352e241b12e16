import { fileNameOf } from '../../backup-words';
import { formatDateTime } from '../../../i18n/format';
import { useBackupPage } from './backup-page';
import { CUSTOMER_RECORD_STORES, type CustomerRecordStoreName } from '../../../../core';
import type { IntegrityFindings } from './backup-page';
import type { BackupRecord } from './backup-services';

/**
 * What dangles, store by store, and how many: records whose customer is missing, then customers carrying a tag
 * that is not in the book.
 */
export function danglingOf(report: IntegrityFindings): { store: CustomerRecordStoreName | 'tags'; count: number }[] {
  const customers = CUSTOMER_RECORD_STORES.map((store) => ({ store, count: report.missingCustomers[store].count }));
  return [...customers, { store: 'tags' as const, count: report.missingTags.count }].filter(({ count }) => count > 0);
}

/** The newest backup made by the schedule: the one most likely to hold the book before things went wrong. */
export function newestAutomatic(history: readonly BackupRecord[], last: BackupRecord | null): BackupRecord | null {
  const automatic = [...history, ...(last ? [last] : [])].filter((record) => record.reason === 'scheduled');
  return automatic.reduce<BackupRecord | null>((newest, record) => (!newest || record.at > newest.at ? record : newest), null);
}

/**
 * What the check at open found wrong, in words, and that nothing was deleted; the newest automatic backup and
 * how to restore it (the file input, with the file named; "show in folder" when the downloads API is ours).
 */
export function IntegrityAlert() {
  const { t, locale, timeZone, integrity, state, downloadsGranted, services, pickForRestore } = useBackupPage();
  const orphans = integrity.report ? danglingOf(integrity.report) : [];
  if (orphans.length === 0) return null;
  const backup = state ? newestAutomatic(state.history, state.last) : null;
  return (
    <div role="alert" class="integrity-alert" data-testid="integrity-alert">
      <h2>{t('integrityTitle')}</h2>
      <ul>
        {orphans.map(({ store, count }) => (
          <li key={store}>{t(`orphansIn.${store}`, { count })}</li>
        ))}
      </ul>
      <p>
        <strong>{t('integrityNothingDeleted')}</strong>
      </p>
      {backup ? (
        <>
          <p>{t('integrityNewestBackup', { when: formatDateTime(backup.at, locale, timeZone), file: fileNameOf(backup.fileName) })}</p>
          <div class="actions">
            <button type="button" onClick={() => pickForRestore(backup)}>
              {t('integrityRestore')}
            </button>
            {downloadsGranted && backup.downloadId !== undefined && (
              <button type="button" class="secondary" onClick={() => services.downloads.show(backup.downloadId as number)}>
                {t('integrityShowInFolder')}
              </button>
            )}
          </div>
        </>
      ) : (
        <p>{t('integrityNoAutomatic')}</p>
      )}
    </div>
  );
}
