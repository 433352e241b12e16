// `npm run screenshots`: the README's pictures of the sidebar and the book page, taken from the built extension in
// Debian's Chromium with the e2e fixtures (the showcase book of test/e2e/backup-books.ts restored through
// Configurações, the WhatsApp Web fixture page), so they show what the product draws today. Nothing leaves the
// machine: the chat site is routed to its fixture, like in the tests.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { writeBackupFile } from '../bench/backup-bench';
import { showcaseBook } from '../test/e2e/backup-books';
import { launchWithExtension, routeSiteToFixture, sidebarOf } from '../test/e2e/extension-harness';

const OUT = resolve(import.meta.dirname, '../docs/screenshots');
/** `npm run screenshots -- hoje` takes only the Hoje pictures. */
const ONLY = process.argv[2];
class Done extends Error {}
const VIEWPORT = { width: 1440, height: 900 };

async function shoot(page: Page, name: string, dark = false): Promise<void> {
  await page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' });
  // A screen change moves the focus to its heading (for keyboard users): not what a picture should show.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  // Fonts and the last redraw settle; nothing animates for long in the product.
  await page.waitForTimeout(400);
  const path = join(OUT, `${name}${dark ? '-dark' : ''}.png`);
  await page.screenshot({ path });
  console.log(`wrote ${path}`);
}

await mkdir(OUT, { recursive: true });
const dir = await mkdtemp(join(tmpdir(), 'clientela-shots-'));
const session = await launchWithExtension();
try {
  const document = showcaseBook();
  const file = join(dir, 'clientela-backup.json');
  await writeBackupFile(document, file);
  const settings = await session.openExtensionPage('book.html#/configuracoes');
  await settings.getByTestId('restore-file').setInputFiles(file);
  await settings.locator('[data-testid="restore-result"][role="status"]').waitFor({ timeout: 120_000 });
  await settings.close();

  const book = await session.context.newPage();
  await book.setViewportSize(VIEWPORT);
  // Hoje, the screen the book opens on: who to talk to today in the showcase book.
  await book.goto(`chrome-extension://${session.extensionId}/book.html`);
  await book.locator('[data-testid="today-list"][aria-busy="false"]').waitFor({ timeout: 120_000 });
  for (const dark of [false, true]) await shoot(book, 'book-today', dark);
  if (ONLY === 'hoje') throw new Done();

  await book.goto(`chrome-extension://${session.extensionId}/book.html#/clientes`);
  await book.locator('[role="row"][data-index]').first().waitFor();
  await book.getByText('calculando', { exact: false }).first().waitFor({ state: 'detached', timeout: 60_000 }).catch(() => undefined);
  for (const dark of [false, true]) await shoot(book, 'book-customers', dark);

  const ana = document.customers.find((customer) => customer.displayName === 'Ana Souza');
  if (!ana) throw new Error('the showcase book has no Ana Souza');
  await book.goto(`chrome-extension://${session.extensionId}/book.html#/clientes/${encodeURIComponent(ana.id)}`);
  await book.getByRole('heading', { name: 'Ana Souza' }).first().waitFor();
  for (const dark of [false, true]) await shoot(book, 'book-customer', dark);

  // Segmentos: activity, the RFM grid (or, for a small book, why not yet), lifecycle.
  await book.goto(`chrome-extension://${session.extensionId}/book.html#/segmentos`);
  await book.getByTestId('segments').waitFor();
  for (const dark of [false, true]) await shoot(book, 'book-segments', dark);

  // Painel: the month against the one before, and the charts, each with its table.
  await book.goto(`chrome-extension://${session.extensionId}/book.html#/painel`);
  await book.locator('[data-testid="metric-cards"]').waitFor();
  await book.waitForFunction(() => [...window.document.querySelectorAll('[data-chart]')].every((chart) => chart.getAttribute('data-drawn') === 'true'));
  for (const dark of [false, true]) await shoot(book, 'book-dashboard', dark);

  // Funil: the funnel stages as a board.
  await book.goto(`chrome-extension://${session.extensionId}/book.html#/funil`);
  await book.locator('li.funnel-card').first().waitFor();
  for (const dark of [false, true]) await shoot(book, 'book-funnel', dark);

  // Metas: the goal form and the goals (the showcase book starts with none).
  await book.goto(`chrome-extension://${session.extensionId}/book.html#/metas`);
  await book.locator('[data-testid="goals"][aria-busy="false"]').waitFor();
  for (const dark of [false, true]) await shoot(book, 'book-goals', dark);

  // Limpeza: candidates by reason, the win-back list, the archive log.
  await book.goto(`chrome-extension://${session.extensionId}/book.html#/limpeza`);
  await book.locator('[data-testid="cleanup"][aria-busy="false"]').waitFor();
  for (const dark of [false, true]) await shoot(book, 'book-cleanup', dark);

  // Importar: a pt-BR Excel export (Windows-1252, `;`) as previewed, then checked against the book.
  await book.goto(`chrome-extension://${session.extensionId}/book.html#/importar`);
  await book.getByTestId('import-file').setInputFiles(resolve(import.meta.dirname, '../core/io/import/fixtures/excel-pt-br-orders.csv'));
  await book.getByTestId('import-preview').waitFor();
  for (const dark of [false, true]) await shoot(book, 'book-import', dark);
  await book.getByTestId('import-check').click();
  await book.getByTestId('import-result').waitFor({ timeout: 60_000 });
  for (const dark of [false, true]) await shoot(book, 'book-import-result', dark);

  // The column mapping: a seller's own sheet whose headers no layout knows, the date and total chosen by hand.
  const own = join(dir, 'minha-planilha.csv');
  await writeFile(own, ['Quando;Quem;Zap;Quanto;Obs', '24/03/2026 22:36;Joana Prado;(21) 99876-1234;R$ 1.234,56;entregar sábado', '25/03/2026;Rita Mattos;;45,00;'].join('\r\n'));
  await book.getByTestId('import-another').click();
  await book.getByTestId('import-file').setInputFiles(own);
  await book.getByTestId('import-kind').selectOption('orders');
  await book.getByTestId('import-columns-missing').waitFor();
  for (const [field, column] of [
    ['placedAt', '0'],
    ['name', '1'],
  ]) {
    await book.getByTestId(`import-column-${field}`).selectOption(column as string);
    await book.getByTestId('import-reading').waitFor({ state: 'detached' });
  }
  await book.getByTestId('import-columns').scrollIntoViewIfNeeded();
  for (const dark of [false, true]) await shoot(book, 'book-import-columns', dark);

  await routeSiteToFixture(session.context, 'https://web.whatsapp.com/**', 'extension/sites/whatsapp/fixtures/chat-open.html');
  const chat = await session.context.newPage();
  await chat.setViewportSize(VIEWPORT);
  await chat.goto('https://web.whatsapp.com/');
  await sidebarOf(chat).getByTestId('customer-name').filter({ hasText: 'Ana Souza' }).waitFor();
  for (const dark of [false, true]) await shoot(chat, 'sidebar-whatsapp', dark);
} catch (error) {
  if (!(error instanceof Done)) throw error;
} finally {
  await session.close();
  await rm(dir, { recursive: true, force: true });
}
