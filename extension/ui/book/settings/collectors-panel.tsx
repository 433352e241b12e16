import { useState } from 'preact/hooks';
import { askBackground } from '../../../messaging/client';
import { watchCollectors } from '../../../messaging/collector-events';
import type { CollectorsState } from '../../../messaging/protocol';
import { formatDateTime } from '../../../i18n/format';
import { useBook } from '../app/book-context';
import { useBookQuery } from '../data/use-book-query';

/**
 * Settings: the seller's feedback collectors — add (after a test), sync now with progress, last result. They live
 * in the background, which announces every change of their state (collector-events.ts): a pull started by the
 * alarm or another tab shows its progress here with no polling.
 */
export function CollectorsPanel() {
  const { t, locale, timeZone, notify } = useBook();
  const { data: state } = useBookQuery(() => askBackground({ type: 'collectors/list' }), { stores: [], watch: watchCollectors });
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<CollectorsState & { added?: number }>, done: (state: CollectorsState & { added?: number }) => string) => {
    setBusy(true);
    try {
      const next = await action();
      notify(done(next));
      return true;
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), 'alert');
      return false;
    } finally {
      setBusy(false);
    }
  };

  const add = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const request = { type: 'collectors/add' as const, url: String(data.get('url') ?? ''), site: String(data.get('site') ?? ''), token: String(data.get('token') ?? '') };
    if (await run(() => askBackground(request), () => t('collectorAdded'))) form.reset();
  };

  return (
    <section aria-labelledby="collectors-title">
      <h2 id="collectors-title">{t('collectors')}</h2>
      <form onSubmit={add}>
        <label>
          {t('collectorUrl')}
          <input name="url" type="url" required placeholder="https://avaliacoes.minhaloja.com.br" />
        </label>
        <label>
          {t('siteKey')}
          <input name="site" required maxLength={63} autoComplete="off" />
        </label>
        <label>
          {t('readToken')}
          <input name="token" type="password" required minLength={8} autoComplete="off" />
        </label>
        <button type="submit" disabled={busy}>
          {t('testAndAdd')}
        </button>
      </form>
      {state?.syncing && (
        <p role="status" data-testid="sync-progress">
          <progress aria-label={t('syncNow')} />
          {t('syncing', { count: state.syncing.fetched })}
        </p>
      )}
      <ul class="collectors">
        {state?.collectors.map((collector) => (
          <li key={collector.id} data-testid="collector">
            <strong>{collector.site}</strong> <span class="identity">{collector.url}</span>
            <span class="identity" data-testid="last-sync">
              {!collector.lastSync
                ? t('neverSynced')
                : collector.lastSync.ok
                  ? t('lastSyncOk', { when: formatDateTime(collector.lastSync.at, locale, timeZone), count: collector.lastSync.added })
                  : t('lastSyncFailed', { when: formatDateTime(collector.lastSync.at, locale, timeZone), message: collector.lastSync.message })}
            </span>
            {collector.quarantine.total > 0 && (
              <span class="identity" data-testid="set-aside">
                {t('setAside', { count: collector.quarantine.total, reason: collector.quarantine.latest[0]?.reason ?? '' })}
              </span>
            )}
            <button type="button" disabled={busy} onClick={() => void run(() => askBackground({ type: 'collectors/sync', id: collector.id }), (next) => t('syncDone', { count: next.added ?? 0 }))}>
              {t('syncNow')}
            </button>
            <button type="button" class="secondary" disabled={busy} onClick={() => void run(() => askBackground({ type: 'collectors/remove', id: collector.id }), () => t('remove'))}>
              {t('remove')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
