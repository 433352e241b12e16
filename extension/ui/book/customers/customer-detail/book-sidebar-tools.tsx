import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import { StoredInsights } from '../../../../background/insights';
import { handleRequest, type BookServices } from '../../../../background/handle-request';
import { unwrapReply, type BookClient } from '../../../../messaging/client';
import type { BookRequest } from '../../../../messaging/protocol';
import { SidebarContext, type SidebarTools } from '../../../sidebar/sidebar-context';
import { useBook } from '../../app/book-context';

/** The one currency the insight cut points are computed in, as in the sidebar frame and the popup. */
const MAIN_CURRENCY = 'BRL';

/** The services the sidebar's requests are answered with, from the book this page opened. */
export function useBookServices(): BookServices {
  const { book, locale, timeZone } = useBook();
  return useMemo(() => ({ book, locale, insights: new StoredInsights(book, { mainCurrency: MAIN_CURRENCY, timeZone }) }), [book, locale, timeZone]);
}

/**
 * Lets the sidebar's panels (tags, notes, follow-ups, quick sale) work inside the book page: their requests are
 * answered here, from the book this page opened, with the same handlers and validation as everywhere else. The
 * answers' profiles are not needed: the detail screen re-reads through the change feed. Failures and news go to
 * the page's live region.
 */
export function BookSidebarTools({ children }: { children: ComponentChildren }) {
  const { book, locale, timeZone, t, notify } = useBook();
  const services = useBookServices();
  const tools = useMemo<SidebarTools>(() => {
    const ask: BookClient['ask'] = async <R extends BookRequest>(request: R) => unwrapReply(await handleRequest(services, request)) as never;
    return {
      locale,
      timeZone,
      t,
      ask,
      watch: (onChange, signal) => {
        const stop = book.onChange((change) => onChange({ type: 'book/changed', customerIds: change.customerIds, wholeBook: change.wholeBook, stores: [...change.stores] }));
        signal.addEventListener('abort', stop, { once: true });
      },
      update: async (request) => {
        try {
          await request();
          return true;
        } catch (error) {
          notify(error instanceof Error ? error.message : String(error), 'alert');
          return false;
        }
      },
      announce: (text) => notify(text),
    };
  }, [book, locale, timeZone, t, notify, services]);
  return <SidebarContext.Provider value={tools}>{children}</SidebarContext.Provider>;
}
