import { CLEANUP_ARCHIVES_KEPT, CLEANUP_ARCHIVES_KEY, readCleanupArchives, type CleanupArchive, type CleanupArchiveReason } from '../cleanup/cleanup-archives';
import { newId, ValidationError } from '../model';
import { isoNow, writeAtomically, type StoreContext } from './context';

/**
 * Archives `ids` for a clean-up and logs it in `meta` (CLEANUP_ARCHIVES_KEY), in one transaction: an unknown
 * customer aborts it and nothing is written. The log names only the customers this archive changed (someone
 * already archived stays out of it, so an undo never unarchives them). Resolves to the logged archive.
 */
export function archiveForCleanup(context: StoreContext, ids: readonly string[], reason: CleanupArchiveReason): Promise<CleanupArchive> {
  const at = isoNow(context);
  const unique = [...new Set(ids)];
  return writeAtomically(context, ['customers', 'meta'], async (tx) => {
    const customers = tx.objectStore('customers');
    const changed: string[] = [];
    for (const [index, id] of unique.entries()) {
      const row = await customers.get(id);
      if (!row) throw new ValidationError([{ field: `ids[${index}]`, message: `no customer with id ${id}` }], 'The archive');
      if (row.archivedAt !== null) continue;
      await customers.put({ ...row, archivedAt: at, updatedAt: at });
      changed.push(id);
    }
    const meta = tx.objectStore('meta');
    const archive: CleanupArchive = { id: newId(), at, reason, customerIds: changed, undoneAt: null };
    const log = [...readCleanupArchives(await meta.get(CLEANUP_ARCHIVES_KEY)), archive].slice(-CLEANUP_ARCHIVES_KEPT);
    await meta.put(log, CLEANUP_ARCHIVES_KEY);
    return { result: archive, customerIds: changed };
  });
}

/**
 * Undoes one clean-up archive in one transaction: every customer it archived who is still archived by it
 * (`archivedAt` is the archive's instant) is unarchived, whatever else changed on them since (a new order, a new
 * name); customers erased or merged away since, or archived again or unarchived by the seller, are left as they
 * are. Refused when the archive is unknown or already undone. Resolves to the archive as logged after, with how
 * many customers came back.
 */
export function undoCleanupArchive(context: StoreContext, archiveId: string): Promise<{ archive: CleanupArchive; restored: number }> {
  const now = isoNow(context);
  return writeAtomically(context, ['customers', 'meta'], async (tx) => {
    const meta = tx.objectStore('meta');
    const log = readCleanupArchives(await meta.get(CLEANUP_ARCHIVES_KEY));
    const index = log.findIndex((entry) => entry.id === archiveId);
    const entry = log[index];
    if (!entry) throw new ValidationError([{ field: 'archiveId', message: `no clean-up archive with id ${archiveId}` }], 'The undo');
    if (entry.undoneAt !== null) throw new ValidationError([{ field: 'archiveId', message: 'already undone' }], 'The undo');
    const customers = tx.objectStore('customers');
    const restored: string[] = [];
    for (const id of entry.customerIds) {
      const row = await customers.get(id);
      if (!row || row.archivedAt === null || Date.parse(row.archivedAt) !== Date.parse(entry.at)) continue;
      await customers.put({ ...row, archivedAt: null, updatedAt: now });
      restored.push(id);
    }
    const undone: CleanupArchive = { ...entry, undoneAt: now };
    log[index] = undone;
    await meta.put(log, CLEANUP_ARCHIVES_KEY);
    return { result: { archive: undone, restored: restored.length }, customerIds: restored };
  });
}

/** The clean-up archives this book logged, oldest first. */
export async function cleanupArchives(context: StoreContext): Promise<CleanupArchive[]> {
  return readCleanupArchives(await context.db.get('meta', CLEANUP_ARCHIVES_KEY));
}
