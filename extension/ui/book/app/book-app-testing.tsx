import { render } from '@testing-library/preact';
import { vi } from 'vitest';
import type { Book } from '../../../../core';
import type { BackupReason, BackupServices, IntegrityReport } from '../backup/backup-services';
import { localBackground } from '../testing/local-background';
import { BookApp } from './book-app';
import type { Feature } from './routes';

const COUNTS = { tags: 0, customers: 0, orders: 0, notes: 0, feedback: 0, followUps: 0, segments: 0, quickReplies: 0 };
const none = () => ({ count: 0, sampleIds: [], missingIds: [] });
const REPORT: IntegrityReport = { counts: COUNTS, missingCustomers: { orders: none(), notes: none(), feedback: none(), followUps: none() }, missingTags: none(), ok: true };

/**
 * Backup services for component tests of the book page's screens (not the backup screens, which test their own):
 * a sound book, no backups yet, a backup that succeeds at once, and the downloads permission as given.
 */
export function stubBackupServices(now: Date, { downloadsGranted = false } = {}) {
  return {
    readState: vi.fn(async () => ({ settings: { schedule: 'weekly' as const, encrypt: false }, key: null, last: null, history: [] })),
    saveSchedule: vi.fn(async () => undefined),
    setEncryption: vi.fn(async () => undefined),
    backUp: vi.fn(async (reason: BackupReason) => ({ at: now.toISOString(), fileName: 'Clientela/clientela-backup-2026-11-29_09-00.json', reason, encrypted: false, counts: COUNTS })),
    restore: vi.fn(async () => COUNTS),
    isEncrypted: vi.fn(async () => false),
    checkIntegrity: vi.fn(async () => REPORT),
    downloads: { granted: vi.fn(async () => downloadsGranted), request: vi.fn(async () => true), show: vi.fn(), watch: () => () => undefined },
    storage: { persist: vi.fn(async () => true), usage: vi.fn(async () => 1000) },
    reminder: { dismissedOn: vi.fn(async () => true), dismiss: vi.fn(async () => undefined) },
  } satisfies BackupServices;
}

/**
 * The book page at `hash`, in pt-BR and São Paulo time, with a fixed clock and the background answered from the
 * same book (the real handlers and customer table): what component tests of its screens draw.
 */
export function mountBookApp(book: Book, hash: string, backups: BackupServices, now: Date, features?: readonly Feature[]) {
  history.replaceState(null, '', `/book.html${hash}`);
  return render(<BookApp book={book} backups={backups} background={localBackground(book, now)} locale="pt-BR" timeZone="America/Sao_Paulo" now={() => now} features={features} />);
}
