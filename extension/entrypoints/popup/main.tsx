// Every language's messages, before any module that translates is evaluated.
import '../../i18n/catalogs';
import { render } from 'preact';
import { openBook } from '../../../core';
import { StoredInsights } from '../../background/insights';
import { pageClient, tellBackgroundOfWrites } from '../../messaging/page-client';
import { readTimeZone } from '../../i18n/time-zone';
import { browserLocale } from '../../i18n/translate';
import { SidebarApp } from '../../ui/sidebar/sidebar-app';
import '../../ui/sidebar/sidebar.css';
import './popup.css';

// The toolbar button (or its shortcut) on any page: the sidebar in search mode, beside whatever the seller is
// doing — an order in a store's admin, an email. Like the sidebar frame, it opens the book itself.
const lifetime = new AbortController();
addEventListener('pagehide', () => lifetime.abort());
const locale = browserLocale();
void openBook().then(async (book) => {
  tellBackgroundOfWrites(book, lifetime.signal);
  const timeZone = await readTimeZone(book);
  const client = pageClient({ book, insights: new StoredInsights(book, { mainCurrency: 'BRL', timeZone }), locale });
  render(<SidebarApp client={client} host={null} locale={locale} timeZone={timeZone} signal={lifetime.signal} onClose={() => window.close()} />, document.getElementById('app') as HTMLElement);
});
