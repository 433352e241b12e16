import { csvDocument, MAX_TABLE_WINDOW, TABLE_COLUMNS, type CustomerRow, type TableColumn, type TableSort, type Tag } from '../../../../core';
import { formatDate, formatMoney } from '../../../i18n/format';
import { enumLabel } from '../../../i18n/labels';
import type { BackgroundClient, BookTools } from '../app/book-context';
import { COLUMN_LABELS } from './customer-grid';
import { funnelLabel } from './table-cells';

type Tools = Pick<BookTools, 't' | 'locale' | 'timeZone'>;

/** A cell as text, in the seller's language, the way the table shows it. */
export function cellText(row: CustomerRow, column: TableColumn, tools: Tools, tags: ReadonlyMap<string, Tag>): string {
  const { t, locale, timeZone } = tools;
  switch (column) {
    case 'name':
      return row.name;
    case 'contacts':
      return row.contacts.map((contact) => `${t(`identity.${contact.kind}`)}: ${contact.raw}`).join('; ');
    case 'tags':
      return row.tagIds.flatMap((id) => tags.get(id)?.name ?? []).join('; ');
    case 'activity':
      return enumLabel(locale, 'activityStatus', row.activity);
    case 'segment':
      return row.segment === null ? '' : enumLabel(locale, 'rfmSegment', row.segment);
    case 'stage':
      return [enumLabel(locale, 'lifecycleStage', row.stage), row.funnelStage === null ? null : funnelLabel(locale, row.funnelStage)].filter(Boolean).join(' · ');
    case 'lastPurchase':
      return row.lastPurchaseAt === null ? '' : formatDate(row.lastPurchaseAt, locale, timeZone);
    case 'totalSpent':
      return row.totalSpent.map((money) => formatMoney(money.minor, money.currency, locale)).join(' + ');
    case 'orders':
      return String(row.orders);
    case 'predictedValue':
      return row.predictedValue ? formatMoney(row.predictedValue.minor, row.predictedValue.currency, locale) : '';
  }
}

/**
 * The selected customers as CSV, with the table's columns and in its order: the whole table (archived too, so a
 * selection made under other filters is complete) is read window by window, keeping the selected rows.
 */
export async function selectionCsv(
  ask: BackgroundClient['ask'],
  selected: ReadonlySet<string>,
  sort: TableSort,
  tools: Tools,
  tags: ReadonlyMap<string, Tag>,
  onProgress: (done: number) => void,
): Promise<{ csv: string; count: number }> {
  const lines: string[][] = [TABLE_COLUMNS.map((column) => tools.t(COLUMN_LABELS[column]))];
  let found = 0;
  for (let offset = 0; found < selected.size; offset += MAX_TABLE_WINDOW) {
    const answer = await ask({ type: 'table/query', filters: { archived: 'include' }, sort, search: '', offset, limit: MAX_TABLE_WINDOW });
    for (const row of answer.rows) {
      if (!selected.has(row.id)) continue;
      lines.push(TABLE_COLUMNS.map((column) => cellText(row, column, tools, tags)));
      found += 1;
    }
    onProgress(found);
    if (offset + MAX_TABLE_WINDOW >= answer.total) break;
  }
  return { csv: csvDocument(lines), count: found };
}

/** Hands a file to the browser's downloads through an `<a download>` (no permission needed). */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
