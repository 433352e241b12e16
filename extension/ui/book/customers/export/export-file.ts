import { todayInput } from '../../../../i18n/format';
import type { BookTools } from '../../app/book-context';
import type { ExportChoice } from './export-csv';

/** `clientela-clientes-2026-11-30.csv`, `clientela-pedidos-2026-11-30.csv`: the day on the seller's clock. */
export function exportFileName(what: ExportChoice, { t, timeZone }: Pick<BookTools, 't' | 'timeZone'>, now = new Date()): string {
  return `clientela-${t(what === 'orders' ? 'export.fileOrders' : 'export.fileCustomers')}-${todayInput(now, timeZone)}.csv`;
}

/** Hands a file made of parts to the browser's downloads through an `<a download>` (no permission needed). */
export function downloadParts(parts: readonly string[], fileName: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([...parts], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: the browser may still be reading the blob when click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
