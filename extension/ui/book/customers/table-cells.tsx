import type { CustomerRow, PredictionState, TableColumn, Tag } from '../../../../core';
import { numberFormat } from '../../../../core/locale';
import { formatDate, formatMoney } from '../../../i18n/format';
import { enumLabel, identityLabelKey } from '../../../i18n/labels';
import type { BookTools } from '../app/book-context';

/** What a cell needs besides its row. */
export interface CellContext {
  tools: Pick<BookTools, 't' | 'locale' | 'timeZone'>;
  tags: ReadonlyMap<string, Tag>;
  predictions: PredictionState;
}

const NO_VALUE = '—';

/**
 * One cell's content for a column, as text and elements (never HTML: names and tags are the seller's and their
 * customers' words). `name` is drawn by the row itself (it is the row's link). A plain function, not a component:
 * a scroll draws a few hundred cells a frame, and a component each would be that many more to keep.
 */
export function cellContent(row: CustomerRow, column: Exclude<TableColumn, 'name'>, context: CellContext) {
  const { t, locale, timeZone } = context.tools;
  switch (column) {
    case 'contacts': {
      const [first, ...others] = row.contacts;
      if (!first) return <>{NO_VALUE}</>;
      return (
        <>
          <span class="identity">{t(identityLabelKey(first.kind))}:</span> {first.raw}
          {others.length > 0 && <span class="identity"> {t('table.moreContacts', { count: others.length })}</span>}
        </>
      );
    }
    case 'tags':
      return (
        <>
          {row.tagIds.map((id) => {
            const tag = context.tags.get(id);
            return tag ? (
              <span key={id} class="tag-chip" style={{ '--tag-colour': tag.colour }}>
                {tag.name}
              </span>
            ) : null;
          })}
        </>
      );
    case 'activity':
      return <>{enumLabel(locale, 'activityStatus', row.activity)}</>;
    case 'segment':
      return <>{row.segment === null ? NO_VALUE : enumLabel(locale, 'rfmSegment', row.segment)}</>;
    case 'stage':
      return (
        <>
          {enumLabel(locale, 'lifecycleStage', row.stage)}
          {row.funnelStage !== null && <span class="identity funnel"> · {funnelLabel(locale, row.funnelStage)}</span>}
        </>
      );
    case 'lastPurchase':
      return <>{row.lastPurchaseAt === null ? NO_VALUE : formatDate(row.lastPurchaseAt, locale, timeZone)}</>;
    case 'totalSpent':
      return <>{row.totalSpent.length === 0 ? NO_VALUE : row.totalSpent.map((money) => formatMoney(money.minor, money.currency, locale)).join(' + ')}</>;
    case 'orders':
      return <>{numberFormat(locale).format(row.orders)}</>;
    case 'predictedValue':
      if (row.predictedValue) return <>{formatMoney(row.predictedValue.minor, row.predictedValue.currency, locale)}</>;
      return context.predictions === 'pending' ? <span class="identity">{t('table.predicting')}</span> : <>{NO_VALUE}</>;
  }
}

/** A funnel stage's name: the built-in ones are labelled, a seller's own stage is already in their words. */
export function funnelLabel(locale: BookTools['locale'], stage: string): string {
  return enumLabel(locale, 'funnelStage', stage as never);
}
