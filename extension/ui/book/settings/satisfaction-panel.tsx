import { computeMetrics } from '../../../../core';
import { numberFormat } from '../../../../core/locale';
import { useBook } from '../app/book-context';
import { useBookQuery } from '../data/use-book-query';

const DAY = 86_400_000;

/** CSAT and NPS over the last 30 days, from the feedback in the book (storefront and typed). */
export function SatisfactionPanel() {
  const { t, locale, timeZone } = useBook();
  const { data: figures } = useBookQuery(
    async (book) => {
      const feedback = await book.feedback.list();
      const now = Date.now();
      const { current } = computeMetrics({ customers: [], orders: [], feedback, period: { start: now - 30 * DAY, end: now + 1 }, now, timeZone });
      return { csat: current.csatPercent, csatResponses: current.csatResponses, nps: current.nps, npsResponses: current.npsResponses };
    },
    { stores: ['feedback'], deps: [timeZone] },
  );
  const number = numberFormat(locale, { maximumFractionDigits: 0 });
  return (
    <section aria-labelledby="satisfaction-title">
      <h2 id="satisfaction-title">{t('satisfaction')}</h2>
      {figures && (
        <dl class="figures">
          <dt>CSAT</dt>
          <dd data-testid="csat">
            {figures.csat === null ? t('noResponses') : `${number.format(figures.csat)}%`} <span class="identity">{t('responses', { count: figures.csatResponses })}</span>
          </dd>
          <dt>NPS</dt>
          <dd data-testid="nps">
            {figures.nps === null ? t('noResponses') : number.format(figures.nps)} <span class="identity">{t('responses', { count: figures.npsResponses })}</span>
          </dd>
        </dl>
      )}
    </section>
  );
}
