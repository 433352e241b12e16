import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';
import type { Book } from '../../../../core';
import { browserTimeZone } from '../../../../core/locale';
import { readTimeZone } from '../../../i18n/time-zone';
import { translate, type Locale, type MessageKey } from '../../../i18n/translate';
import type { BookClient } from '../../../messaging/client';
import { watchTable } from '../../../messaging/table-port';
import { browserWorkerChannel } from '../../../messaging/worker-channel';
import { watchQuery } from '../data/book-query';

/**
 * What the page asks the background for: the whole-book customer table (`table/query`, `table/ids`,
 * `table/facets`) and its updates. The page reads and writes the book itself; only this needs every customer in memory.
 */
export type BackgroundClient = Pick<BookClient, 'ask' | 'watchTable'>;

const channel = browserWorkerChannel();
/** Reads go over the page's own channel to the service worker (worker-channel.ts), the rest by runtime message. */
const BROWSER_BACKGROUND: BackgroundClient = { ask: (request) => channel.ask(request), watchTable: (onUpdated, signal) => watchTable(onUpdated, signal) };

/** `status` is news that can wait its turn (saved, added); `alert` is a failure the seller must hear at once. */
export type NoticeKind = 'status' | 'alert';
/** A button beside a notice ("Desfazer"): it runs once, and the notice goes with the next one. */
export interface NoticeAction {
  label: string;
  run: () => void;
}

export interface Notice {
  kind: NoticeKind;
  text: string;
  action?: NoticeAction;
  /** Tells two equal texts in a row apart, so the second is announced too. */
  id: number;
}

/** What every screen of the book page shares (see useBook). */
export interface BookTools {
  /** The data client: the book this page opened. Screens read it through useBookQuery. */
  book: Book;
  /** The background's customer table (tests pass one answered from a test book). */
  background: BackgroundClient;
  locale: Locale;
  /** The seller's IANA time zone (stored in the book, else the browser's): days and dates on screen are cut in it. */
  timeZone: string;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  /** Says something in the page's one live region (see NoticeArea); it stays until the next notice. */
  notify: (text: string, kind?: NoticeKind, action?: NoticeAction) => void;
}

const BookContext = createContext<BookTools | null>(null);
const NoticeContext = createContext<Notice | null>(null);

export function useBook(): BookTools {
  const tools = useContext(BookContext);
  if (!tools) throw new Error('Book page components must be inside BookProvider');
  return tools;
}

/** The latest notice, for the live region that shows it. */
export function useNotice(): Notice | null {
  return useContext(NoticeContext);
}

/**
 * The seller's time zone: the one stored in the book's settings (`meta`, see i18n/time-zone.ts), else the
 * browser's. Followed as it changes, from this page or another.
 */
function useSellerTimeZone(book: Book, given: string | undefined): string {
  const [stored, setStored] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (given !== undefined) return;
    return watchQuery(book, (b) => readTimeZone(b), { stores: ['meta'] }, (state) => state.data !== undefined && setStored(state.data));
  }, [book, given]);
  return given ?? stored ?? browserTimeZone();
}

interface ProviderProps {
  book: Book;
  background?: BackgroundClient;
  locale: Locale;
  /** A fixed zone (tests); otherwise the seller's, from the book. */
  timeZone?: string;
  children: ComponentChildren;
}

/** Provides the book page's tools; notices live in a context of their own, so posting one re-renders only its region. */
export function BookProvider({ book, background = BROWSER_BACKGROUND, locale, timeZone: given, children }: ProviderProps) {
  const timeZone = useSellerTimeZone(book, given);
  const [notice, setNotice] = useState<Notice | null>(null);
  const notify = useCallback(
    (text: string, kind: NoticeKind = 'status', action?: NoticeAction) => setNotice((last) => ({ kind, text, id: (last?.id ?? 0) + 1, ...(action ? { action } : {}) })),
    [],
  );
  const t = useCallback((key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params), [locale]);
  const tools = useMemo<BookTools>(() => ({ book, background, locale, timeZone, t, notify }), [book, background, locale, timeZone, t, notify]);
  return (
    <BookContext.Provider value={tools}>
      <NoticeContext.Provider value={notice}>{children}</NoticeContext.Provider>
    </BookContext.Provider>
  );
}
