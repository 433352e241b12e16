import { render } from 'preact';
import { openBook } from '../../../core';
import { StoredInsights } from '../../background/insights';
import { backgroundClient } from '../../messaging/background-client';
import type { BookClient } from '../../messaging/client';
import { pageClient, tellBackgroundOfWrites } from '../../messaging/page-client';
import { browserLocale } from '../../ui/i18n';
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

async function bookClient(): Promise<BookClient> {
  try {
    const book = await openBook();
    tellBackgroundOfWrites(book, lifetime.signal);
    return pageClient({ book, insights: new StoredInsights(book, { mainCurrency: 'BRL' }), locale });
  } catch {
    return backgroundClient;
  }
}

void Promise.all([bookClient(), connectToHost(lifetime.signal)]).then(([client, host]) => {
  document.body.dataset.book = client === backgroundClient ? 'background' : 'frame';
  render(<SidebarApp client={client} host={host} locale={locale} signal={lifetime.signal} />, document.getElementById('app') as HTMLElement);
});
