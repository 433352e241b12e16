import type { CustomerRow, PredictionState, TableColumn, Tag } from '../../../../core';
import { numberFormat } from '../../../../core/locale';
import { formatDate, formatMoney, formatPercent } from '../../../i18n/format';
import { enumLabel, identityLabelKey } from '../../../i18n/labels';
import type { BookTools } from '../app/book-context';

/** What a cell needs besides its row. */
export interface CellContext {
  tools: Pick<BookTools, 't' | 'locale' | 'timeZone'>;
  tags: ReadonlyMap<string, Tag>;
  predictions: PredictionState;
}

/** A piece of a cell: plain text, or a span of a class (a tag chip carries its colour). */
export interface CellPart {
  text: string;
  class?: string;
  colour?: string;
}

const NO_VALUE = '—';

/**
 * One cell's content for a column, as parts of text (never HTML: names and tags are the seller's and their
 * customers' words). `name` is drawn by the row itself (it is the row's link).
 */
export function cellParts(row: CustomerRow, column: Exclude<TableColumn, 'name'>, context: CellContext): CellPart[] {
  const { t, locale, timeZone } = context.tools;
  switch (column) {
    case 'contacts': {
      const [first, ...others] = row.contacts;
      if (!first) return [{ text: NO_VALUE }];
      const parts: CellPart[] = [{ text: `${t(identityLabelKey(first.kind))}:`, class: 'identity' }, { text: ` ${first.raw}` }];
      if (others.length > 0) parts.push({ text: ` ${t('table.moreContacts', { count: others.length })}`, class: 'identity' });
      return parts;
    }
    case 'tags': {
      const parts: CellPart[] = [];
      for (const id of row.tagIds) {
        const tag = context.tags.get(id);
        if (tag) parts.push({ text: tag.name, class: 'tag-chip', colour: tag.colour });
      }
      return parts;
    }
    case 'activity':
      return [{ text: enumLabel(locale, 'activityStatus', row.activity) }];
    case 'segment':
      return [{ text: row.segment === null ? NO_VALUE : enumLabel(locale, 'rfmSegment', row.segment) }];
    case 'stage': {
      const stage: CellPart = { text: enumLabel(locale, 'lifecycleStage', row.stage) };
      return row.funnelStage === null ? [stage] : [stage, { text: ` · ${funnelLabel(locale, row.funnelStage)}`, class: 'identity funnel' }];
    }
    case 'lastPurchase':
      return [{ text: row.lastPurchaseAt === null ? NO_VALUE : formatDate(row.lastPurchaseAt, locale, timeZone) }];
    case 'totalSpent':
      return [{ text: row.totalSpent.length === 0 ? NO_VALUE : row.totalSpent.map((money) => formatMoney(money.minor, money.currency, locale)).join(' + ') }];
    case 'orders':
      return [{ text: numberFormat(locale).format(row.orders) }];
    case 'predictedValue':
      if (row.predictedValue) return [{ text: formatMoney(row.predictedValue.minor, row.predictedValue.currency, locale) }];
      return context.predictions === 'pending' ? [{ text: t('table.predicting'), class: 'identity' }] : [{ text: NO_VALUE }];
    case 'alive':
      if (row.probabilityAlive !== null) return [{ text: formatPercent(row.probabilityAlive, 1, locale) }];
      return context.predictions === 'pending' ? [{ text: t('table.predicting'), class: 'identity' }] : [{ text: NO_VALUE }];
  }
}

/**
 * Writes `parts` into `cell`, reusing the nodes already there: text is set as text (`data`, `textContent`), so
 * nothing in it is ever read as markup. A scroll rewrites every visible cell on every frame; reusing the nodes
 * keeps that to a few string assignments.
 */
export function writeParts(cell: Element, parts: readonly CellPart[]): void {
  const nodes = cell.childNodes;
  parts.forEach((part, at) => {
    const node = nodes[at] ?? null;
    if (part.class === undefined) {
      if (node?.nodeType === 3) {
        if ((node as Text).data !== part.text) (node as Text).data = part.text;
      } else cell.insertBefore(cell.ownerDocument.createTextNode(part.text), node);
      return;
    }
    let span = node as HTMLElement | null;
    if (span?.nodeName !== 'SPAN') {
      span = cell.ownerDocument.createElement('span');
      cell.insertBefore(span, node);
    }
    if (span.className !== part.class) span.className = part.class;
    if (span.textContent !== part.text) span.textContent = part.text;
    if (part.colour === undefined) span.style.removeProperty('--tag-colour');
    else if (span.style.getPropertyValue('--tag-colour') !== part.colour) span.style.setProperty('--tag-colour', part.colour);
  });
  while (nodes.length > parts.length) cell.lastChild?.remove();
}

/** A funnel stage's name: the built-in ones are labelled, a seller's own stage is already in their words. */
export function funnelLabel(locale: BookTools['locale'], stage: string): string {
  return enumLabel(locale, 'funnelStage', stage as never);
}
