import { useState } from 'preact/hooks';
import { ORDER_CHANNELS, ORDER_STATUSES, parseAmount, type Order, type OrderStatus } from '../../../../../core';
import { formatDate, formatMoney, instantOfWallClock } from '../../../../i18n/format';
import { enumLabel } from '../../../../i18n/labels';
import { useBook } from '../../app/book-context';
import { ConfirmStep } from './confirm-step';
import { Field, fieldInput } from './field';

type Pending = { order: Order; action: 'refund' | 'cancel' | 'delete' } | null;

/** Minor units as the amount field shows them (1234,56 in pt-BR): what parseAmount reads back. */
function amountText(minor: number, currency: string, locale: string): string {
  const digits = new Intl.NumberFormat('en', { currency, style: 'currency' }).resolvedOptions().maximumFractionDigits ?? 2;
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }).format(minor / 10 ** digits);
}

/** The seller's calendar day of an instant, for a date input. */
function dayInput(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/**
 * Every order of the customer, newest first: edit (amount, day, status, channel), refund, cancel and delete, each
 * one transaction; the last three ask first. Totals and the last purchase follow (the store keeps them in step).
 */
export function OrdersPanel({ orders }: { orders: Order[] }) {
  const { book, t, locale, timeZone, notify } = useBook();
  const [editing, setEditing] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending>(null);

  const describe = (order: Order) => t('orderOf', { amount: formatMoney(order.totalMinor, order.currency, locale), date: formatDate(order.placedAt, locale, timeZone) });

  const run = async (write: () => Promise<unknown>, done: string) => {
    try {
      await write();
      notify(done);
      return true;
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), 'alert');
      return false;
    }
  };

  const confirm = async () => {
    if (!pending) return;
    const { order, action } = pending;
    setPending(null);
    if (action === 'delete') await run(() => book.orders.remove(order.id), t('orderDeleted', { order: describe(order) }));
    else await run(() => book.orders.update({ ...order, status: action === 'refund' ? 'refunded' : 'cancelled' }), t(action === 'refund' ? 'orderRefunded' : 'orderCancelled', { order: describe(order) }));
  };

  return (
    <section aria-labelledby="detail-orders-title" class="detail-section" data-testid="order-history">
      <h3 id="detail-orders-title">{t('orderHistory')}</h3>
      {orders.length === 0 ? (
        <p class="meta">{t('noOrders')}</p>
      ) : (
        <ul class="order-history">
          {orders.map((order) => (
            <li key={order.id} class={order.status} data-order-id={order.id}>
              {editing === order.id ? (
                <OrderEditForm order={order} onDone={() => setEditing(null)} run={run} describe={describe} />
              ) : (
                <>
                  <div class="order-line">
                    <span>{formatDate(order.placedAt, locale, timeZone)}</span>
                    <strong>{formatMoney(order.totalMinor, order.currency, locale)}</strong>
                    <span class="status" data-status={order.status}>
                      {enumLabel(locale, 'orderStatus', order.status)}
                    </span>
                    <span class="meta">{enumLabel(locale, 'orderChannel', order.channel)}</span>
                    {order.items.length > 0 && <span class="items">{order.items.map((item) => item.name).join(', ')}</span>}
                  </div>
                  {pending?.order.id === order.id ? (
                    <ConfirmStep
                      message={t(`confirm.${pending.action}Order`, { order: describe(order) })}
                      confirmLabel={t(`action.${pending.action}Order`)}
                      onConfirm={() => void confirm()}
                      onCancel={() => setPending(null)}
                    />
                  ) : (
                    <div class="actions">
                      <button type="button" class="secondary" aria-label={`${t('edit')}: ${describe(order)}`} onClick={() => setEditing(order.id)}>
                        {t('edit')}
                      </button>
                      {order.status === 'paid' && (
                        <>
                          <button type="button" class="secondary" aria-label={`${t('action.refundOrder')}: ${describe(order)}`} onClick={() => setPending({ order, action: 'refund' })}>
                            {t('action.refundOrder')}
                          </button>
                          <button type="button" class="secondary" aria-label={`${t('action.cancelOrder')}: ${describe(order)}`} onClick={() => setPending({ order, action: 'cancel' })}>
                            {t('action.cancelOrder')}
                          </button>
                        </>
                      )}
                      <button type="button" class="secondary danger-text" aria-label={`${t('action.deleteOrder')}: ${describe(order)}`} onClick={() => setPending({ order, action: 'delete' })}>
                        {t('action.deleteOrder')}
                      </button>
                    </div>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

interface EditProps {
  order: Order;
  onDone: () => void;
  run: (write: () => Promise<unknown>, done: string) => Promise<boolean>;
  describe: (order: Order) => string;
}

function OrderEditForm({ order, onDone, run, describe }: EditProps) {
  const { book, t, locale, timeZone } = useBook();
  const [amount, setAmount] = useState(amountText(order.totalMinor, order.currency, locale));
  const [day, setDay] = useState(dayInput(order.placedAt, timeZone));
  const [status, setStatus] = useState<OrderStatus>(order.status);
  const [channel, setChannel] = useState(order.channel);
  const [amountError, setAmountError] = useState<string | null>(null);
  const [dateError, setDateError] = useState<string | null>(null);
  const id = `order-${order.id}`;

  const save = async (event: Event) => {
    event.preventDefault();
    let totalMinor: number;
    try {
      totalMinor = parseAmount(amount, order.currency);
    } catch (error) {
      return setAmountError(error instanceof Error ? error.message : String(error));
    }
    setAmountError(null);
    // The same time of day on the day chosen, in the seller's zone: editing the amount never moves the order's day.
    const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(order.placedAt));
    const instant = day === dayInput(order.placedAt, timeZone) ? Date.parse(order.placedAt) : instantOfWallClock(`${day}T${time}`, timeZone);
    if (!Number.isFinite(instant)) return setDateError(t('invalidDate'));
    setDateError(null);
    const placedAt = new Date(instant).toISOString();
    const next = { ...order, totalMinor, placedAt, status, channel };
    if (await run(() => book.orders.update(next), t('orderSaved', { order: describe(next) }))) onDone();
  };

  return (
    <form class="order-edit" onSubmit={save} noValidate aria-label={`${t('edit')}: ${describe(order)}`}>
      <Field id={`${id}-amount`} label={t('amount')} error={amountError}>
        <input value={amount} inputMode="decimal" autoComplete="off" required {...fieldInput(`${id}-amount`, amountError)} onInput={(e) => setAmount(e.currentTarget.value)} />
      </Field>
      <Field id={`${id}-date`} label={t('date')} error={dateError}>
        <input type="date" value={day} required {...fieldInput(`${id}-date`, dateError)} onInput={(e) => setDay(e.currentTarget.value)} />
      </Field>
      <div class="field">
        <label for={`${id}-status`}>{t('orderStatusLabel')}</label>
        <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.currentTarget.value as OrderStatus)}>
          {ORDER_STATUSES.map((value) => (
            <option key={value} value={value}>
              {enumLabel(locale, 'orderStatus', value)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={`${id}-channel`}>{t('orderChannelLabel')}</label>
        <select id={`${id}-channel`} value={channel} onChange={(e) => setChannel(e.currentTarget.value as Order['channel'])}>
          {ORDER_CHANNELS.map((value) => (
            <option key={value} value={value}>
              {enumLabel(locale, 'orderChannel', value)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">{t('save')}</button>
      <button type="button" class="secondary" onClick={onDone}>
        {t('cancel')}
      </button>
    </form>
  );
}
