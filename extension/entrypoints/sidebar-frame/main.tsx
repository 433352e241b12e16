// Every language's messages, before any module that translates is evaluated.
import '../../i18n/catalogs';
import { render } from 'preact';
import { openBook } from '../../../core';
import { StoredInsights } from '../../background/insights';
import { backgroundClient } from '../../messaging/background-client';
import type { BookClient } from '../../messaging/client';
import { pageClient, tellBackgroundOfWrites } from '../../messaging/page-client';
import { browserTimeZone } from '../../../core/locale';
import { readTimeZone } from '../../i18n/time-zone';
import { browserLocale } from '../../i18n/translate';
import { connectToHost } from '../../ui/sidebar/host-link';
import { SidebarApp } from '../../ui/sidebar/sidebar-app';
import '../../ui/sidebar/sidebar.css';

// The sidebar beside a chat: an extension page in a frame the content script placed, so the host page can reach
// nothing inside it. It opens the book itself (the extension's origin), so a chat switch never waits for the
// service worker. A browser that blocks third-party cookies denies storage to a frame inside another site, even
// ours: then every request goes to the background instead, which answers lookups without loading the whole book.
const lifetime = new AbortController();
addEventListener('pagehide', () => lifetime.abort());
const locale = browserLocale();

// Without the book (the background answers), dates fall back to the browser's zone, the seller's until they choose.
async function bookClient(): Promise<{ client: BookClient; timeZone: string }> {
  try {
    const book = await openBook();
    tellBackgroundOfWrites(book, lifetime.signal);
    const timeZone = await readTimeZone(book);
    return { client: pageClient({ book, insights: new StoredInsights(book, { mainCurrency: 'BRL', timeZone }), locale }), timeZone };
  } catch {
    return { client: backgroundClient, timeZone: browserTimeZone() };
  }
}

// Drawn only once the content script that placed this frame said hello (host-link.ts): a page that framed it by
// itself gets a blank frame.
void Promise.all([bookClient(), connectToHost(lifetime.signal)]).then(
  ([{ client, timeZone }, host]) => {
    document.body.dataset.book = client === backgroundClient ? 'background' : 'frame';
    render(<SidebarApp client={client} host={host} locale={locale} timeZone={timeZone} signal={lifetime.signal} />, document.getElementById('app') as HTMLElement);
  },
  () => {
    document.body.dataset.host = 'unpaired';
  },
);
