import { useState } from 'preact/hooks';
import type { CustomerProfile } from '../../messaging/protocol';
import { formatDate, formatMoney, todayInput } from '../../i18n/format';
import { enumLabel } from '../../i18n/labels';
import { useSidebar } from './sidebar-context';

/** Purchase summary (per currency), the last five orders, and the quick-sale form. */
export function PurchasesPanel({ profile }: { profile: CustomerProfile }) {
  const { t, locale, timeZone, update, announce, ask } = useSidebar();
  const [amount, setAmount] = useState('');
  const [date, setDate] = useState(todayInput(new Date(), timeZone));
  const [items, setItems] = useState('');
  const currency = profile.totals[0]?.currency ?? 'BRL';
  const { insight } = profile;

  const record = async (event: Event) => {
    event.preventDefault();
    const saved = await update(() =>
      ask({ type: 'orders/quick-add', customerId: profile.customer.id, amount, currency, placedOn: date || undefined, items: items || undefined }),
    );
    if (saved) {
      setAmount('');
      setItems('');
      announce(t('saleRecorded'));
    }
  };

  return (
    <section aria-labelledby="clientela-purchases">
      <h3 id="clientela-purchases">{t('purchases')}</h3>
      <dl class="facts" data-testid="purchase-summary">
        <dt>{t('purchases')}</dt>
        <dd data-testid="order-count">{t('orderCount', { count: profile.orderCount })}</dd>
        {profile.totals.map((total) => [
          <dt key={`t-${total.currency}`}>{t('total')}</dt>,
          <dd key={`tv-${total.currency}`} data-testid={`total-${total.currency}`}>
            {formatMoney(total.totalMinor, total.currency, locale)}
          </dd>,
          <dt key={`a-${total.currency}`}>{t('averageTicket')}</dt>,
          <dd key={`av-${total.currency}`} data-testid={`average-${total.currency}`}>
            {formatMoney(total.averageTicketMinor, total.currency, locale)}
          </dd>,
        ])}
        <dt>{t('lastPurchase')}</dt>
        <dd>{profile.customer.lastOrderAt ? formatDate(profile.customer.lastOrderAt, locale, timeZone) : t('never')}</dd>
        {insight?.typicalIntervalDays != null && [
          <dt key="i">{t('typicalInterval')}</dt>,
          <dd key="iv">{t('dayCount', { count: Math.round(insight.typicalIntervalDays) })}</dd>,
        ]}
        {insight?.nextPurchaseExpectedAt && [
          <dt key="n">{t('nextPurchase')}</dt>,
          <dd key="nv">{formatDate(insight.nextPurchaseExpectedAt, locale, timeZone)}</dd>,
        ]}
      </dl>
      {profile.recentOrders.length > 0 && (
        <>
          <h4>{t('recentOrders')}</h4>
          <ul class="orders">
            {profile.recentOrders.map((order) => (
              <li key={order.id} class={order.status}>
                <span>{formatDate(order.placedAt, locale, timeZone)}</span>
                <span>{formatMoney(order.totalMinor, order.currency, locale)}</span>
                {order.status !== 'paid' && <span class="status">{enumLabel(locale, 'orderStatus', order.status)}</span>}
                {order.items.length > 0 && <span class="items">{order.items.map((item) => item.name).join(', ')}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      <form class="quick-sale" onSubmit={record} aria-labelledby="clientela-quick-sale">
        <h4 id="clientela-quick-sale">{t('quickPurchase')}</h4>
        <label>
          {t('amount')}
          <input name="amount" required inputMode="decimal" autoComplete="off" placeholder="1.234,56" value={amount} onInput={(e) => setAmount(e.currentTarget.value)} />
        </label>
        <label>
          {t('date')}
          <input name="date" type="date" value={date} onInput={(e) => setDate(e.currentTarget.value)} />
        </label>
        <label>
          {t('items')}
          <input name="items" autoComplete="off" value={items} onInput={(e) => setItems(e.currentTarget.value)} />
        </label>
        <button type="submit">{t('register')}</button>
      </form>
    </section>
  );
}
