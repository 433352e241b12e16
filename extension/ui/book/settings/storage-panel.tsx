import { useEffect } from 'preact/hooks';
import { formatBytes } from '../../../i18n/format';
import { useBackupPage } from '../backup/backup-page';
import { useQueryOn } from '../data/use-book-query';

/** The record stores in the order a seller thinks of them, with their names on screen. */
const STORES = ['customers', 'orders', 'notes', 'feedback', 'followUps', 'tags', 'segments', 'quickReplies'] as const;

/**
 * Whether the browser keeps the book for good, how much room it takes and what it holds. Persistence is asked
 * for here, on the book page: StorageManager.persist() exists only in windows, not in the service worker.
 */
export function StoragePanel() {
  const { t, locale, services, integrity, counts, wantCounts, book } = useBackupPage();
  useEffect(wantCounts, [wantCounts]);
  // Asked at open (and again after a restore, which is harmless: the answer stays yes once given).
  const persistence = useQueryOn(book, () => services.storage.persist(), { stores: [], deps: [services] });
  const persisted: boolean | 'checking' = persistence.error ? false : (persistence.data ?? 'checking');
  // A restore changes the size at once; smaller writes are not worth a re-measure (no store named: book-wide only).
  const measured = useQueryOn(book, () => services.storage.usage(), { stores: [], deps: [services] });
  const usage: number | null | 'checking' = measured.error ? null : measured.data === undefined ? 'checking' : measured.data;

  return (
    <section class="panel" aria-labelledby="storage-title" data-testid="storage-panel">
      <h3 id="storage-title">{t('storage')}</h3>
      <p data-testid="storage-persisted" class={persisted === true ? 'ok' : persisted === 'checking' ? 'meta' : 'warning'}>
        {persisted === 'checking' ? t('storageChecking') : persisted ? t('storagePersisted') : t('storageNotPersisted')}
      </p>
      <p data-testid="storage-size">{usage === 'checking' ? t('storageChecking') : usage === null ? t('storageSizeUnknown') : t('storageSize', { size: formatBytes(usage, locale) })}</p>
      {integrity.error && <p class="meta">{t('integrityCheckFailed', { message: integrity.error })}</p>}
      <h4 id="storage-counts-title">{t('storageCounts')}</h4>
      <dl class="counts" data-testid="storage-counts" aria-busy={!counts}>
        {counts &&
          STORES.map((store) => (
            <div key={store}>
              <dt>{t(`store.${store}`)}</dt>
              <dd>{new Intl.NumberFormat(locale).format(counts[store] ?? 0)}</dd>
            </div>
          ))}
      </dl>
    </section>
  );
}
