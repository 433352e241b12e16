import { useState } from 'preact/hooks';
import type { StoreId, StoreOrderReading } from '../../../core';
import { formatDateTime, formatMoney } from '../../i18n/format';
import { enumLabel } from '../../i18n/labels';
import type { MessageKey } from '../../i18n/translate';
import type { StoreOrderPreview } from '../../messaging/protocol';
import { useSidebar } from './sidebar-context';

/** The stores' names as sellers know them (not translated). */
const STORE_NAMES: Record<StoreId, string> = { shopify: 'Shopify', woocommerce: 'WooCommerce', nuvemshop: 'Nuvemshop', mercadolivre: 'Mercado Livre' };

export interface StoreOrderPanelProps {
  reading: StoreOrderReading;
  /** What the book made of the page: null while it is being read. */
  preview: StoreOrderPreview | null;
  /** Saves the order (the seller's click; never the page's). Resolves when the answer is shown. */
  onSave: () => Promise<void>;
}

/**
 * An order page of the seller's store: the order as the book understood it, what the page did not let it read, and
 * the one button that saves it into the buyer's profile — or, when the page names no buyer or no order, why nothing
 * can be saved. Page text is shown as text, never as HTML.
 */
export function StoreOrderPanel({ reading, preview, onSave }: StoreOrderPanelProps) {
  const { t, locale, timeZone } = useSidebar();
  const [saving, setSaving] = useState(false);
  const store = STORE_NAMES[reading.store];
  const read = preview?.read;
  const reference = read?.reference ?? reading.reference;
  const name = preview?.profile?.customer.displayName ?? read?.buyerName ?? reading.buyer.name ?? preview?.identities[0]?.value ?? '';
  const save = async () => {
    setSaving(true);
    try {
      await onSave();
    } finally {
      setSaving(false);
    }
  };
  const unread = <span class="unread">{t('storeOrder.unreadValue')}</span>;
  const status = read?.status === 'unpaid' ? t('storeOrder.unpaid') : read?.status ? enumLabel(locale, 'orderStatus', read.status) : null;
  return (
    <section class="store-order" aria-labelledby="clientela-store-order" data-testid="store-order" data-reference={reading.reference ?? ''}>
      <h2 id="clientela-store-order">{reference ? t('storeOrder.title', { reference, store }) : t('storeOrder.titleNoReference', { store })}</h2>
      {preview && read && (
        <dl class="facts">
          <dt>{t('storeOrder.buyer')}</dt>
          <dd data-testid="order-buyer">{read.buyerName ?? reading.buyer.name ?? unread}</dd>
          <dt>{t('storeOrder.placedAt')}</dt>
          <dd>{read.placedAt ? formatDateTime(read.placedAt, locale, timeZone) : unread}</dd>
          <dt>{t('storeOrder.total')}</dt>
          <dd data-testid="order-total">{read.total ? formatMoney(read.total.amount, read.total.currency, locale) : unread}</dd>
          <dt>{t('storeOrder.status')}</dt>
          <dd data-testid="order-status">{status ?? unread}</dd>
          <dt>{t('storeOrder.items')}</dt>
          <dd>{t('storeOrder.itemCount', { count: read.items })}</dd>
        </dl>
      )}
      {preview && preview.missing.length > 0 && (
        <div class="missing">
          <h3>{t('storeOrder.missingTitle')}</h3>
          <ul data-testid="order-missing">
            {preview.missing.map((missing) => (
              <li key={missing.field} data-field={missing.field}>
                {t(`storeOrder.missing.${missing.reason}` as MessageKey, { field: t(`storeOrder.field.${missing.field}` as MessageKey), text: missing.text ?? '' })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {preview?.refusal ? (
        <p class="notice warning" data-testid="order-refusal">
          {t(`storeOrder.refusal.${preview.refusal}` as MessageKey)}
        </p>
      ) : (
        preview && (
          <button type="button" class="primary" data-testid="save-order" disabled={saving} aria-busy={saving} onClick={() => void save()}>
            {saving ? t('storeOrder.saving') : t(preview.profile ? 'storeOrder.save' : 'storeOrder.saveNew', { name })}
          </button>
        )
      )}
    </section>
  );
}
