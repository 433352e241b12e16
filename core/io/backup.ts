import { z } from '../zod';
import {
  customerSchema,
  feedbackSchema,
  fieldProblems,
  followUpSchema,
  isoDateTime,
  noteSchema,
  orderSchema,
  SCHEMA_VERSION,
  tagSchema,
  type FieldProblem,
} from '../model';
import { savedSegmentSchema } from '../segments/rules';
import type { Book, BookContents } from '../store';
import { upgradeBackupRecords } from './backup-upgrade';

export const BACKUP_FORMAT = 'clientela-backup';

/** A whole book as one JSON document. `counts` lets a restore notice a file cut short or edited by hand. */
export interface BackupDocument extends BookContents {
  format: typeof BACKUP_FORMAT;
  schemaVersion: number;
  exportedAt: string;
  counts: Record<keyof BookContents, number>;
}

/** Why a backup cannot be restored; `problems` name each bad field with its path in the file. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
  constructor(
    message: string,
    readonly problems: FieldProblem[] = [],
  ) {
    super(problems.length ? `${message}: ${problems.slice(0, 10).map((p) => `${p.field}: ${p.message}`).join('; ')}${problems.length > 10 ? ` (and ${problems.length - 10} more)` : ''}` : message);
  }
}

const contentsSchema = z.object({
  tags: z.array(tagSchema),
  customers: z.array(customerSchema),
  orders: z.array(orderSchema),
  notes: z.array(noteSchema),
  feedback: z.array(feedbackSchema),
  followUps: z.array(followUpSchema),
  segments: z.array(savedSegmentSchema),
});

const envelopeSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  schemaVersion: z.number().int().min(1),
  exportedAt: isoDateTime,
  counts: z.record(z.string(), z.number().int().nonnegative()),
});

const STORES = ['tags', 'customers', 'orders', 'notes', 'feedback', 'followUps', 'segments'] as const satisfies readonly (keyof BookContents)[];

/** The whole book as a backup document. */
export async function exportBackup(book: Book, now: Date = new Date()): Promise<BackupDocument> {
  const contents = await book.exportAll();
  const counts = Object.fromEntries(STORES.map((store) => [store, contents[store].length])) as BackupDocument['counts'];
  return { format: BACKUP_FORMAT, schemaVersion: SCHEMA_VERSION, exportedAt: now.toISOString(), counts, ...contents };
}

/** Serializes a backup; one record per line keeps large files diffable and easy to point at by line. */
export function serializeBackup(document: BackupDocument): string {
  return JSON.stringify(document, null, 1);
}

/**
 * Reads and checks a backup without touching any book: JSON syntax, that it is a Clientela backup of a version
 * this build reads, every record against its schema, the counts, unique ids, and that every record's customer
 * is in the file. Throws a BackupError saying what is wrong.
 */
export function parseBackup(text: string): BackupDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new BackupError(`The file is not valid JSON (is it cut short?): ${detail}`);
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== BACKUP_FORMAT) {
    throw new BackupError('This file is not a Clientela backup (its "format" is not "clientela-backup")');
  }
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) throw new BackupError('The backup header is invalid', fieldProblems(envelope.error));
  const { schemaVersion } = envelope.data;
  if (schemaVersion > SCHEMA_VERSION) {
    throw new BackupError(`The backup was made by a newer Clientela (schema ${schemaVersion}; this one reads up to ${SCHEMA_VERSION}). Update Clientela first`);
  }
  const upgraded = upgradeBackupRecords(raw as Record<string, unknown>, schemaVersion);
  const counts = upgraded.counts as Record<string, number>;
  const contents = contentsSchema.safeParse(upgraded);
  if (!contents.success) throw new BackupError('The backup has invalid records', fieldProblems(contents.error));
  const problems: FieldProblem[] = [];
  for (const store of STORES) {
    if (counts[store] !== contents.data[store].length) {
      problems.push({ field: `counts.${store}`, message: `says ${counts[store] ?? 'nothing'} but the file has ${contents.data[store].length}` });
    }
    const seen = new Set<string>();
    contents.data[store].forEach((record, index) => {
      if (seen.has(record.id)) problems.push({ field: `${store}[${index}].id`, message: `"${record.id}" appears twice` });
      seen.add(record.id);
    });
  }
  const customerIds = new Set(contents.data.customers.map((c) => c.id));
  const tagIds = new Set(contents.data.tags.map((t) => t.id));
  for (const store of ['orders', 'notes', 'feedback', 'followUps'] as const) {
    contents.data[store].forEach((record, index) => {
      if (!customerIds.has(record.customerId)) problems.push({ field: `${store}[${index}].customerId`, message: `no customer "${record.customerId}" in the file` });
    });
  }
  contents.data.customers.forEach((customer, index) => {
    customer.tagIds.forEach((tagId, tagIndex) => {
      if (!tagIds.has(tagId)) problems.push({ field: `customers[${index}].tagIds[${tagIndex}]`, message: `no tag "${tagId}" in the file` });
    });
  });
  if (problems.length) throw new BackupError('The backup does not hold together', problems);
  return { format: BACKUP_FORMAT, schemaVersion: SCHEMA_VERSION, exportedAt: envelope.data.exportedAt, counts: counts as BackupDocument['counts'], ...contents.data };
}

/**
 * Replaces the book with the backup in `text`. Everything is checked before anything is written, and the
 * write is one transaction: a corrupt, truncated or foreign file leaves the book exactly as it was.
 */
export async function restoreBackup(book: Book, text: string): Promise<BackupDocument['counts']> {
  const document = parseBackup(text);
  const { format: _format, schemaVersion: _version, exportedAt: _exportedAt, counts, ...contents } = document;
  await book.replaceAll(contents);
  return counts;
}
