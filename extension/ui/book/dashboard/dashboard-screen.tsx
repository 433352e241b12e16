import { useEffect } from 'preact/hooks';
import { DASHBOARD_PERIODS, type DashboardPeriod } from '../../../../core';
import { formatDate } from '../../../i18n/format';
import { useBook } from '../app/book-context';
import { DASHBOARD_PATH } from '../app/book-links';
import type { ScreenProps } from '../app/routes';
import { hrefOf, navigate } from '../app/router';
import { useBookQuery } from '../data/use-book-query';
import { canDrawCharts, DashboardCharts } from './dashboard-charts';
import { MetricCards } from './metric-cards';
import './dashboard.css';

/** Book stores whose changes move the figures (the background's table follows the same feed). */
const FIGURE_STORES = ['customers', 'orders', 'feedback'] as const;

/** The period in the address (`#/painel?periodo=trimestre`), in the seller's words. */
const PERIOD_PARAM = 'periodo';
const PERIOD_WORDS: Record<DashboardPeriod, string> = { month: 'mes', quarter: 'trimestre', year: 'ano', '30d': '30-dias' };

function periodOf(params: URLSearchParams): DashboardPeriod {
  const word = params.get(PERIOD_PARAM);
  return DASHBOARD_PERIODS.find((period) => PERIOD_WORDS[period] === word) ?? 'month';
}

/**
 * Painel: the chosen period's figures against the previous period's (cards), and the last year in charts, each
 * with its table. All from the background's table (`dashboard/figures`), asked again when the book changes and
 * when the table has applied a change or finished its predictions (`table/updated`).
 */
export function DashboardScreen({ route }: Partial<ScreenProps>) {
  const { background, t, locale, timeZone } = useBook();
  const period = periodOf(route?.params ?? new URLSearchParams());
  const figures = useBookQuery(() => background.ask({ type: 'dashboard/figures', period }), {
    stores: [...FIGURE_STORES],
    deps: [period],
    watch: (changed) => {
      const controller = new AbortController();
      background.watchTable(() => changed(), controller.signal);
      return () => controller.abort();
    },
  });
  // uPlot's chunk loads while the background works out the figures, not after.
  useEffect(() => {
    if (canDrawCharts()) void import('./chart-draw');
  }, []);
  const reply = figures.data;
  // A window's last day is the one before its end (windows are [start, end)).
  const range = (span: { start: number; end: number }) => t('dashboard.range', { start: formatDate(span.start, locale, timeZone), end: formatDate(span.end - 1, locale, timeZone) });

  return (
    <div class="dashboard" data-testid="dashboard" aria-busy={figures.loading ? 'true' : 'false'}>
      <label class="dashboard-period">
        {t('dashboard.period')}
        <select value={period} onChange={(event) => navigate(hrefOf([DASHBOARD_PATH], { [PERIOD_PARAM]: PERIOD_WORDS[event.currentTarget.value as DashboardPeriod] }), { replace: true })}>
          {DASHBOARD_PERIODS.map((choice) => (
            <option key={choice} value={choice}>
              {t(`dashboard.period.${choice}`)}
            </option>
          ))}
        </select>
      </label>
      {figures.error !== undefined && reply === undefined ? (
        <p class="error">{t('unavailable')}</p>
      ) : reply === undefined || reply.period !== period ? (
        <p class="meta" role="status">
          {t('dashboard.loading')}
        </p>
      ) : (
        <>
          <p class="meta" data-testid="dashboard-windows">
            {t('dashboard.windows', { current: range(reply.current), previous: range(reply.previous) })}
          </p>
          {reply.current.orders === 0 && reply.previous.orders === 0 && Object.keys(reply.revenue.revenueMinor).length === 0 && (
            <p class="warning">{t('dashboard.empty')}</p>
          )}
          <section aria-labelledby="dashboard-cards">
            <h2 id="dashboard-cards">{t('dashboard.cards')}</h2>
            <MetricCards reply={reply} />
          </section>
          <section aria-labelledby="dashboard-charts">
            <h2 id="dashboard-charts">{t('dashboard.charts')}</h2>
            <DashboardCharts reply={reply} />
          </section>
        </>
      )}
    </div>
  );
}
