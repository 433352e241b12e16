// Books and backup readers shared by the backup e2e tests (Chromium and Firefox).
import { readFile } from 'node:fs/promises';
import { decryptBackup, type BackupDocument } from '../../core/io';
import { bigBackupDocument } from '../../bench/big-backup';

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
