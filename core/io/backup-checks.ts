import { z } from '../zod';
import { customerSchema, feedbackSchema, followUpSchema, isoDateTime, noteSchema, orderSchema, quickReplySchema, SCHEMA_VERSION, tagSchema, type FieldProblem } from '../model';
import { savedSegmentSchema } from '../segments/rules';
import type { RecordStoreName } from '../store';
import { BACKUP_FORMAT, BackupError } from './backup-format';

// What the backup readers and writers share and the rest of Clientela does not need.

/** The schema of one record of each store, as a backup carries it. */
export const RECORD_SCHEMAS = {
  tags: tagSchema,
  customers: customerSchema,
  orders: orderSchema,
  notes: noteSchema,
  feedback: feedbackSchema,
  followUps: followUpSchema,
  segments: savedSegmentSchema,
  quickReplies: quickReplySchema,
} as const satisfies Record<RecordStoreName, z.ZodType>;

export const headerSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  schemaVersion: z.number().int().min(1),
  exportedAt: isoDateTime,
  counts: z.record(z.string(), z.number().int().nonnegative()),
});

/** Rejects with a `cancelled` BackupError once `signal` is aborted. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelled();
}

export const cancelled = (): BackupError => new BackupError('cancelled', 'The backup was cancelled');

/** An error from below (IndexedDB, WebCrypto) as the BackupError it means: cancelled when the signal says so. */
export function asBackupError(error: unknown, signal: AbortSignal | undefined): unknown {
  if (error instanceof BackupError) return error;
  if (signal?.aborted) return cancelled();
  return error;
}

export function newerVersion(schemaVersion: number): BackupError {
  return new BackupError('newer-version', `The backup was made by a newer Clientela (schema ${schemaVersion}; this one reads up to ${SCHEMA_VERSION}). Update Clientela first`);
}

export function countProblem(store: string, said: number | undefined, found: number): FieldProblem {
  return { field: `counts.${store}`, message: `says ${said ?? 'nothing'} but the file has ${found}` };
}
