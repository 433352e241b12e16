import { useRef, useState } from 'preact/hooks';
import { shopOrigin } from '../../../shops/shop-origin';
import { shopProblemText } from '../../../shops/shop-problem-text';
import type { ShopStatus } from '../../../shops/shop-service';
import type { MessageKey } from '../../../i18n/translate';
import { useBook } from '../app/book-context';
import { useBookQuery } from '../data/use-book-query';
import { FieldError } from './field-error';
import type { FieldErrors } from './field-errors';
import { browserShopsServices, type ShopsServices } from './shops-services';

const STATUS_LABELS: Record<ShopStatus, MessageKey> = {
  active: 'shops.status.active',
  'no-permission': 'shops.status.noPermission',
  'not-running': 'shops.status.notRunning',
};

/**
 * Configurações › Lojas com domínio próprio: WooCommerce and other self-hosted shops, whose admin is on the
 * seller's own domain. Adding one asks the browser for that origin alone, in the seller's click (the browser
 * refuses a request made later); the background then keeps the list and runs the sidebar there. Removing gives
 * the permission back. A shop the browser no longer lets us reach says so, with a button to allow it again.
 */
export function ShopsPanel({ services = browserShopsServices }: { services?: ShopsServices }) {
  const { t, notify } = useBook();
  // The query runs again when the list changes (`meta`), when a grant changes, and after our own actions.
  const rerun = useRef<() => void>(() => {});
  const { data: state } = useBookQuery(() => services.list(), {
    stores: ['meta'],
    watch: (changed) => {
      rerun.current = changed;
      return services.watch(changed);
    },
    deps: [services],
  });
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** Asks for `origin` now (still inside the seller's gesture), then hands it to the background if granted. */
  const grantAndAdd = (origin: string, done: string, denied: string) => {
    const asked = services.request(origin);
    setBusy(true);
    void (async () => {
      try {
        if (!(await asked)) return notify(denied, 'alert');
        await services.add(origin);
        setTyped('');
        setError(null);
        notify(done);
      } catch (failure) {
        notify(failure instanceof Error ? failure.message : String(failure), 'alert');
      } finally {
        setBusy(false);
        rerun.current();
      }
    })();
  };

  const add = (event: SubmitEvent) => {
    event.preventDefault();
    const checked = shopOrigin(typed);
    if (!checked.ok) {
      const text = shopProblemText(t, checked);
      setError(text);
      notify(text, 'alert');
      return;
    }
    grantAndAdd(checked.origin, t('shops.added', { origin: checked.origin }), t('shops.denied', { origin: checked.origin }));
  };

  const remove = (origin: string) => {
    setBusy(true);
    void services
      .remove(origin)
      .then(
        () => notify(t('shops.removed', { origin })),
        (failure: unknown) => notify(failure instanceof Error ? failure.message : String(failure), 'alert'),
      )
      .finally(() => {
        setBusy(false);
        rerun.current();
      });
  };

  const errors: FieldErrors = error === null ? {} : { url: error };
  return (
    <section aria-labelledby="shops-title" class="panel" data-testid="shops-panel">
      <h2 id="shops-title">{t('shops.title')}</h2>
      <p id="shop-url-hint" class="meta">
        {t('shops.hint')}
      </p>
      <form onSubmit={add}>
        <div class="field wide">
          <label for="shop-url">{t('shops.url')}</label>
          <input
            id="shop-url"
            type="text"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            maxLength={2048}
            value={typed}
            onInput={(e) => setTyped(e.currentTarget.value)}
            aria-describedby={error === null ? 'shop-url-hint' : 'shop-url-hint shop-url-error'}
            aria-invalid={error === null ? undefined : true}
          />
        </div>
        <FieldError errors={errors} field="url" id="shop-url" />
        <div class="actions">
          <button type="submit" disabled={busy}>
            {t('shops.add')}
          </button>
        </div>
      </form>
      {state && state.shops.length === 0 && <p class="meta">{t('shops.none')}</p>}
      <ul class="collectors">
        {state?.shops.map(({ origin, status }) => (
          <li key={origin} data-testid="shop" data-origin={origin} data-status={status}>
            <strong class="identity">{origin}</strong> <span data-testid="shop-status">{t(STATUS_LABELS[status])}</span>
            {status !== 'active' && (
              <button type="button" disabled={busy} aria-label={t('shops.grantAgainNamed', { origin })} onClick={() => grantAndAdd(origin, t('shops.grantedAgain', { origin }), t('shops.deniedAgain', { origin }))}>
                {t('shops.grantAgain')}
              </button>
            )}
            <button type="button" class="secondary" disabled={busy} aria-label={t('shops.removeNamed', { origin })} onClick={() => remove(origin)}>
              {t('remove')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
