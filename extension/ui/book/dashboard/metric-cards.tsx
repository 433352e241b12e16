import type { MoneyByCurrency, WindowMetrics } from '../../../../core';
import { numberFormat } from '../../../../core/locale';
import type { DashboardReply } from '../../../background/dashboard-service';
import { formatDate, formatMoney } from '../../../i18n/format';
import type { MessageKey } from '../../../i18n/translate';
import { useBook } from '../app/book-context';
import { currenciesOf, formatScore, formatShare, pointChange, relativeChange, type Change } from './dashboard-format';

/** One line of a card: this period's figure, the previous one's and the change, in words. */
interface CardLine {
  /** The currency of a money line; absent for counts and rates. */
  currency?: string;
  current: string;
  previous: string;
  change: string | null;
}

interface Card {
  id: string;
  title: MessageKey;
  lines: CardLine[];
  /** Said instead of the lines when the period has nothing to show. */
  empty?: string;
  /** A line under the figures (how many answered, what a forecast stands on). */
  note?: string;
}

type Translate = ReturnType<typeof useBook>['t'];
type Locale = ReturnType<typeof useBook>['locale'];

/**
 * The Painel's cards: each figure of the chosen period beside the previous period's and how it changed, in words
 * (↑/↓ and "acima"/"abaixo", never colour alone). Money is one line per currency, never added across them.
 */
export function MetricCards({ reply }: { reply: DashboardReply }) {
  const { t, locale, timeZone } = useBook();
  const cards = metricCards(reply, t, locale);
  return (
    <ul class="metric-cards" data-testid="metric-cards">
      {cards.map((card) => (
        <li key={card.id} class="metric-card" data-metric={card.id}>
          <h3>{t(card.title)}</h3>
          {card.empty !== undefined ? (
            <p class="metric-empty">{card.empty}</p>
          ) : (
            card.lines.map((line) => (
              <div key={line.currency ?? card.id} class="metric-line" data-currency={line.currency}>
                <p class="metric-value">{line.current}</p>
                <p class="metric-previous">{t('dashboard.previous', { value: line.previous })}</p>
                {line.change !== null && <p class="metric-change">{line.change}</p>}
              </div>
            ))
          )}
          {card.note !== undefined && <p class="metric-note">{card.note}</p>}
        </li>
      ))}
      <PredictedCard reply={reply} t={t} locale={locale} timeZone={timeZone} />
    </ul>
  );
}

function PredictedCard({ reply, t, locale, timeZone }: { reply: DashboardReply; t: Translate; locale: Locale; timeZone: string }) {
  const { predicted, predictions } = reply;
  return (
    <li class="metric-card" data-metric="predicted">
      <h3>{t('dashboard.card.predicted')}</h3>
      {predicted !== null ? (
        <>
          <p class="metric-value" data-currency={predicted.currency}>
            {formatMoney(predicted.minor, predicted.currency, locale)}
          </p>
          <p class="metric-note">{t('dashboard.predicted.basis', { count: predicted.customers, date: formatDate(predicted.fittedAtMs, locale, timeZone) })}</p>
          <p class="metric-note">{t('dashboard.predicted.noPrevious')}</p>
        </>
      ) : (
        <p class="metric-empty">{t(predictions === 'pending' ? 'dashboard.predicted.pending' : 'dashboard.predicted.unavailable')}</p>
      )}
    </li>
  );
}

function changeText(change: Change, t: Translate): string {
  if (change.direction === 'up') return t('dashboard.change.up', { amount: change.amount });
  if (change.direction === 'down') return t('dashboard.change.down', { amount: change.amount });
  return t(change.direction === 'same' ? 'dashboard.change.same' : 'dashboard.change.fromNothing');
}

/** A change in points (p.p. for shares, plain points for NPS) in words. */
function pointsText(current: number, previous: number, t: Translate, unit: 'dashboard.pp' | 'dashboard.npsPoints'): string {
  const { direction, points } = pointChange(current, previous);
  if (direction === 'same') return t('dashboard.change.same');
  return t(direction === 'up' ? 'dashboard.change.up' : 'dashboard.change.down', { amount: t(unit, { points }) });
}

function metricCards(reply: DashboardReply, t: Translate, locale: Locale): Card[] {
  const { current, previous, mainCurrency } = reply;
  const count = (value: number) => numberFormat(locale).format(value);
  const noSales = current.orders === 0 && previous.orders === 0 ? t('dashboard.none.sales') : undefined;
  const money = (id: string, title: MessageKey, pick: (w: WindowMetrics) => MoneyByCurrency, zeroWhenNone: boolean): Card => ({
    id,
    title,
    ...(noSales !== undefined ? { empty: noSales } : {}),
    lines: currenciesOf(mainCurrency, pick(current), pick(previous)).map((currency) => {
      const now = pick(current)[currency] ?? (zeroWhenNone ? 0 : undefined);
      const before = pick(previous)[currency] ?? (zeroWhenNone ? 0 : undefined);
      const shown = (minor: number | undefined) => (minor === undefined ? t('dashboard.none.short') : formatMoney(minor, currency, locale));
      return {
        currency,
        current: shown(now),
        previous: shown(before),
        change: now === undefined ? null : before === undefined ? t('dashboard.change.fromNothing') : changeText(relativeChange(now, before, locale), t),
      };
    }),
  });
  const counted = (id: string, title: MessageKey, pick: (w: WindowMetrics) => number): Card => ({
    id,
    title,
    lines: [{ current: count(pick(current)), previous: count(pick(previous)), change: changeText(relativeChange(pick(current), pick(previous), locale), t) }],
  });
  const share = (id: string, title: MessageKey, pick: (w: WindowMetrics) => number | null, none: MessageKey): Card => {
    const now = pick(current);
    const before = pick(previous);
    if (now === null && before === null) return { id, title, lines: [], empty: t(none) };
    const shown = (value: number | null) => (value === null ? t('dashboard.none.short') : formatShare(value, locale));
    return { id, title, lines: [{ current: shown(now), previous: shown(before), change: now === null ? null : before === null ? t('dashboard.change.fromNothing') : pointsText(100 * now, 100 * before, t, 'dashboard.pp') }] };
  };
  const score = (id: string, title: MessageKey, pick: (w: WindowMetrics) => number | null, responses: (w: WindowMetrics) => number, unit: 'dashboard.pp' | 'dashboard.npsPoints', shown: (v: number) => string): Card => {
    const now = pick(current);
    const before = pick(previous);
    const note = t('dashboard.responses', { count: responses(current), previous: responses(previous) });
    if (now === null && before === null) return { id, title, lines: [], empty: t('dashboard.none.ratings'), note };
    const text = (value: number | null) => (value === null ? t('dashboard.none.short') : shown(value));
    return { id, title, note, lines: [{ current: text(now), previous: text(before), change: now === null ? null : before === null ? t('dashboard.change.fromNothing') : pointsText(now, before, t, unit) }] };
  };
  return [
    money('revenue', 'dashboard.card.revenue', (w) => w.revenueMinor, true),
    money('revenue-per-customer', 'dashboard.card.revenuePerCustomer', (w) => w.revenuePerCustomerMinor, false),
    money('average-ticket', 'dashboard.card.averageTicket', (w) => w.averageTicketMinor, false),
    counted('orders', 'dashboard.card.orders', (w) => w.orders),
    counted('new-customers', 'dashboard.card.newCustomers', (w) => w.newCustomers),
    share('repurchase-rate', 'dashboard.card.repurchaseRate', (w) => w.repurchaseRate, 'dashboard.none.buyers'),
    share('retention', 'dashboard.card.retention', (w) => w.retentionRate, 'dashboard.none.retention'),
    share('churn', 'dashboard.card.churn', (w) => w.churnRate, 'dashboard.none.retention'),
    score('csat', 'dashboard.card.csat', (w) => w.csatPercent, (w) => w.csatResponses, 'dashboard.pp', (v) => formatShare(v / 100, locale)),
    score('nps', 'dashboard.card.nps', (w) => w.nps, (w) => w.npsResponses, 'dashboard.npsPoints', (v) => formatScore(v, locale)),
  ];
}
