import { z } from '../zod';
import { CLEANUP_REASONS } from '../segments/cleanup';

/** Where the book keeps its clean-up archives (`meta`), newest last: what "Desfazer" needs. */
export const CLEANUP_ARCHIVES_KEY = 'cleanup.archives';

/** How many archives the log keeps: the oldest go first (the customers stay archived; only the undo is lost). */
export const CLEANUP_ARCHIVES_KEPT = 50;

/** Why the seller archived: one of core's reasons, or their own short words. */
export const cleanupArchiveReasonSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('reason'), reason: z.enum(CLEANUP_REASONS) }),
  z.object({ kind: z.literal('text'), text: z.string().trim().min(1).max(120) }),
]);
export type CleanupArchiveReason = z.infer<typeof cleanupArchiveReasonSchema>;

/**
 * One clean-up archive: the customers it archived (only those it changed: someone already archived is not its to
 * undo), when, and why; `undoneAt` once undone.
 */
export const cleanupArchiveSchema = z.object({
  id: z.string().min(1).max(100),
  at: z.iso.datetime(),
  reason: cleanupArchiveReasonSchema,
  customerIds: z.array(z.string().min(1).max(100)),
  undoneAt: z.iso.datetime().nullable(),
});
export type CleanupArchive = z.infer<typeof cleanupArchiveSchema>;

/** The log as stored; entries that do not parse (a damaged or foreign value) are left out, never thrown. */
export function readCleanupArchives(stored: unknown): CleanupArchive[] {
  if (!Array.isArray(stored)) return [];
  const out: CleanupArchive[] = [];
  for (const entry of stored) {
    const parsed = cleanupArchiveSchema.safeParse(entry);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}
