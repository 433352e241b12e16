import { render } from 'preact';
import { openBook } from '../../../core';
import { startedCatalog } from '../../i18n/load-catalog';
import { addCatalog, browserLocale } from '../../i18n/translate';
import { BookApp } from '../../ui/book/app/book-app';
import { firstTodayArrived } from '../../ui/book/customers/first-rows';
import { browserBackupServices } from '../../ui/book/backup/browser-backup-services';
import '../../ui/book/book-page.css';

// Extension pages share the extension's origin, so the book page opens the book itself; the background hears
// its writes through the book's change feed and tells the open sidebars. Backups and restores run in the book
// worker (extension/backup), so the page stays responsive on a book of a million orders.
const root = document.getElementById('app') as HTMLElement;
/** How long the first render waits for Hoje's list, at most (a worker that just woke builds its table first). */
const FIRST_LIST_WAIT_MS = 150;
// When the page opens on Hoje, its list (asked for as the page started) usually arrives while the book opens: the
// first render waits a little for it, so the page is drawn once, with the list, rather than "loading" then the list.
// The seller's language, asked for by the same first script, comes meanwhile too.
const locale = browserLocale();
void Promise.all([openBook(), startedCatalog(locale), firstTodayArrived(FIRST_LIST_WAIT_MS)]).then(([book, catalog]) => {
  addCatalog(locale, catalog);
  render(<BookApp book={book} locale={locale} backups={browserBackupServices(book)} />, root);
});
