import { render } from 'preact';
import { browserLocale } from '../../ui/i18n';
import { SidebarApp } from '../../ui/sidebar/sidebar-app';
import '../sidebar.content/style.css';
import './popup.css';

// The toolbar button (or its shortcut) on any page: the sidebar in search mode, beside whatever the seller is
// doing — an order in a store's admin, an email. It reaches the book through the same protocol as the sidebar.
const lifetime = new AbortController();
addEventListener('pagehide', () => lifetime.abort());
render(
  <SidebarApp adapter={null} window={window} locale={browserLocale()} signal={lifetime.signal} collapsed={false} onCollapsedChange={() => window.close()} />,
  document.getElementById('app') as HTMLElement,
);
