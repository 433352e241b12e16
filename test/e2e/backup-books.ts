// Books and backup readers shared by the backup e2e tests (Chromium and Firefox).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decryptBackup, type BackupDocument } from '../../core/io';
import { bigBackupDocument } from '../../bench/big-backup';
import { bookBenchDocument } from '../../bench/book-bench';
import { writeBackupFile } from '../../bench/backup-bench';
import type { ExtensionSession } from './extension-harness';

/** A small book with every kind of record (tags, customers, orders, feedback, a note, a follow-up, a segment). */
export function smallBook(): BackupDocument {
  const document = bigBackupDocument({ customers: 40, orders: 300, feedback: 6, seed: 7 });
  const [ana, bia] = document.customers;
  const at = '2026-11-20T13:00:00.000Z';
  document.notes = [{ id: 'n1', customerId: ana!.id, text: 'Prefere PIX <b>sempre</b>', createdAt: at, updatedAt: at }];
  document.followUps = [{ id: 'f1', customerId: bia!.id, due: '2026-12-05T12:00:00.000Z', text: 'Mandar catálogo de verão', done: false, createdAt: at }];
  document.segments = [{ id: 's1', name: 'VIPs', rule: { all: [{ field: 'tags', op: 'hasAny', value: ['vip'] }] }, createdAt: at, updatedAt: at } as never];
  document.counts = { ...document.counts, notes: 1, followUps: 1, segments: 1 };
  return document;
}

/** What a backup file holds, without the moment it was made: two backups of the same book compare equal. */
export async function recordsOf(path: string, passphrase?: string): Promise<Record<string, unknown>> {
  const bytes = new Uint8Array(await readFile(path));
  const text = passphrase ? Buffer.concat(await decryptBackup(bytes, passphrase)).toString('utf8') : Buffer.from(bytes).toString('utf8');
  const { exportedAt: _at, ...records } = JSON.parse(text) as Record<string, unknown>;
  return records;
}

/**
 * A book that looks like a seller's (real-looking names, tags, notes, a follow-up) for the README's screenshots and
 * the book page's tests: a few hundred customers; Ana Souza has the phone the WhatsApp fixture's open chat has.
 */
export function showcaseBook(customers = 240, orders = 900): BackupDocument {
  const { document, phoneOwner } = bookBenchDocument(customers, orders);
  phoneOwner.displayName = 'Ana Souza';
  document.tags = [
    { id: 'vip', name: 'VIP', colour: '#b3261e', key: '1', position: 0 },
    { id: 'atacado', name: 'Atacado', colour: '#1f6feb', key: '2', position: 1 },
    { id: 'encomenda', name: 'Encomenda', colour: '#7a4ee0', key: '3', position: 2 },
    { id: 'pix', name: 'Paga no PIX', colour: '#0f7b4f', key: '4', position: 3 },
  ];
  const extra = ['atacado', 'encomenda', 'pix'];
  document.customers = document.customers.map((customer, i) => ({ ...customer, tagIds: [...customer.tagIds, ...extra.filter((_, k) => (i + k) % (5 + k) === 0)] }));
  const at = '2026-11-20T13:00:00.000Z';
  document.notes = [
    { id: 'n1', customerId: phoneOwner.id, text: 'Prefere entrega no sábado; tamanho M.', createdAt: at, updatedAt: at },
    { id: 'n2', customerId: phoneOwner.id, text: 'Pediu para avisar quando chegar o vestido azul.', createdAt: '2026-11-25T18:30:00.000Z', updatedAt: '2026-11-25T18:30:00.000Z' },
  ];
  document.followUps = [{ id: 'f1', customerId: phoneOwner.id, due: '2026-12-02T12:00:00.000Z', text: 'Mandar fotos da coleção de verão', done: false, createdAt: at }];
  document.counts = { ...document.counts, tags: document.tags.length, notes: document.notes.length, followUps: document.followUps.length };
  return document;
}

/**
 * Restores `document` into the session's book the way a seller does (Configurações, the restore file input) and
 * waits for "Agenda restaurada"; the page is closed afterwards. A book of 100k customers takes minutes on a busy
 * 2-core machine.
 */
export async function restoreBook(session: ExtensionSession, document: BackupDocument, timeout = 300_000): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'clientela-restore-'));
  try {
    const file = join(dir, 'clientela-backup.json');
    await writeBackupFile(document, file);
    const page = await session.openExtensionPage('book.html#/configuracoes');
    await page.getByTestId('restore-file').setInputFiles(file);
    await page.locator('[data-testid="restore-result"][role="status"]').waitFor({ timeout });
    await page.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
