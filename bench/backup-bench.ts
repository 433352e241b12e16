// Backup and restore of a 100k-customer, 1M-order book in Chromium with the built extension (issue 12): the
// restore through the book page (its worker, one transaction), beside a bare IndexedDB put loop of the same rows
// into the same stores in the same browser, and the longest main-thread task the page saw while restoring.
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serializeBackupLines, type BackupDocument } from '../core/io';
import { toRow } from '../core/store/customer-rows';
import { launchWithExtension } from '../test/e2e/extension-harness';
import { bigBackupDocument } from './big-backup';
import type { BenchRow } from './rows';

/** Writes the backup file the way the extension lays it out, one record per line. */
export async function writeBackupFile(document: BackupDocument, path: string): Promise<number> {
  const out = createWriteStream(path);
  for (const part of serializeBackupLines(document)) {
    if (!out.write(part)) await new Promise<void>((done) => out.once('drain', () => done()));
  }
  await new Promise<void>((done, fail) => out.end((error?: Error | null) => (error ? fail(error) : done())));
  return (await stat(path)).size;
}

/** The rows exactly as the book stores them (customers with their identity keys), one JSON line per store. */
function storedRows(document: BackupDocument): string {
  const stores = {
    tags: document.tags,
    customers: document.customers.map(toRow),
    orders: document.orders,
    notes: document.notes,
    feedback: document.feedback.map((feedback) => ({ ...feedback, claimKeys: [] })),
    followUps: document.followUps,
    segments: document.segments,
  };
  return Object.entries(stores)
    .map(([store, rows]) => JSON.stringify({ store, rows }))
    .join('\n');
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const perSecond = (rows: number, ms: number) => `${Math.round(rows / (ms / 1000)).toLocaleString('en')} rows/s`;

export async function runBackupBench(customers = 100_000, orders = 1_000_000): Promise<BenchRow[]> {
  const dir = await mkdtemp(join(tmpdir(), 'clientela-backup-bench-'));
  const document = bigBackupDocument({ customers, orders });
  const total = Object.values(document.counts).reduce((a, b) => a + b, 0);
  const file = join(dir, 'clientela-backup.json');
  const bytes = await writeBackupFile(document, file);
  const rows = storedRows(document);
  // The page fetches the bare loop's rows from loopback (an argument of this size would not cross CDP).
  const server = createServer((_request, response) => response.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' }).end(rows));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const rowsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/rows`;
  const session = await launchWithExtension();
  try {
    // Configurações, where the backup and restore controls are.
    const book = await session.openExtensionPage('book.html#/configuracoes');
    await book.getByTestId('backup-panel').waitFor();

    // Peer: the same rows put into the book's own stores (same indexes), one transaction, nothing else.
    // (No named functions inside: tsx would wrap them in a helper the page does not have.)
    const bareMs = await book.evaluate(async (url) => {
      const stores = (await (await fetch(url)).text()).split('\n').map((line) => JSON.parse(line) as { store: string; rows: unknown[] });
      const db = await new Promise<IDBDatabase>((done, fail) => {
        const request = indexedDB.open('clientela-book');
        request.onsuccess = () => done(request.result);
        request.onerror = () => fail(request.error);
      });
      const names = stores.map((s) => s.store);
      const started = performance.now();
      await new Promise<void>((done, fail) => {
        const tx = db.transaction(names, 'readwrite');
        for (const { store, rows } of stores) for (const row of rows) tx.objectStore(store).put(row);
        tx.oncomplete = () => done();
        tx.onerror = () => fail(tx.error);
      });
      const elapsed = performance.now() - started;
      await new Promise<void>((done, fail) => {
        const tx = db.transaction(names, 'readwrite');
        for (const name of names) tx.objectStore(name).clear();
        tx.oncomplete = () => done();
        tx.onerror = () => fail(tx.error);
      });
      db.close();
      return elapsed;
    }, rowsUrl);
    console.error(`backup bench: bare put loop ${seconds(bareMs)}`);
    // The peer left a heap of parsed rows on this page; collect it now, so its clean-up is not timed as the
    // restore's (a seller's page never holds a 300 MB array it just threw away).
    const cdp = await session.context.newCDPSession(book);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.detach();
    await book.waitForTimeout(3_000);

    // The restore, as a seller does it, with the page's long tasks recorded (the API reports tasks over 50 ms).
    // The observer is proven live first: a deliberate 80 ms task must be seen, then the record starts empty.
    // The end is awaited by the page itself (a MutationObserver), not by Playwright polling the page: a poll is a
    // main-thread task of the bench's, and would be counted as the page's.
    const observing = await book.evaluate(async () => {
      const scope = window as unknown as { longTasks: { at: number; ms: number }[]; restored: Promise<number> };
      scope.longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) scope.longTasks.push({ at: entry.startTime, ms: entry.duration });
      }).observe({ type: 'longtask' });
      scope.restored = new Promise<number>((done) => {
        const watcher = new MutationObserver(() => {
          if (!window.document.querySelector('[data-testid="restore-result"][role="status"]')) return;
          watcher.disconnect();
          done(performance.now());
        });
        watcher.observe(window.document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['role'] });
      });
      await new Promise((done) => setTimeout(done, 0));
      const started = performance.now();
      while (performance.now() - started < 80);
      await new Promise((done) => setTimeout(done, 200));
      const seen = scope.longTasks.length > 0;
      scope.longTasks = [];
      return seen;
    });
    if (!observing) throw new Error('the page reports no long tasks (PerformanceObserver "longtask"): the figure would mean nothing');
    const chosenAt = await book.evaluate(() => performance.now());
    const restoreStarted = performance.now();
    await book.getByTestId('restore-file').setInputFiles(file);
    const restoredAt = await book.evaluate(() => (window as unknown as { restored: Promise<number> }).restored);
    const restoreMs = performance.now() - restoreStarted;
    console.error(`backup bench: restore ${seconds(restoreMs)}`);
    // The page settles after the restore (lists and counts redrawn): that is part of what the seller waits for.
    await book.waitForTimeout(2_000);
    const longTasks = await book.evaluate(() => (window as unknown as { longTasks: { at: number; ms: number }[] }).longTasks);
    const longest = Math.max(0, ...longTasks.map((task) => task.ms));
    // When each long task began: during the restore (seconds after the file was chosen) or in the settling after it.
    const when = longTasks.map((task) => (task.at > restoredAt ? `${task.ms.toFixed(0)} ms ${((task.at - restoredAt) / 1000).toFixed(1)} s after` : `${task.ms.toFixed(0)} ms at ${((task.at - chosenAt) / 1000).toFixed(1)} s`));

    const backupStarted = performance.now();
    const [download] = await Promise.all([book.waitForEvent('download', { timeout: 900_000 }), book.getByTestId('backup-now').click()]);
    const saved = await download.path();
    const backupMs = performance.now() - backupStarted;
    const written = JSON.parse((await readFile(saved, 'utf8')).split('\n', 1)[0]!.replace(/,$/, '}')) as { counts: Record<string, number> };
    const same = Object.entries(document.counts).every(([store, count]) => written.counts[store] === count);

    return [
      {
        figure: `restore ${customers.toLocaleString('en')} customers + ${orders.toLocaleString('en')} orders through the book page`,
        value: `${seconds(restoreMs)}, ${perSecond(total, restoreMs)}`,
        peer: `bare put loop ${seconds(bareMs)}, ${perSecond(total, bareMs)}`,
        ratio: `${Math.round((bareMs / restoreMs) * 100)} % of the bare rate`,
        goal: '≥ 70 % of the bare loop',
        met: bareMs / restoreMs >= 0.7,
        note: `file ${(bytes / 1e6).toFixed(0)} MB read, checked record by record and written in one transaction, in a worker; the peer puts the same ${total.toLocaleString('en')} rows (identity keys precomputed) into the same stores in one transaction on the page`,
      },
      {
        figure: 'longest main-thread task on the book page during the restore',
        value: longTasks.length ? `${longest.toFixed(0)} ms` : 'none over 50 ms',
        goal: '≤ 100 ms',
        met: longest <= 100,
        note: `${longTasks.length} task(s) over 50 ms (PerformanceObserver 'longtask'), from choosing the file to 2 s after the book was restored${when.length ? `: ${when.join('; ')}` : ''}`,
      },
      {
        figure: 'backup of the same book from the book page',
        value: `${seconds(backupMs)}, ${perSecond(total, backupMs)}`,
        note: `one read transaction, written as a ${((await stat(saved)).size / 1e6).toFixed(0)} MB file, from the click to the file saved; counts ${same ? 'match' : 'DO NOT match'} the book`,
      },
    ];
  } finally {
    await session.close();
    server.close();
    await rm(dir, { recursive: true, force: true });
  }
}
