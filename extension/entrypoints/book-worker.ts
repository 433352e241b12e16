import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { openBook } from '../../core';
import { serveBookWorker, type BookWorkerScope } from '../backup/book-worker-service';

// The book worker (`/book-worker.js`, a classic dedicated worker): backups, restores and the integrity check run
// here, off the page's main thread. Core and the worker protocol only: no Preact, no screens.
export default defineUnlistedScript(() => serveBookWorker(self as unknown as BookWorkerScope, () => openBook()));
