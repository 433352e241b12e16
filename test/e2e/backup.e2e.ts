// Never lose the book (issue 12), in Chromium with the built extension: storage the browser keeps, backups on a
// schedule into the downloads folder (plain and encrypted), and a 100k-customer, 1M-order restore that shows
// progress, can be cancelled with the book untouched, and completes.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeBackupLines } from '../../core/io';
import { bigBackupDocument } from '../../bench/big-backup';
import { writeBackupFile } from '../../bench/backup-bench';
import { translate } from '../../extension/i18n/translate';
import { recordsOf, smallBook } from './backup-books';
import { advanceServiceWorkerClock, launchWithExtension, searchCustomers, showBookScreen, type ExtensionSession } from './extension-harness';

const DAY = 86_400_000;

/** Files under `dir` (recursively) whose name matches, newest name last (names sort by time). */
async function filesIn(dir: string, pattern: RegExp): Promise<string[]> {
  const names = (await readdir(dir, { recursive: true }).catch(() => [] as string[])).filter((name) => pattern.test(name));
  return names.sort().map((name) => join(dir, name));
}

async function restoreThroughPage(book: Page, file: string, passphrase?: string): Promise<void> {
  await book.getByTestId('restore-file').setInputFiles(file);
  if (passphrase !== undefined) {
    await book.locator('input[name="restore-passphrase"]').fill(passphrase);
    await book.getByTestId('restore-go').click();
  }
}

/** Fires the background's hourly backup check now (its alarm, `clientela:backup`, moved to this moment). */
async function fireBackupCheck(session: ExtensionSession): Promise<void> {
  const worker = session.context.serviceWorkers()[0] ?? (await session.context.waitForEvent('serviceworker'));
  await worker.evaluate(async () => {
    const real = (globalThis as unknown as { __clientelaRealDate?: DateConstructor }).__clientelaRealDate ?? Date;
    const { alarms } = (globalThis as unknown as { chrome: { alarms: { create(name: string, info: { when: number; periodInMinutes: number }): Promise<void> } } }).chrome;
    await alarms.create('clientela:backup', { when: real.now() + 50, periodInMinutes: 60 });
  });
}

/** Does `act`, then waits for a file matching `pattern` that was not in `dir` before. */
async function newFile(dir: string, pattern: RegExp, act: () => Promise<unknown>): Promise<string> {
  const before = await filesIn(dir, /./);
  await act();
  let made: string | undefined;
  await expect.poll(async () => (made = (await filesIn(dir, pattern)).find((file) => !before.includes(file))), { timeout: 30_000 }).toBeTruthy();
  return made as string;
}

describe('never lose the book, in Chromium', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'clientela-backup-e2e-'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('Configurações shows whether the browser keeps the book for good, its size and its counts', async () => {
    const session = await launchWithExtension();
    try {
      const book = await session.openExtensionPage('book.html');
      await showBookScreen(book, 'settings');
      const file = join(dir, 'small.json');
      await writeFile(file, serializeBackupLines(smallBook()).join(''));
      await restoreThroughPage(book, file);
      await book.locator('[data-testid="restore-result"][role="status"]').waitFor();
      const storage = book.getByTestId('storage-panel');
      // unlimitedStorage makes the extension's storage persistent without asking the seller.
      await expect.poll(() => storage.getByTestId('storage-persisted').textContent()).toBe(translate('pt-BR', 'storagePersisted'));
      await expect.poll(() => storage.getByTestId('storage-size').textContent()).toMatch(/\d+(,\d+)?\s?(kB|MB|GB|byte)/);
      await expect.poll(() => storage.getByTestId('storage-counts').textContent()).toMatch(/Clientes\s*40(?!\d).*Pedidos\s*300(?!\d)/s);
    } finally {
      await session.close();
    }
  });

  it('a scheduled backup, with the clock moved ahead, lands in the downloads folder and restores to an identical book; encrypted ones need the right passphrase', async () => {
    const downloads = join(dir, 'downloads');
    const session = await launchWithExtension({ grantedOptional: ['downloads'], downloadsDir: downloads });
    try {
      const book = await session.openExtensionPage('book.html');
      await showBookScreen(book, 'settings');
      const seed = join(dir, 'seed.json');
      await writeFile(seed, serializeBackupLines(smallBook()).join(''));
      await restoreThroughPage(book, seed);
      await book.locator('[data-testid="restore-result"][role="status"]').waitFor();

      const panel = book.getByTestId('backup-panel');
      await expect.poll(() => panel.getByTestId('backup-last').textContent()).toMatch(/Nenhuma cópia/);
      await panel.locator('select[name="backup-schedule"]').selectOption('weekly');
      await panel.getByRole('button', { name: 'Aplicar configurações de cópia' }).click();
      await panel.getByText(translate('pt-BR', 'backupSettingsSaved')).waitFor();

      // A copy made by hand today: the weekly one is not due before a week has passed.
      const manual = await newFile(downloads, /^Clientela\/clientela-backup-(?!.*antes-de).*\.json$/, () => panel.getByTestId('backup-now').click());
      const book1 = await recordsOf(manual);
      expect(book1).toMatchObject({ format: 'clientela-backup', counts: { customers: 40, orders: 300, notes: 1, followUps: 1, segments: 1 } });
      await expect.poll(() => panel.getByTestId('backup-last').textContent()).toMatch(/Última cópia/);
      await fireBackupCheck(session);
      await book.waitForTimeout(3_000);
      expect(await filesIn(downloads, /\.json$/)).toEqual([manual]);

      // Eight days later the hourly check finds the weekly copy due and writes it: the same book.
      await advanceServiceWorkerClock(session.context, 8 * DAY);
      const scheduled = await newFile(downloads, /^Clientela\/clientela-backup-.*\.json$/, () => fireBackupCheck(session));
      expect(await recordsOf(scheduled)).toEqual(book1);

      // The book changes, then the scheduled copy comes back over it: a copy of the changed book is saved first.
      await showBookScreen(book, 'nav.customers');
      await book.getByLabel('Nome').fill('Depois da cópia');
      await book.getByRole('button', { name: 'Salvar' }).click();
      await expect.poll(async () => (await searchCustomers(book, 'Depois da cópia')).getByText('Depois da cópia').count()).toBeGreaterThan(0);
      await showBookScreen(book, 'settings');
      await restoreThroughPage(book, scheduled);
      await book.locator('[data-testid="restore-result"][role="status"]').waitFor();
      const [before] = await filesIn(downloads, /antes-de-restaurar\.json$/);
      expect(JSON.stringify(await recordsOf(before as string))).toContain('Depois da cópia');
      await showBookScreen(book, 'nav.customers');
      await expect.poll(async () => (await searchCustomers(book, 'Depois da cópia')).getByText('Depois da cópia').count()).toBe(0);
      await showBookScreen(book, 'settings');

      // The restored book is the scheduled copy, record for record: a fresh copy of it says so.
      const again = await newFile(downloads, /^Clientela\/clientela-backup-(?!.*antes-de).*\.json$/, () => panel.getByTestId('backup-now').click());
      expect(await recordsOf(again)).toEqual(book1);

      // Encrypted: the next scheduled copy needs the passphrase; a wrong one is refused and changes nothing.
      await panel.locator('input[name="backup-encrypt"]').check();
      await panel.locator('input[name="backup-passphrase"]').fill('cavalo correto bateria');
      await panel.locator('input[name="backup-passphrase-confirm"]').fill('cavalo correto bateria');
      await panel.getByRole('button', { name: 'Aplicar configurações de cópia' }).click();
      await panel.getByText(translate('pt-BR', 'backupEncryptedOn')).waitFor();
      await showBookScreen(book, 'nav.customers');
      await book.getByLabel('Nome').fill('Só no livro');
      await book.getByRole('button', { name: 'Salvar' }).click();
      await book.getByRole('status').filter({ hasText: 'Só no livro' }).waitFor();
      await advanceServiceWorkerClock(session.context, 16 * DAY);
      const encrypted = await newFile(downloads, /^Clientela\/clientela-backup-.*\.clientela$/, () => fireBackupCheck(session));
      expect((await readFile(encrypted)).toString('latin1')).not.toContain('Só no livro');
      const secret = await recordsOf(encrypted, 'cavalo correto bateria');
      expect(JSON.stringify(secret)).toContain('Só no livro');

      await book.getByLabel('Nome').fill('Depois da cópia cifrada');
      await book.getByRole('button', { name: 'Salvar' }).click();
      await book.getByRole('status').filter({ hasText: 'Depois da cópia cifrada' }).waitFor();
      await showBookScreen(book, 'settings');
      await restoreThroughPage(book, encrypted, 'senha errada 123');
      await expect.poll(() => book.locator('[data-testid="restore-result"][role="alert"]').textContent()).toMatch(/senha/i);
      await showBookScreen(book, 'nav.customers');
      await expect.poll(async () => (await searchCustomers(book, 'Depois da cópia cifrada')).getByText('Depois da cópia cifrada').count()).toBeGreaterThan(0);

      await showBookScreen(book, 'settings');
      await restoreThroughPage(book, encrypted, 'cavalo correto bateria');
      await book.locator('[data-testid="restore-result"][role="status"]').waitFor();
      await showBookScreen(book, 'nav.customers');
      await expect.poll(async () => (await searchCustomers(book, 'Depois da cópia cifrada')).getByText('Depois da cópia cifrada').count()).toBe(0);
      await expect.poll(async () => (await searchCustomers(book, 'Só no livro')).getByText('Só no livro').count()).toBeGreaterThan(0);
    } finally {
      await session.close();
    }
  });

  it('a 100k-customer, 1M-order restore shows progress, can be cancelled midway with the book unchanged, and completes', { timeout: 900_000 }, async () => {
    const file = join(dir, 'big.json');
    await writeBackupFile(bigBackupDocument({ customers: 100_000, orders: 1_000_000 }), file);
    const session = await launchWithExtension();
    try {
      const book = await session.openExtensionPage('book.html#/clientes');
      for (const name of ['Ana Souza', 'Bia Lima']) {
        await book.getByLabel('Nome').fill(name);
        await book.getByRole('button', { name: 'Salvar' }).click();
        await expect.poll(() => book.getByRole('status').first().textContent()).toContain(name);
      }
      await showBookScreen(book, 'settings');
      const counts = book.getByTestId('storage-counts');
      // The counts follow writes once they are quiet (3 s), not at each one.
      await expect.poll(() => counts.textContent(), { timeout: 30_000 }).toMatch(/Clientes\s*2(?!\d)/);

      await book.getByTestId('restore-file').setInputFiles(file);
      const progress = book.getByTestId('restore-progress');
      // Midway through writing: the progress bar is past a third of the records.
      await expect
        .poll(async () => Number(await progress.getAttribute('value')) / Number(await progress.getAttribute('max')), { timeout: 300_000, interval: 200 })
        .toBeGreaterThan(0.35);
      // The bar's name says where it is, in the seller's numbers.
      await expect.poll(() => book.locator('#restore-progress-text').textContent()).toMatch(/^Restaurando… [\d.]+ de 1\.100\.001 registros$/);
      await book.getByTestId('restore-cancel').click();
      await expect.poll(() => book.locator('[data-testid="restore-result"]').textContent(), { timeout: 120_000 }).toMatch(/cancelada/);
      await expect.poll(() => counts.textContent()).toMatch(/Clientes\s*2(?!\d)/);
      await showBookScreen(book, 'nav.customers');
      await expect.poll(async () => (await searchCustomers(book, 'Bia Lima')).getByText('Bia Lima').count()).toBeGreaterThan(0);

      await showBookScreen(book, 'settings');
      await book.getByTestId('restore-file').setInputFiles(file);
      await book.locator('[data-testid="restore-result"][role="status"]', { hasText: 'Agenda restaurada' }).waitFor({ timeout: 600_000 });
      await expect.poll(() => counts.textContent(), { timeout: 300_000 }).toMatch(/Clientes\s*100\.000.*Pedidos\s*1\.000\.000/s);
    } finally {
      await session.close();
    }
  });
});
