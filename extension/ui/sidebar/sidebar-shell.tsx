import { useEffect, useState } from 'preact/hooks';
import { browserLocale, translate, type Locale } from '../i18n';
import { fetchCustomerCount, watchBook } from '../book-summary';

type CountState = { status: 'loading' } | { status: 'ready'; count: number } | { status: 'failed' };

/** The sidebar beside the chat. For now: the brand and how many customers the book holds, kept live. */
export function SidebarShell({ locale = browserLocale(), signal }: { locale?: Locale; signal: AbortSignal }) {
  const [state, setState] = useState<CountState>({ status: 'loading' });
  const [collapsed, setCollapsed] = useState(false);
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(locale, key, params);

  useEffect(() => {
    const refresh = () =>
      fetchCustomerCount().then(
        (count) => setState({ status: 'ready', count }),
        () => setState({ status: 'failed' }),
      );
    void refresh();
    watchBook(() => void refresh(), signal);
  }, [signal]);

  if (collapsed) {
    return (
      <button type="button" class="clientela-tab" onClick={() => setCollapsed(false)} aria-label={t('expand')}>
        C
      </button>
    );
  }
  return (
    <aside class="clientela-sidebar" aria-label={t('appName')} lang={locale}>
      <header>
        <h1>{t('appName')}</h1>
        <button type="button" class="clientela-collapse" onClick={() => setCollapsed(true)} aria-label={t('collapse')}>
          ›
        </button>
      </header>
      <p class="clientela-count" role="status" aria-live="polite" data-testid="customer-count">
        {state.status === 'loading' && t('loading')}
        {state.status === 'failed' && t('unavailable')}
        {state.status === 'ready' && t('customersInBook', { count: state.count })}
      </p>
    </aside>
  );
}
