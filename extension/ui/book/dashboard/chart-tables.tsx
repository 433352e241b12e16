import { ACTIVITY_STATUSES, type ActivityStatus, type MonthlyCohort, type MonthlyFeedback, type MonthlyRevenue } from '../../../../core';
import { numberFormat } from '../../../../core/locale';
import { formatMoney } from '../../../i18n/format';
import { currencyLabel, enumLabel } from '../../../i18n/labels';
import { useBook } from '../app/book-context';
import { formatMonth, formatScore, formatShare } from './dashboard-format';

/**
 * The table behind each Painel chart: the same numbers the chart draws, with a caption and headers, so they can
 * be read without the picture (and are the only view where no canvas exists).
 */

export function RevenueTable({ caption, revenue, currencies }: { caption: string; revenue: MonthlyRevenue; currencies: readonly string[] }) {
  const { t, locale } = useBook();
  return (
    <table class="chart-table" data-testid="revenue-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('dashboard.column.month')}</th>
          {currencies.map((currency) => (
            <th scope="col" key={currency} data-currency={currency}>
              {currencyLabel(currency, locale)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {revenue.months.map((month, k) => (
          <tr key={month} data-month={month}>
            <th scope="row">{formatMonth(month, locale)}</th>
            {currencies.map((currency) => (
              <td key={currency} data-currency={currency}>
                {formatMoney(revenue.revenueMinor[currency]?.[k] ?? 0, currency, locale)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ActivityTable({ caption, activity }: { caption: string; activity: Record<ActivityStatus, number> }) {
  const { t, locale } = useBook();
  const number = numberFormat(locale);
  return (
    <table class="chart-table" data-testid="activity-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('column.activity')}</th>
          <th scope="col">{t('segments.customers')}</th>
        </tr>
      </thead>
      <tbody>
        {ACTIVITY_STATUSES.map((status) => (
          <tr key={status} data-activity={status}>
            <th scope="row">{enumLabel(locale, 'activityStatus', status)}</th>
            <td>{number.format(activity[status])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Cohort retention as a heat table (it is the chart): a row per month of first purchases, a column per month
 * after it, each cell the share who bought then, its fullness a bar under the number rather than a shade behind it
 * (the number keeps its contrast in both schemes).
 */
export function CohortTable({ caption, cohorts }: { caption: string; cohorts: readonly MonthlyCohort[] }) {
  const { t, locale } = useBook();
  const number = numberFormat(locale);
  const width = Math.max(0, ...cohorts.map((cohort) => cohort.share.length));
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table class="chart-table cohort-table" data-testid="cohort-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.column.cohort')}</th>
            <th scope="col">{t('dashboard.column.cohortSize')}</th>
            {Array.from({ length: width }, (_, k) => (
              <th scope="col" key={k}>
                {t('dashboard.column.monthAfter', { n: k })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cohorts.map((cohort) => (
            <tr key={cohort.month} data-month={cohort.month}>
              <th scope="row">{formatMonth(cohort.month, locale)}</th>
              <td>{number.format(cohort.customers)}</td>
              {Array.from({ length: width }, (_, k) => {
                const share = cohort.share[k];
                return (
                  <td key={k} class="heat" data-after={k}>
                    {share === undefined ? (
                      <span class="meta">{t('dashboard.none.notYet')}</span>
                    ) : (
                      <>
                        {formatShare(share, locale)}
                        <span class="bar" style={{ '--share': String(share) }} aria-hidden="true" />
                      </>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function FeedbackTable({ caption, feedback }: { caption: string; feedback: MonthlyFeedback }) {
  const { t, locale } = useBook();
  const number = numberFormat(locale);
  const none = t('dashboard.none.short');
  return (
    <table class="chart-table" data-testid="feedback-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('dashboard.column.month')}</th>
          <th scope="col">{t('dashboard.series.csat')}</th>
          <th scope="col">{t('dashboard.column.csatResponses')}</th>
          <th scope="col">{t('dashboard.series.nps')}</th>
          <th scope="col">{t('dashboard.column.npsResponses')}</th>
        </tr>
      </thead>
      <tbody>
        {feedback.months.map((month, k) => {
          const csat = feedback.csatPercent[k] ?? null;
          const nps = feedback.nps[k] ?? null;
          return (
            <tr key={month} data-month={month}>
              <th scope="row">{formatMonth(month, locale)}</th>
              <td data-series="csat">{csat === null ? none : formatShare(csat / 100, locale)}</td>
              <td>{number.format(feedback.csatResponses[k] ?? 0)}</td>
              <td data-series="nps">{nps === null ? none : formatScore(nps, locale)}</td>
              <td>{number.format(feedback.npsResponses[k] ?? 0)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
