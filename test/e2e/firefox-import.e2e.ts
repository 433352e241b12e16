// Importar and Exportar in the Firefox build, in Firefox ESR: a pt-BR Excel export (Windows-1252, `;`, decimal comma,
// `dd/mm/aaaa hh:mm`) is previewed, checked and imported through the import worker (a Worker from a moz-extension://
// URL reading the file with FileReaderSync into IndexedDB in one transaction); a second import of it changes
// nothing; and the customer list exported from Clientes as Excel in Brazil opens it is saved by Firefox and reads
// back, with the importer's own reader, into the customers the import created. Labels come from the catalogs.
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latin1 } from '../../core/io/import/testing/layouts';
import { readCustomersCsv } from '../../core/io/import';
import { numberFormat } from '../../core/locale';
import { translate, type MessageKey } from '../../extension/i18n/translate';
import { launchFirefox, openBookFromSidebar, showFirefoxBookScreen, type FirefoxSession, firefoxTarget } from './firefox-harness';

const t = (key: MessageKey, params?: Record<string, string | number>) => translate('pt-BR', key, params);
/** Each read is a BiDi round trip on a busy two-core machine; a state that never comes still fails. */
const SOON = { timeout: 30_000 };
const CUSTOMERS = 36;
const ORDERS = 300;
/** What the book holds of a customer, and what a customer list reads back as: `name | phone` (E.164). */
type Person = string;

const NAMES = ['Conceição', 'João', 'Ângela', 'Zé', 'Débora'];
const customerName = (c: number) => `Cliente ${NAMES[c % NAMES.length]} ${c}`;
/** `(21) 98800-0007` as written in the file, `+5521988000007` as the book keeps it. */
const phoneDigits = (c: number) => `9${String(8800_0000 + c)}`;
const writtenPhone = (c: number) => `(21) ${phoneDigits(c).slice(0, 5)}-${phoneDigits(c).slice(5)}`;

/**
 * The store's export: ORDERS orders over CUSTOMERS customers (R$ with thousands and cents), then one order on
 * 31/02 and one without a total, both of customers already in the file.
 */
function storeExport(): { bytes: Uint8Array; people: Person[] } {
  const lines = ['Data;Pedido;Cliente;Telefone;Total;Situação'];
  for (let i = 0; i < ORDERS; i++) {
    const c = i % CUSTOMERS;
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((i % 12) + 1).padStart(2, '0');
    const reais = (12 + ((i * 37) % 1_500)).toLocaleString('pt-BR');
    lines.push(`${day}/${month}/2025 ${String(8 + (i % 12)).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')};${7000 + i};${customerName(c)};${writtenPhone(c)};R$ ${reais},${String(i % 100).padStart(2, '0')};Pago`);
  }
  lines.push(`31/02/2025 10:00;${7000 + ORDERS};${customerName(1)};${writtenPhone(1)};R$ 10,00;Pago`);
  lines.push(`10/10/2025 11:30;${7001 + ORDERS};${customerName(2)};${writtenPhone(2)};;Pago`);
  const people = Array.from({ length: CUSTOMERS }, (_, c) => `${customerName(c)} | +5521${phoneDigits(c)}`).sort();
  return { bytes: latin1(`${lines.join('\r\n')}\r\n`), people };
}

/** The import's counts as the screen shows them, by `data-count`; null while there are none. */
function counts(book: Page): Promise<Record<string, string> | null> {
  return book
    .$$eval('[data-testid="import-counts"] [data-count]', (nodes) => (nodes.length ? Object.fromEntries(nodes.map((node) => [node.getAttribute('data-count'), node.querySelector('dd')?.textContent ?? ''])) : null))
    .catch(() => null);
}

/** What the result says it is (checked, or written) with its counts, once the result is on screen; null before. */
async function result(book: Page): Promise<{ heading: string; counts: Record<string, string> } | null> {
  const heading = await text(book, '[data-testid="import-result"] strong');
  const shown = await counts(book);
  return heading === null || shown === null ? null : { heading, counts: shown };
}

function text(book: Page, selector: string): Promise<string | null> {
  return book.$eval(selector, (el) => el.textContent).catch(() => null);
}

/** A count as the screen writes it. */
const number = (value: number) => numberFormat('pt-BR').format(value);

/** The book's orders count and its customers as `name | phone`, read in the page from the add-on's IndexedDB. */
function bookContents(book: Page): Promise<{ orders: number; people: Person[] }> {
  return book.evaluate(
    () =>
      new Promise<{ orders: number; people: string[] }>((done, fail) => {
        const open = indexedDB.open('clientela-book');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['customers', 'orders']);
          const customers = tx.objectStore('customers').getAll();
          const orders = tx.objectStore('orders').count();
          tx.oncomplete = () => {
            open.result.close();
            type Row = { displayName: string; identities: { kind: string; value: string }[] };
            const phoneOf = (row: Row) => row.identities.find((identity) => identity.kind === 'phone' || identity.kind === 'whatsapp')?.value ?? '?';
            done({ orders: orders.result, people: (customers.result as Row[]).map((row) => `${row.displayName} | ${phoneOf(row)}`).sort() });
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
  );
}

async function chooseFile(book: Page, file: string): Promise<void> {
  const input = (await book.waitForSelector('input[data-testid="import-file"]:not([disabled])')) as ElementHandle<HTMLInputElement> | null;
  if (!input) throw new Error('no file input on Importar');
  await input.uploadFile(file);
}

/** The newest customer list Firefox saved, read back by the importer's reader; null until it is there and whole. */
async function savedCustomerList(downloads: string): Promise<{ name: string; bytes: Buffer; people: Person[] } | null> {
  const names = (await readdir(downloads).catch(() => [] as string[])).filter((name) => /^clientela-clientes-\d{4}-\d{2}-\d{2}\.csv$/.test(name)).sort();
  const name = names.at(-1);
  if (!name) return null;
  const bytes = await readFile(join(downloads, name));
  const read = readCustomersCsv(new Uint8Array(bytes));
  if (read.errors.length) return null; // Firefox creates the file when the download starts and fills it after
  return { name, bytes, people: read.rows.map((row) => `${row.name} | ${row.phone}`).sort() };
}

// One book through both tests: the second exports what the first imported.
describe('Importar and Exportar in Firefox ESR with the built add-on', () => {
  let dir: string;
  let downloads: string;
  let file: string;
  let expected: Person[];
  let firefox: FirefoxSession;
  let book: Page;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'clientela-firefox-import-'));
    downloads = join(dir, 'downloads');
    file = join(dir, 'pedidos-loja.csv');
    const source = storeExport();
    expected = source.people;
    await writeFile(file, source.bytes);
    firefox = await launchFirefox(undefined, { downloadsDir: downloads });
    await firefox.routeToFixture((url) => url.origin === 'https://web.whatsapp.com' && url.pathname === '/', 'extension/sites/whatsapp/fixtures/chat-open.html');
    book = await openBookFromSidebar(firefox, 'https://web.whatsapp.com/', t('openBook'));
  }, 120_000);
  afterAll(async () => {
    await firefox?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('previews the pt-BR export, checks it without writing, imports it, and a second import changes nothing', async () => {
    await showFirefoxBookScreen(book, 'importar');
    await chooseFile(book, file);
    await expect.poll(() => text(book, '[data-testid="import-detected"]'), SOON).toBe(`${t('import.detectedOrders', { preset: t('import.preset.generic') })} · ${t('import.encoding', { encoding: 'Windows-1252 (Latin-1)' })}`);
    // The first row as the import will read it: the day and hour in the seller's zone, the phone in E.164, R$ with cents.
    await expect
      .poll(() => book.$$eval('[data-testid="import-preview"] tbody tr:first-child td', (cells) => cells.map((cell) => cell.textContent?.replace(/\s/g, ' '))), SOON)
      .toEqual(['2', '7000', '01/01/2025, 08:00', customerName(0), '+5521988000000', 'R$ 12,00', t('orderStatus.paid'), '—']);

    const firstImport = { newCustomers: number(CUSTOMERS), matchedCustomers: '0', newOrders: number(ORDERS), updatedOrders: '0', unchangedOrders: '0', problems: '2' };
    await firefoxTarget(book, '[data-testid="import-check"]').click();
    await expect.poll(() => result(book), SOON).toEqual({ heading: t('import.checkedNothingWritten'), counts: firstImport });
    // The two bad rows, by line (the header is line 1), in the catalog's words; the good rows are counted all the same.
    await expect.poll(() => book.$$eval('[data-testid="import-result"] [data-testid="import-problems"] li', (items) => items.map((item) => item.textContent)), SOON).toEqual([
      `${t('import.line', { line: ORDERS + 2 })} — Data: ${t('import.problem.not-a-date', { value: '31/02/2025 10:00' })}`,
      `${t('import.line', { line: ORDERS + 3 })} — Total: ${t('import.problem.missing-total')}`,
    ]);
    expect(await bookContents(book)).toEqual({ orders: 0, people: [] });

    await firefoxTarget(book, '[data-testid="import-result"] [data-testid="import-go"]').click();
    await expect.poll(() => result(book), SOON).toEqual({ heading: t('import.doneWritten'), counts: firstImport });
    expect(await bookContents(book)).toEqual({ orders: ORDERS, people: expected });

    await firefoxTarget(book, '[data-testid="import-another"]').click();
    await book.waitForSelector('[data-testid="import-result"]', { hidden: true });
    await chooseFile(book, file);
    await firefoxTarget(book, '[data-testid="import-go"]').click();
    await expect.poll(() => result(book), SOON).toEqual({
      heading: t('import.doneWritten'),
      counts: { newCustomers: '0', matchedCustomers: number(CUSTOMERS), newOrders: '0', updatedOrders: '0', unchangedOrders: number(ORDERS), problems: '2' },
    });
    expect(await bookContents(book)).toEqual({ orders: ORDERS, people: expected });
  }, 120_000);

  it('exports the customer list as Excel (Brasil); Firefox saves a file that reads back into the same customers', async () => {
    await showFirefoxBookScreen(book, 'clientes');
    await expect.poll(() => text(book, '[data-testid="table-total"]'), SOON).toBe(t('table.total', { count: CUSTOMERS }));
    await firefoxTarget(book, `button[aria-haspopup="dialog"]::-p-text(${t('export.open')})`).click();
    await book.waitForSelector('dialog[data-testid="export-dialog"][open]');
    await firefoxTarget(book, 'dialog[data-testid="export-dialog"] input[name="export-what"][value="customers"]').click();
    await firefoxTarget(book, 'dialog[data-testid="export-dialog"] input[name="export-format"][value="excel-br"]').click();
    await firefoxTarget(book, 'dialog[data-testid="export-dialog"] button[type="submit"]').click();

    await expect.poll(async () => (await savedCustomerList(downloads))?.people ?? null, SOON).toEqual(expected);
    const saved = await savedCustomerList(downloads);
    if (!saved) throw new Error('the customer list Firefox saved is gone');
    const { name, bytes } = saved;
    // Excel in Brazil: a BOM (UTF-8), `;` between cells, the catalog's column names.
    expect(bytes.toString('utf8').startsWith(`\uFEFF${t('export.column.name')};${t('identity.phone')};`)).toBe(true);
    expect((await bookContents(book)).people).toEqual(expected);
    await expect.poll(() => text(book, '[data-testid="notice-status"]'), SOON).toBe(t('export.doneCustomers', { count: CUSTOMERS, file: name }));
  }, 120_000);
});
