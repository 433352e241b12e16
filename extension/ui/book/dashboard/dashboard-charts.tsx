import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { DashboardReply } from '../../../background/dashboard-service';
import { formatMoney } from '../../../i18n/format';
import { currencyLabel, enumLabel } from '../../../i18n/labels';
import { ACTIVITY_STATUSES } from '../../../../core';
import { numberFormat } from '../../../../core/locale';
import { useBook } from '../app/book-context';
import type { ChartSpec } from './chart-draw';
import { ActivityTable, CohortTable, FeedbackTable, RevenueTable } from './chart-tables';
import { currenciesOf, formatAxisMonth, formatScore } from './dashboard-format';

/** Whether this document can draw on a canvas (happy-dom cannot: the tables stand alone there). */
export function canDrawCharts(): boolean {
  if (typeof matchMedia !== 'function' || typeof ResizeObserver !== 'function') return false;
  try {
    return document.createElement('canvas').getContext('2d') !== null;
  } catch {
    return false;
  }
}

/**
 * A chart drawn by uPlot, loaded on first use (its ~50 KB stay out of the page's first script), as one image
 * with an accessible name; `data-drawn` once it is on the canvas. Nothing where no canvas exists.
 */
function ChartView({ spec, label, id }: { spec: ChartSpec; label: string; id: string }) {
  const host = useRef<HTMLDivElement>(null);
  const [drawable] = useState(canDrawCharts);
  useEffect(() => {
    const element = host.current;
    if (!drawable || element === null) return undefined;
    let stop: (() => void) | null = null;
    let live = true;
    void import('./chart-draw').then(({ drawChart }) => {
      if (!live) return;
      stop = drawChart(element, spec);
      element.dataset.drawn = 'true';
    });
    return () => {
      live = false;
      stop?.();
      delete element.dataset.drawn;
    };
  }, [drawable, spec]);
  if (!drawable) return null;
  return <div ref={host} class="chart" role="img" aria-label={label} data-chart={id} />;
}

/** The series' names beside their line style (solid, dashed) and colour: the chart's key, as text. */
function Legend({ spec }: { spec: ChartSpec }) {
  return (
    <ul class="chart-legend">
      {spec.series.map((series) => (
        <li key={series.label}>
          <span class={`swatch${series.dash ? ' dashed' : ''}`} style={{ '--swatch': `var(${series.colour})` }} aria-hidden="true" />
          {series.label}
        </li>
      ))}
    </ul>
  );
}

function ChartPanel({ id, title, spec, note, children }: { id: string; title: string; spec: ChartSpec | null; note?: string | undefined; children: ComponentChildren }) {
  const { t } = useBook();
  return (
    <section class="panel chart-panel" aria-labelledby={`chart-${id}`} data-testid={`chart-${id}`}>
      <h3 id={`chart-${id}`}>{title}</h3>
      {spec !== null && (
        <>
          <ChartView spec={spec} id={id} label={t('dashboard.chart.figure', { title })} />
          <Legend spec={spec} />
        </>
      )}
      {note !== undefined && <p class="meta">{note}</p>}
      {children}
    </section>
  );
}

/** The Painel's charts, each with its table: revenue per month, customers by activity, cohorts, CSAT and NPS. */
export function DashboardCharts({ reply }: { reply: DashboardReply }) {
  const { t, locale } = useBook();
  const { revenue, mainCurrency, activity, cohorts, feedback } = reply;
  const currencies = currenciesOf(mainCurrency, Object.fromEntries(Object.keys(revenue.revenueMinor).map((c) => [c, 0])));
  const chartCurrency = revenue.revenueMinor[mainCurrency] ? mainCurrency : (currencies[0] ?? mainCurrency);
  const others = currencies.filter((currency) => currency !== chartCurrency);
  const number = numberFormat(locale);
  const specs = useMemo(() => {
    const months = revenue.months.map((month, k) => formatAxisMonth(month, k === 0, locale));
    const revenueSeries = revenue.revenueMinor[chartCurrency];
    const revenueSpec: ChartSpec | null = revenueSeries
      ? {
          kind: 'bars',
          labels: months,
          series: [{ label: currencyLabel(chartCurrency, locale), values: revenueSeries.map((minor) => minor), colour: '--chart-1' }],
          formatY: (minor) => formatMoney(minor, chartCurrency, locale),
        }
      : null;
    const activitySpec: ChartSpec = {
      kind: 'bars',
      labels: ACTIVITY_STATUSES.map((status) => enumLabel(locale, 'activityStatus', status)),
      series: [{ label: t('segments.customers'), values: ACTIVITY_STATUSES.map((status) => activity[status]), colour: '--chart-1' }],
      formatY: (value) => number.format(value),
    };
    const rated = feedback.csatResponses.some((n) => n > 0) || feedback.npsResponses.some((n) => n > 0);
    const feedbackSpec: ChartSpec | null = rated
      ? {
          kind: 'lines',
          labels: months,
          series: [
            { label: t('dashboard.series.csat'), values: feedback.csatPercent, colour: '--chart-1' },
            { label: t('dashboard.series.nps'), values: feedback.nps, colour: '--chart-2', dash: true },
          ],
          formatY: (value) => formatScore(value, locale),
          yRange: [-100, 100],
        }
      : null;
    return { revenueSpec, activitySpec, feedbackSpec };
  }, [reply, locale, t]);

  const revenueTitle = t('dashboard.chart.revenue', { currency: currencyLabel(chartCurrency, locale) });
  const activityTitle = t('dashboard.chart.activity');
  const cohortTitle = t('dashboard.chart.cohorts');
  const feedbackTitle = t('dashboard.chart.feedback');
  return (
    <div class="dashboard-charts">
      <ChartPanel
        id="revenue"
        title={revenueTitle}
        spec={specs.revenueSpec}
        note={specs.revenueSpec === null ? t('dashboard.revenueEmpty') : others.length > 0 ? t('dashboard.chart.revenueOthers', { currencies: others.map((c) => currencyLabel(c, locale)).join(', ') }) : undefined}
      >
        {currencies.length > 0 && <RevenueTable caption={revenueTitle} revenue={revenue} currencies={currencies} />}
      </ChartPanel>
      <ChartPanel id="activity" title={activityTitle} spec={specs.activitySpec}>
        <ActivityTable caption={activityTitle} activity={activity} />
      </ChartPanel>
      <ChartPanel id="cohorts" title={cohortTitle} spec={null} note={cohorts.length === 0 ? t('dashboard.cohortsEmpty') : t('dashboard.cohortsHelp')}>
        {cohorts.length > 0 && <CohortTable caption={cohortTitle} cohorts={cohorts} />}
      </ChartPanel>
      <ChartPanel id="feedback" title={feedbackTitle} spec={specs.feedbackSpec} note={specs.feedbackSpec === null ? t('dashboard.feedbackEmpty') : undefined}>
        {specs.feedbackSpec !== null && <FeedbackTable caption={feedbackTitle} feedback={feedback} />}
      </ChartPanel>
    </div>
  );
}
