import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { openBook } from '../../core';
import { serveBookWorker, type BookWorkerScope } from '../backup/book-worker-service';
import { importOperations } from '../import/import-worker';

// The import worker (`/import-worker.js`, a classic dedicated worker): a seller's export previewed, checked and
// imported off the page's thread. Apart from the book worker because it carries the CSV readers and SheetJS for
// spreadsheets, which a backup never needs (the book worker keeps its byte budget). Core only: no screens.
export default defineUnlistedScript(() => serveBookWorker(self as unknown as BookWorkerScope, () => openBook(), importOperations));
