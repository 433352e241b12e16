import type { CleanupArchiveSummary } from '../../../background/cleanup-service';
import { formatDateTime } from '../../../i18n/format';
import { enumLabel } from '../../../i18n/labels';
import { useBook } from '../app/book-context';
import { CUSTOMERS_PATH } from '../app/book-links';
import { hrefOf } from '../app/router';

/** The archive's reason in words: core's reason by name, or the seller's own text as they wrote it. */
export function archiveReasonText(archive: Pick<CleanupArchiveSummary, 'reason'>, locale: Parameters<typeof enumLabel>[0]): string {
  return archive.reason.kind === 'reason' ? enumLabel(locale, 'cleanupReason', archive.reason.reason) : archive.reason.text;
}

interface LogProps {
  archives: CleanupArchiveSummary[];
  onUndo: (archive: CleanupArchiveSummary) => Promise<void>;
}

/** "Arquivados": each clean-up archive with its date, reason and customers, and "Desfazer" while it stands. */
export function ArchiveLog({ archives, onUndo }: LogProps) {
  const { t, locale, timeZone } = useBook();
  return (
    <section class="cleanup-section" aria-labelledby="cleanup-log" data-testid="cleanup-log">
      <h2 id="cleanup-log">{t('cleanup.log')}</h2>
      <p class="hint">{t('cleanup.log.intro')}</p>
      <p>
        <a href={hrefOf([CUSTOMERS_PATH], { arquivados: 'only' })}>{t('cleanup.log.all')}</a>
      </p>
      {archives.length === 0 ? (
        <p>{t('cleanup.log.empty')}</p>
      ) : (
        <ul class="cleanup-log-entries">
          {archives.map((archive) => {
            const date = formatDateTime(archive.at, locale, timeZone);
            const reason = archiveReasonText(archive, locale);
            return (
              <li key={archive.id} class="cleanup-log-entry" data-testid="cleanup-log-entry" data-archive-id={archive.id}>
                <p>
                  <strong>{t('cleanup.log.entry', { date, reason })}</strong> · {t('cleanup.log.count', { count: archive.customerIds.length })}
                  {archive.undoneAt && <> · {t('cleanup.log.undone', { date: formatDateTime(archive.undoneAt, locale, timeZone) })}</>}
                </p>
                <ul class="cleanup-log-customers">
                  {archive.customers.map((who) => (
                    <li key={who.id}>
                      <a href={hrefOf([CUSTOMERS_PATH, who.id])}>{who.name}</a>
                      {!who.archived && !archive.undoneAt && <span class="hint"> ({t('cleanup.log.back')})</span>}
                    </li>
                  ))}
                </ul>
                {archive.undoneAt === null && (
                  <button type="button" class="secondary" aria-label={t('cleanup.undoFor', { date, reason })} onClick={() => void onUndo(archive)}>
                    {t('cleanup.undo')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
