import { z } from '../zod';
import { fieldProblems, SCHEMA_VERSION, type FieldProblem } from '../model';
import { RECORD_STORES, type Book, type BookContents } from '../store';
import { upgradeBackupRecords } from './backup-upgrade';
import { countProblem, headerSchema, newerVersion, RECORD_SCHEMAS } from './backup-checks';
import { BACKUP_FORMAT, BackupError, type BackupDocument } from './backup-format';

export * from './backup-format';

const contentsSchema = z.object(Object.fromEntries(RECORD_STORES.map((store) => [store, z.array(RECORD_SCHEMAS[store])])) as { [S in keyof typeof RECORD_SCHEMAS]: z.ZodArray<(typeof RECORD_SCHEMAS)[S]> });

/** The whole book as a backup document. */
export async function exportBackup(book: Book, now: Date = new Date()): Promise<BackupDocument> {
  const contents = await book.exportAll();
  const counts = Object.fromEntries(RECORD_STORES.map((store) => [store, contents[store].length])) as BackupDocument['counts'];
  return { format: BACKUP_FORMAT, schemaVersion: SCHEMA_VERSION, exportedAt: now.toISOString(), counts, ...contents };
}

/**
 * Serializes a backup the old way, pretty-printed with one space. New backups are written one record per line
 * (serializeBackupLines, writeBackup); this stays so tests can make the files earlier versions wrote.
 */
export function serializeBackup(document: BackupDocument): string {
  return JSON.stringify(document, null, 1);
}

/**
 * Reads and checks a whole backup document without touching any book: JSON syntax, that it is a Clientela backup
 * of a version this build reads (upgrading older ones), every record against its schema, the counts, unique ids,
 * and that every record's customer and every customer's tag is in the file. Throws a BackupError listing every
 * problem. (restoreBackupFile reads the line-per-record layout without building the whole document.)
 */
export function parseBackup(text: string): BackupDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new BackupError('not-json', `The file is not valid JSON (is it cut short?): ${detail}`);
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== BACKUP_FORMAT) {
    throw new BackupError('not-backup', 'This file is not a Clientela backup (its "format" is not "clientela-backup")');
  }
  const envelope = headerSchema.safeParse(raw);
  if (!envelope.success) throw new BackupError('invalid-records', 'The backup header is invalid', fieldProblems(envelope.error));
  const { schemaVersion } = envelope.data;
  if (schemaVersion > SCHEMA_VERSION) throw newerVersion(schemaVersion);
  const upgraded = upgradeBackupRecords(raw as Record<string, unknown>, schemaVersion);
  const counts = upgraded.counts as Record<string, number>;
  const contents = contentsSchema.safeParse(upgraded);
  if (!contents.success) throw new BackupError('invalid-records', 'The backup has invalid records', fieldProblems(contents.error));
  const problems: FieldProblem[] = [];
  for (const store of RECORD_STORES) {
    if (counts[store] !== contents.data[store].length) problems.push(countProblem(store, counts[store], contents.data[store].length));
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
  if (problems.length) throw new BackupError('inconsistent', 'The backup does not hold together', problems);
  return { format: BACKUP_FORMAT, schemaVersion: SCHEMA_VERSION, exportedAt: envelope.data.exportedAt, counts: counts as BackupDocument['counts'], ...contents.data };
}

/**
 * Replaces the book with the backup in `text`. Everything is checked before anything is written, and the
 * write is one transaction: a corrupt, truncated or foreign file leaves the book exactly as it was.
 */
export async function restoreBackup(book: Book, text: string, options?: { signal?: AbortSignal; onProgress?: (written: number) => void }): Promise<BackupDocument['counts']> {
  const document = parseBackup(text);
  const { format: _format, schemaVersion: _version, exportedAt: _exportedAt, counts, ...contents } = document;
  await book.replaceAll(contents satisfies BookContents, options);
  return counts;
}
