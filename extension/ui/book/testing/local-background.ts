import type { Book } from '../../../../core';
import { BookTableService } from '../../../background/book-table-service';
import { CustomerSearch } from '../../../background/customer-search';
import { handleRequest } from '../../../background/handle-request';
import { InsightService } from '../../../background/insights';
import { unwrapReply } from '../../../messaging/client';
import type { BookRequest, TableUpdatedMessage } from '../../../messaging/protocol';
import type { BackgroundClient } from '../app/book-context';

/**
 * The background's customer table answered in the test itself, from a test book, with the same handlers as the
 * real one (entrypoints/background.ts wires the change feed the same way). `asked` lists every request.
 */
export function localBackground(book: Book, now: Date): BackgroundClient & { asked: BookRequest[] } {
  const search = new CustomerSearch(book);
  const listeners = new Set<(update: TableUpdatedMessage | null) => void>();
  const table = new BookTableService(book, search, {
    mainCurrency: 'BRL',
    timeZone: 'America/Sao_Paulo',
    locale: 'pt-BR',
    now: () => now,
    onUpdated: ({ version, predictions }) => listeners.forEach((listener) => listener({ type: 'table/updated', version, predictions })),
  });
  book.onChange((change) => {
    if (change.wholeBook) search.reset();
    else void search.update(change.customerIds);
    table.changed(change);
  });
  const services = { book, insights: new InsightService(book, { mainCurrency: 'BRL', timeZone: 'America/Sao_Paulo' }, () => now), search, table, locale: 'pt-BR' as const, now: () => now };
  const asked: BookRequest[] = [];
  return {
    asked,
    async ask(request) {
      asked.push(request);
      return unwrapReply(await handleRequest(services, request)) as never;
    },
    watchTable(onUpdated, signal) {
      listeners.add(onUpdated);
      signal.addEventListener('abort', () => listeners.delete(onUpdated), { once: true });
    },
  };
}
