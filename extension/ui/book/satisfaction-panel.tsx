import { useEffect, useState } from 'preact/hooks';
import { computeMetrics, type Book } from '../../../core';
import { numberFormat } from '../../../core/locale';
import type { Locale, MessageKey } from '../../i18n/translate';

const DAY = 86_400_000;

/** CSAT and NPS over the last 30 days, from the feedback in the book (storefront and typed). */
export function SatisfactionPanel({ book, locale, timeZone, t }: { book: Book; locale: Locale; timeZone: string; t: (key: MessageKey, params?: Record<string, string | number>) => string }) {
  const [figures, setFigures] = useState<{ csat: number | null; csatResponses: number; nps: number | null; npsResponses: number } | null>(null);
  useEffect(() => {
    const load = () =>
      void book.feedback.list().then((feedback) => {
        const now = Date.now();
        const { current } = computeMetrics({ customers: [], orders: [], feedback, period: { start: now - 30 * DAY, end: now + 1 }, now, timeZone });
        setFigures({ csat: current.csatPercent, csatResponses: current.csatResponses, nps: current.nps, npsResponses: current.npsResponses });
      });
    load();
    return book.onChange((change) => {
      if (change.wholeBook || change.stores.includes('feedback')) load();
    });
  }, [book, timeZone]);
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
