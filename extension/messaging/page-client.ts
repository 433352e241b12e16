import type { Book } from '../../core';
import { handleRequest, type BookServices } from '../background/handle-request';
import { askBackground, unwrapReply, type BookClient } from './client';
import { watchTable } from './table-port';
import type { BookRequest } from './protocol';

/** What only the background answers: the whole-book search index and table, the collectors, the shops' registrations, tabs, backups to Downloads. */
const BACKGROUND_ONLY: ReadonlySet<BookRequest['type']> = new Set([
  // The background counts from its customer table when it holds one, without a read of the book.
  'book/summary',
  'customers/search',
  'ui/open-book',
  'book/written',
  'collectors/list',
  'collectors/add',
  'collectors/remove',
  'collectors/sync',
  'shops/list',
  'shops/add',
  'shops/remove',
  'backup/status',
  'backup/run',
  'table/query',
  'table/ids',
  'table/facets',
  'today/list',
  'today/done',
  'today/snooze',
  'cleanup/list',
  'goals/list',
  'goals/save',
  'goals/remove',
  'dashboard/figures',
]);

/**
 * The client of an extension page that opens the book itself (the sidebar frame, the popup): lookups and writes
 * are answered here, from IndexedDB, with the same handlers and validation as the background, so a chat switch
 * never waits for the service worker to wake up. What needs the whole book in memory goes to the background.
 */
export function pageClient(services: BookServices): BookClient {
  return {
    async ask(request) {
      if (BACKGROUND_ONLY.has(request.type)) return askBackground(request);
      return unwrapReply(await handleRequest(services, request)) as never;
    },
    watch(onChange, signal) {
      const stop = services.book.onChange((change) => onChange({ type: 'book/changed', stores: change.stores, customerIds: change.customerIds, wholeBook: change.wholeBook }));
      signal.addEventListener('abort', stop, { once: true });
    },
    watchTable: (onUpdated, signal) => watchTable(onUpdated, signal),
  };
}

/**
 * Tells the background after this page wrote to the book, at most once a second: a sleeping service worker
 * does not hear the change feed, and its insight cut points must follow the book.
 */
export function tellBackgroundOfWrites(book: Book, signal: AbortSignal): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = book.onChange((change, origin) => {
    if (origin !== 'here' || change.stores.every((store) => store === 'meta') || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void askBackground({ type: 'book/written' }).catch(() => undefined);
    }, 1000);
  });
  signal.addEventListener('abort', () => {
    stop();
    clearTimeout(timer);
  }, { once: true });
}
