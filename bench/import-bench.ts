// Import of a seller's export in Chromium with the built extension (issue 14): a 1M-order pt-BR CSV (100k
// customers, Windows-1252, `;`, decimal comma) through Importar, beside papaparse's bare parse of the same file
// and a bare IndexedDB put loop of the records the import wrote, in the same browser; the peak JS heap of the page
// and of the import's worker; and a 100k-row .xlsx.
//
// IMPORT_BENCH_PARTS (a comma list of bare, import, parse, xlsx; all by default) runs only those parts:
// `IMPORT_BENCH_PARTS=import npm run bench -- import` gives the import's time and peak heaps in about 7 minutes;
// its share of the bare put loop needs `bare,import`.
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as XLSX from '@e965/xlsx';
import type { CDPSession, Page } from 'playwright-core';
import { buildCustomer, toRow } from '../core/store/customer-rows';
import { launchWithExtension } from '../test/e2e/extension-harness';
import type { BenchRow } from './rows';

const FIRST = ['Maria', 'Ana', 'Francisca', 'Antônia', 'José', 'João', 'Conceição', 'Márcia', 'Luís', 'Patrícia'];
const LAST = ['Silva', 'Santos', 'Oliveira', 'Souza', 'Gonçalves', 'Araújo', 'Rodrigues', 'Ferreira', 'Conceição', 'Lima'];
const HEADER = 'Data;Pedido;Cliente;Telefone;E-mail;Total;Situação';

/** Order `i` of the file: customer i mod `customers`, a phone for everyone, an e-mail for every other customer. */
function orderLine(i: number, customers: number): string {
  const c = (i * 7919) % customers;
  const name = `${FIRST[c % 10]} ${LAST[Math.floor(c / 10) % 10]} ${c}`;
  const subscriber = String(10_000_000 + c).slice(-8);
  const phone = `(11) 9${subscriber.slice(0, 4)}-${subscriber.slice(4)}`;
  const email = c % 2 === 0 ? `cliente.${c}@exemplo.com.br` : '';
  const day = String((i % 28) + 1).padStart(2, '0');
  const month = String((i % 12) + 1).padStart(2, '0');
  const year = 2019 + (i % 7);
  const reais = 10 + ((i * 31) % 2990);
  const status = i % 50 === 0 ? 'Cancelado' : i % 97 === 0 ? 'Devolvido' : 'Pago';
  return `${day}/${month}/${year} ${String(8 + (i % 12)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')};${100_000 + i};${name};${phone};${email};R$ ${reais.toLocaleString('pt-BR')},${String(i % 100).padStart(2, '0')};${status}`;
}

/**
 * The records the import writes for that file, built here the way it builds them (customers with their index
 * keys, orders keyed by source and number), as JSON lines per store: what the bare put loop puts.
 */
function finalRecords(orders: number, customers: number): string {
  const nowIso = '2026-11-30T12:00:00.000Z';
  const ids: string[] = [];
  const customerRows: unknown[] = [];
  for (let c = 0; c < customers; c++) {
    const line = orderLine(c, customers).split(';');
    const customer = buildCustomer({ displayName: line[2] as string, identities: [{ kind: 'phone', value: line[3] as string }, ...(line[4] ? [{ kind: 'email' as const, value: line[4] }] : [])] }, nowIso, 'BR');
    ids.push(customer.id);
    customerRows.push(toRow({ ...customer, lastOrderAt: nowIso }));
  }
  const lines = [JSON.stringify({ store: 'customers', rows: customerRows })];
  const chunk: unknown[] = [];
  for (let i = 0; i < orders; i++) {
    const c = (i * 7919) % customers;
    chunk.push({ id: `import:generic:${100_000 + i}`, customerId: ids[c], placedAt: nowIso, totalMinor: 1000 + i, currency: 'BRL', items: [], channel: 'store', source: 'import', externalRef: `generic:${100_000 + i}`, status: 'paid' });
    if (chunk.length === 100_000 || i === orders - 1) {
      lines.push(JSON.stringify({ store: 'orders', rows: chunk }));
      chunk.length = 0;
    }
  }
  return lines.join('\n');
}

/** Windows-1252 bytes of a Latin-1 string. */
function latin1(text: string): Buffer {
  return Buffer.from(text, 'latin1');
}

async function writeCsv(path: string, orders: number, customers: number): Promise<number> {
  const out = createWriteStream(path);
  out.write(latin1(`${HEADER}\r\n`));
  const chunk: string[] = [];
  for (let i = 0; i < orders; i++) {
    chunk.push(orderLine(i, customers));
    if (chunk.length === 10_000 || i === orders - 1) {
      if (!out.write(latin1(`${chunk.join('\r\n')}\r\n`))) await new Promise<void>((done) => out.once('drain', () => done()));
      chunk.length = 0;
    }
  }
  await new Promise<void>((done, fail) => out.end((error?: Error | null) => (error ? fail(error) : done())));
  return (await stat(path)).size;
}

/** A 100k-row workbook in the same layout (a sheet named "Pedidos"). */
async function writeXlsx(path: string, rows: number, customers: number): Promise<number> {
  const aoa: (string | number)[][] = [HEADER.split(';')];
  for (let i = 0; i < rows; i++) aoa.push(orderLine(2_000_000 + i, customers).split(';'));
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(aoa), 'Pedidos');
  await writeFile(path, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  return (await stat(path)).size;
}

/**
 * The peak JS heap of the page and of every dedicated worker it starts, sampled every 100 ms over CDP (the worker
 * is reached through the page's target, as DevTools does).
 */
async function heapWatch(page: Page): Promise<{ stop: () => Promise<{ page: number; worker: number }> }> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  let pagePeak = 0;
  let workerPeak = 0;
  const workers = new Set<string>();
  let id = 0;
  cdp.on('Target.attachedToTarget', (event: { sessionId: string; targetInfo: { type: string } }) => {
    if (event.targetInfo.type === 'worker') workers.add(event.sessionId);
  });
  cdp.on('Target.detachedFromTarget', (event: { sessionId: string }) => workers.delete(event.sessionId));
  cdp.on('Target.receivedMessageFromTarget', (event: { message: string }) => {
    const reply = JSON.parse(event.message) as { result?: { usedSize?: number } };
    if (reply.result?.usedSize) workerPeak = Math.max(workerPeak, reply.result.usedSize);
  });
  // Extension pages share one isolate: collect what earlier pages (the peer's rows) left, so the peak is this page's.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  let running = true;
  const loop = (async () => {
    while (running) {
      const usage = (await cdp.send('Runtime.getHeapUsage').catch(() => null)) as { usedSize: number } | null;
      if (usage) pagePeak = Math.max(pagePeak, usage.usedSize);
      for (const sessionId of workers) {
        await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: ++id, method: 'Runtime.getHeapUsage' }) }).catch(() => undefined);
      }
      await new Promise((done) => setTimeout(done, 100));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await cdp.detach();
      return { page: pagePeak, worker: workerPeak };
    },
  };
}

/** Imports `file` through Importar and returns the seconds from the click to the result, and the counts shown. */
async function importThroughScreen(page: Page, file: string): Promise<{ ms: number; counts: Record<string, string> }> {
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-go').waitFor({ timeout: 300_000 });
  const started = performance.now();
  await page.getByTestId('import-go').click();
  await page.getByTestId('import-result').waitFor({ timeout: 1_800_000 });
  const ms = performance.now() - started;
  const entries = await page
    .getByTestId('import-counts')
    .locator('[data-count]')
    .evaluateAll((nodes) => nodes.map((node) => [node.getAttribute('data-count'), node.querySelector('dd')?.textContent ?? '']));
  await page.getByTestId('import-another').click();
  return { ms, counts: Object.fromEntries(entries) };
}

/**
 * Puts the records the import writes (served at `url`) into a new database with the book's indexes, in one
 * transaction and nothing else, then deletes it: the bare put loop the import is compared with.
 */
async function bareLoop(page: Page, url: string): Promise<{ ms: number; customers: number; orders: number }> {
  // tsx names the arrow functions inside with a helper the page lacks: give it one.
  await page.evaluate('globalThis.__name = (f) => f');
  return page.evaluate(async (url) => {
    const open = (name: string, upgrade?: (db: IDBDatabase) => void) =>
      new Promise<IDBDatabase>((done, fail) => {
        const request = upgrade ? indexedDB.open(name, 1) : indexedDB.open(name);
        if (upgrade) request.onupgradeneeded = () => upgrade(request.result);
        request.onsuccess = () => done(request.result);
        request.onerror = () => fail(request.error);
      });
    const stores = (await (await fetch(url)).text()).split('\n').map((line) => JSON.parse(line) as { store: string; rows: unknown[] });
    const customers = stores.filter((one) => one.store === 'customers').flatMap((one) => one.rows);
    const orders = stores.filter((one) => one.store === 'orders').flatMap((one) => one.rows);
    const target = await open(`bare-put-${Date.now()}`, (db) => {
      const c = db.createObjectStore('customers', { keyPath: 'id' });
      c.createIndex('identityKeys', 'identityKeys', { multiEntry: true });
      c.createIndex('tagIds', 'tagIds', { multiEntry: true });
      for (const index of ['lastOrderAt', 'archivedAt', 'sortName', 'neverBoughtName', 'createdAt']) c.createIndex(index, index);
      const o = db.createObjectStore('orders', { keyPath: 'id' });
      o.createIndex('customerId', 'customerId');
      o.createIndex('placedAt', 'placedAt');
    });
    const started = performance.now();
    await new Promise<void>((done, fail) => {
      const tx = target.transaction(['customers', 'orders'], 'readwrite');
      for (const row of customers) tx.objectStore('customers').put(row);
      for (const row of orders) tx.objectStore('orders').put(row);
      tx.oncomplete = () => done();
      tx.onerror = () => fail(tx.error);
    });
    const ms = performance.now() - started;
    const name = target.name;
    target.close();
    await new Promise((done) => {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = done;
      request.onerror = done;
    });
    return { ms, customers: customers.length, orders: orders.length };
  }, url);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const rate = (rows: number, ms: number) => `${Math.round(rows / (ms / 1000)).toLocaleString('en')} rows/s`;
const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;

const PARTS = ['bare', 'import', 'parse', 'xlsx'] as const;
type Part = (typeof PARTS)[number];

function partsOf(list = process.env.IMPORT_BENCH_PARTS): Set<Part> {
  if (!list) return new Set(PARTS);
  const named = list.split(',').map((part) => part.trim());
  const unknown = named.filter((part) => !(PARTS as readonly string[]).includes(part));
  if (unknown.length > 0) throw new Error(`IMPORT_BENCH_PARTS: no part ${unknown.join(', ')} (parts: ${PARTS.join(', ')})`);
  return new Set(named as Part[]);
}

export async function runImportBench(orders = 1_000_000, customers = 100_000, xlsxRows = 100_000, parts = partsOf()): Promise<BenchRow[]> {
  const dir = await mkdtemp(join(tmpdir(), 'clientela-import-bench-'));
  const csv = join(dir, 'pedidos.csv');
  const xlsx = join(dir, 'pedidos.xlsx');
  const csvBytes = await writeCsv(csv, orders, customers);
  const xlsxBytes = parts.has('xlsx') ? await writeXlsx(xlsx, xlsxRows, customers) : 0;
  console.error(`import bench: wrote ${megabytes(csvBytes)} of CSV${parts.has('xlsx') ? ` and ${megabytes(xlsxBytes)} of .xlsx` : ''}`);
  const papaparse = await readFile(resolve(import.meta.dirname, '../node_modules/papaparse/papaparse.min.js'), 'utf8');
  // The page reads the peers' file from loopback (an argument of this size would not cross CDP).
  const records = parts.has('bare') ? finalRecords(orders, customers) : '';
  const server = createServer(async (request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain', 'access-control-allow-origin': '*' });
    response.end(request.url === '/records' ? records : await readFile(csv));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const fileUrl = `${base}/pedidos.csv`;
  const session = await launchWithExtension();
  try {
    const page = await session.openExtensionPage('book.html#/importar');
    await page.getByTestId('import-file').waitFor();

    const rows: BenchRow[] = [];
    // Peer: the records the import will write, put into a database with the book's indexes, one transaction,
    // nothing else; first, while the extension's storage is as empty as the import finds it, then deleted.
    const bare = parts.has('bare') ? await bareLoop(page, `${base}/records`) : null;
    if (bare) {
      // The peer's rows leave this page's heap before the import is watched.
      await page.reload();
      await page.getByTestId('import-file').waitFor();
    }

    if (parts.has('import')) {
      const watch = await heapWatch(page);
      const imported = await importThroughScreen(page, csv);
      const heaps = await watch.stop();
      console.error(`import bench: 1M orders imported in ${seconds(imported.ms)}: ${JSON.stringify(imported.counts)}`);
      const written = orders + customers;
      const importRate = written / (imported.ms / 1000);
      rows.push({
        figure: `import of a ${megabytes(csvBytes)} pt-BR CSV: ${orders.toLocaleString('en')} orders, ${customers.toLocaleString('en')} customers, through Importar (one transaction)`,
        value: seconds(imported.ms),
        note: `${rate(orders, imported.ms)} of the file; ${Math.round(importRate).toLocaleString('en')} records written/s; new orders ${imported.counts.newOrders}, new customers ${imported.counts.newCustomers}, problems ${imported.counts.problems}`,
      });
      if (bare) {
        const bareRate = (bare.customers + bare.orders) / (bare.ms / 1000);
        const share = importRate / bareRate;
        rows.push({
          figure: 'the whole import vs a bare IndexedDB put loop of the same records (the book’s indexes, one transaction)',
          value: `${Math.round(importRate).toLocaleString('en')} records/s`,
          peer: `bare put loop ${Math.round(bareRate).toLocaleString('en')} records/s (${seconds(bare.ms)} for ${(bare.customers + bare.orders).toLocaleString('en')})`,
          ratio: `${(share * 100).toFixed(0)} %`,
          goal: '≥ 70 %',
          met: share >= 0.7,
        });
      }
      rows.push(
        { figure: 'peak JS heap of the import’s worker during the import', value: megabytes(heaps.worker), goal: '≤ 300 MB', met: heaps.worker > 0 && heaps.worker <= 300e6 },
        { figure: 'peak JS heap of the page during the import', value: megabytes(heaps.page), goal: '≤ 300 MB', met: heaps.page > 0 && heaps.page <= 300e6 },
      );
    }

    if (parts.has('parse')) {
      // Peer: papaparse alone on the same bytes (decoded, then parsed), in the same page.
      await page.evaluate(papaparse);
      const parseMs = await page.evaluate(async ([url, expected]) => {
        const bytes = await (await fetch(url)).arrayBuffer();
        const started = performance.now();
        const text = new TextDecoder('windows-1252').decode(bytes);
        const parsed = (window as unknown as { Papa: { parse: (text: string, config: object) => { data: unknown[] } } }).Papa.parse(text, { delimiter: ';' });
        const elapsed = performance.now() - started;
        if (parsed.data.length < expected) throw new Error(`papaparse read ${parsed.data.length} rows`);
        return elapsed;
      }, [fileUrl, orders] as const);
      rows.push({ figure: 'papaparse’s bare parse of the same file in the same page (decode + parse, no validation, no writes)', value: seconds(parseMs), note: `${rate(orders, parseMs)}` });
    }

    if (parts.has('xlsx')) {
      const xlsxImport = await importThroughScreen(page, xlsx);
      console.error(`import bench: ${xlsxRows} .xlsx rows imported in ${seconds(xlsxImport.ms)}: ${JSON.stringify(xlsxImport.counts)}`);
      rows.push({ figure: `import of a ${megabytes(xlsxBytes)} .xlsx of ${xlsxRows.toLocaleString('en')} orders through Importar`, value: seconds(xlsxImport.ms), note: `${rate(xlsxRows, xlsxImport.ms)}; new orders ${xlsxImport.counts.newOrders}` });
    }
    return rows;
  } finally {
    await session.close();
    server.close();
    await rm(dir, { recursive: true, force: true });
  }
}
