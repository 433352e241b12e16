import { useEffect, useState } from 'preact/hooks';
import { ACTIVITY_STATUSES, LIFECYCLE_STAGES, RFM_SEGMENT_IDS, tableQuerySchema, type TableFacets, type TableFiltersInput } from '../../../../core';
import { numberFormat } from '../../../../core/locale';
import { formatPercent } from '../../../i18n/format';
import { enumLabel } from '../../../i18n/labels';
import { useBook } from '../app/book-context';
import { CUSTOMERS_PATH } from '../app/book-links';
import { hrefOf } from '../app/router';
import { paramsFromQuery } from '../customers/table-route';
import { SegmentRules } from './segment-rules';

/**
 * Below this many paying customers, RFM quintiles say nothing (a fifth of 10 customers is 2 people, and the only
 * buyer of a new shop would be "Perdidos" the day after): the screen says so and shows activity only.
 */
export const RFM_MIN_PAYING = 30;

const SCORES = [5, 4, 3, 2, 1] as const;
const FREQUENCIES = [1, 2, 3, 4, 5] as const;

/** The Clientes list with these filters (what a count on this screen opens). */
export function customersHref(filters: TableFiltersInput): string {
  return hrefOf([CUSTOMERS_PATH], paramsFromQuery(tableQuerySchema.parse({ filters })));
}

/**
 * Segmentos: the clientele in groups, each count a link to exactly those customers in Clientes. Activity by each
 * customer's own rhythm; the RFM recency × frequency grid (5 × 5 cells, a cell opens `#/clientes?rfm=53`) and
 * the named RFM groups; lifecycle stages. Counts are the background table's facets (`table/facets`, archived
 * customers left out), read again when the table changes. Then custom segments: a rule builder counted live, and
 * the saved segments, each opened as a list or exported (segment-rules.tsx).
 */
export function SegmentsScreen() {
  const { t, locale, background } = useBook();
  const [facets, setFacets] = useState<TableFacets | null>(null);
  const [failed, setFailed] = useState(false);
  const [updates, setUpdates] = useState(0);

  useEffect(() => {
    const stop = new AbortController();
    background.watchTable(() => setUpdates((n) => n + 1), stop.signal);
    return () => stop.abort();
  }, [background]);
  useEffect(() => {
    let live = true;
    background.ask({ type: 'table/facets', search: '', archived: 'exclude' }).then(
      (answer) => {
        if (!live) return;
        setFailed(false);
        setFacets(answer);
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [background, updates]);

  if (failed && facets === null) return <p class="error">{t('segments.readFailed')}</p>;
  if (facets === null) return <p class="meta" role="status">{t('segments.reading')}</p>;
  const number = numberFormat(locale);
  const paying = Object.values(facets.rfmCells).reduce((sum, count) => sum + count, 0);
  const small = paying < RFM_MIN_PAYING;
  const most = Math.max(1, ...Object.values(facets.rfmCells));

  return (
    <div class="segments" data-testid="segments">
      <p class="meta">{t('segments.summary', { customers: facets.total, paying })}</p>

      <section class="panel" aria-labelledby="segments-activity">
        <h3 id="segments-activity">{t('segments.activity')}</h3>
        <p class="meta">{t('segments.activityHelp')}</p>
        <CountTable
          caption={t('segments.activity')}
          heading={t('column.activity')}
          total={facets.total}
          rows={ACTIVITY_STATUSES.map((status) => ({ key: status, label: enumLabel(locale, 'activityStatus', status), count: facets.activity[status] ?? 0, href: customersHref({ activity: [status] }) }))}
        />
      </section>

      {small ? (
        <p class="warning" data-testid="rfm-small-book">
          {t('segments.smallBook', { paying, needed: RFM_MIN_PAYING })}
        </p>
      ) : (
        <>
          <section class="panel" aria-labelledby="segments-rfm">
            <h3 id="segments-rfm">{t('segments.rfmGrid')}</h3>
            <p class="meta">{t('segments.rfmHelp')}</p>
            <table class="rfm-grid" data-testid="rfm-grid">
              <caption class="visually-hidden">{t('segments.rfmGrid')}</caption>
              <thead>
                <tr>
                  <td />
                  {FREQUENCIES.map((f) => (
                    <th scope="col" key={f}>
                      {t('segments.frequencyScore', { score: f })}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {SCORES.map((r) => (
                  <tr key={r}>
                    <th scope="row">{t('segments.recencyScore', { score: r })}</th>
                    {FREQUENCIES.map((f) => {
                      const cell = r * 10 + f;
                      const count = facets.rfmCells[String(cell)] ?? 0;
                      return (
                        <td key={f} style={{ '--share': String(count / most) }} data-cell={cell}>
                          {count === 0 ? (
                            <span class="meta">0</span>
                          ) : (
                            <a href={customersHref({ rfmCells: [cell] })} aria-label={t('segments.cellLabel', { count, recency: r, frequency: f })}>
                              {number.format(count)}
                            </a>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>

          <section class="panel" aria-labelledby="segments-named">
            <h3 id="segments-named">{t('segments.named')}</h3>
            <CountTable
              caption={t('segments.named')}
              heading={t('column.segment')}
              total={paying}
              rows={RFM_SEGMENT_IDS.map((segment) => ({ key: segment, label: enumLabel(locale, 'rfmSegment', segment), count: facets.segments[segment] ?? 0, href: customersHref({ segments: [segment] }) }))}
            />
          </section>
        </>
      )}

      <section class="panel" aria-labelledby="segments-lifecycle">
        <h3 id="segments-lifecycle">{t('segments.lifecycle')}</h3>
        <CountTable
          caption={t('segments.lifecycle')}
          heading={t('column.stage')}
          total={facets.total}
          rows={LIFECYCLE_STAGES.map((stage) => ({ key: stage, label: enumLabel(locale, 'lifecycleStage', stage), count: facets.stages[stage] ?? 0, href: customersHref({ stages: [stage] }) }))}
        />
      </section>

      <SegmentRules updates={updates} />
    </div>
  );
}

interface CountRow {
  key: string;
  label: string;
  count: number;
  href: string;
}

/** Groups as a table (name, customers, share) with a bar per row: read or glance, and each count opens its list. */
function CountTable({ caption, heading, total, rows }: { caption: string; heading: string; total: number; rows: CountRow[] }) {
  const { t, locale } = useBook();
  const number = numberFormat(locale);
  return (
    <table class="count-table">
      <caption class="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{heading}</th>
          <th scope="col">{t('segments.customers')}</th>
          <th scope="col">{t('segments.share')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const share = total === 0 ? 0 : row.count / total;
          return (
            <tr key={row.key} data-group={row.key}>
              <th scope="row">{row.label}</th>
              <td class="count">{row.count === 0 ? number.format(0) : <a href={row.href}>{number.format(row.count)}</a>}</td>
              <td class="share">
                <span class="bar" style={{ '--share': String(share) }} aria-hidden="true" />
                {formatPercent(row.count, total, locale)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
