import { render } from 'preact';
import { openBook } from '../../../core';
import { BookApp } from '../../ui/book/app/book-app';
import { browserBackupServices } from '../../ui/book/backup/browser-backup-services';
import '../../ui/book/book-page.css';

// Extension pages share the extension's origin, so the book page opens the book itself; the background hears
// its writes through the book's change feed and tells the open sidebars. Backups and restores run in the book
// worker (extension/backup), so the page stays responsive on a book of a million orders.
const root = document.getElementById('app') as HTMLElement;
void openBook().then((book) => render(<BookApp book={book} backups={browserBackupServices(book)} />, root));
