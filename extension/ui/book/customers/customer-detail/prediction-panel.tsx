import type { CustomerPredictionDetail } from '../../../../../core';
import { numberFormat } from '../../../../../core/locale';
import { formatDate, formatMoney, formatPercent } from '../../../../i18n/format';
import { useBook } from '../../app/book-context';
import { useBookQuery } from '../../data/use-book-query';

/**
 * "Previsão": what the book's model expects of this customer over the next 90 days — the chance they still buy
 * from the seller, how many purchases, what they are worth — with the model's date, how many buyers it learned
 * from, and what it means in plain words. Asked of the background (its table holds the model), again when the
 * customer's orders change or the table says it refitted.
 */
export function PredictionPanel({ customerId }: { customerId: string }) {
  const { background, t } = useBook();
  const answer = useBookQuery(() => background.ask({ type: 'customers/prediction', customerId }), {
    stores: ['orders', 'customers'],
    customerId,
    watch: (changed) => {
      const controller = new AbortController();
      background.watchTable(() => changed(), controller.signal);
      return () => controller.abort();
    },
  });
  const detail = answer.data;
  return (
    <section aria-labelledby="detail-prediction-title" class="detail-section prediction" data-testid="prediction" aria-busy={detail === undefined}>
      <h3 id="detail-prediction-title">{t('prediction.title', { days: detail?.days ?? 90 })}</h3>
      {answer.error !== undefined && detail === undefined && <p class="meta">{t('unavailable')}</p>}
      {detail === null && <p class="meta">{t('prediction.none')}</p>}
      {detail && <PredictionBody detail={detail} />}
    </section>
  );
}

function PredictionBody({ detail }: { detail: CustomerPredictionDetail }) {
  const { t, locale, timeZone } = useBook();
  if (detail.state === 'pending' && detail.prediction === null) return <p class="meta">{t('table.predicting')}</p>;
  if (detail.state === 'unavailable' || detail.fittedAtMs === null) return <p class="meta">{t('prediction.smallBook', { count: detail.minBuyers })}</p>;
  const fitted = t('prediction.fitted', { when: formatDate(detail.fittedAtMs, locale, timeZone), buyers: detail.buyers ?? 0 });
  const { prediction } = detail;
  if (prediction === null) {
    return (
      <>
        <p class="meta">{t('prediction.noPurchase', { currency: detail.currency })}</p>
        <p class="meta">{fitted}</p>
      </>
    );
  }
  const purchases = numberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(prediction.expectedPurchases);
  return (
    <>
      <dl class="prediction-figures">
        <div>
          <dt>{t('prediction.alive')}</dt>
          <dd data-testid="prediction-alive">{formatPercent(prediction.probabilityAlive, 1, locale)}</dd>
        </div>
        <div>
          <dt>{t('prediction.purchases', { days: detail.days })}</dt>
          <dd data-testid="prediction-purchases">{purchases}</dd>
        </div>
        <div>
          <dt>{t('prediction.value', { days: detail.days })}</dt>
          <dd data-testid="prediction-value">{formatMoney(Math.round(prediction.valueMinor), detail.currency, locale)}</dd>
        </div>
      </dl>
      <p>{t('prediction.explain', { alive: Math.round(prediction.probabilityAlive * 100), days: detail.days })}</p>
      <p class="meta">{fitted}</p>
    </>
  );
}
