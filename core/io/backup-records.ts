import { fieldProblems } from '../model';
import { RECORD_STORES, recordStoresAt, type RecordBatch, type RecordBatchSource, type RecordOf, type RecordStoreName } from '../store';
import { countProblem, RECORD_SCHEMAS } from './backup-checks';
import { BackupError, type BackupHeader, type BackupProblem } from './backup-format';
import { upgradeBackupRecord } from './backup-upgrade';
import type { LineReader } from './line-reader';

/** Records per batch handed to the book: enough to keep IndexedDB busy while the next batch is parsed. */
const BATCH = 1000;

type Expect = 'open' | 'record-or-close' | 'record' | 'close';

/**
 * The records of a line-per-record backup (see backup-lines.ts), read after its header and first store line and
 * checked one at a time as the book pulls them inside its write transaction: the layout, each record's schema
 * (after upgradeBackupRecord), unique ids per store, that each order's, note's, feedback's and follow-up's
 * customer and each customer's tags came earlier in the file, and at the end that the counts match the header.
 * The first problem throws a BackupError naming the field and the line, which aborts the write.
 */
export class BackupRecordLines implements RecordBatchSource {
  private storeIndex = 0;
  private expect: Expect = 'record-or-close';
  private readonly ids = new Map<RecordStoreName, Set<string>>(RECORD_STORES.map((store) => [store, new Set()]));
  private readonly customers = this.ids.get('customers') as Set<string>;
  private readonly tags = this.ids.get('tags') as Set<string>;
  /** The stores the file's version wrote (a store added later is absent: the book had none of those records). */
  private readonly stores: RecordStoreName[];

  constructor(
    private readonly lines: LineReader,
    private readonly header: BackupHeader,
  ) {
    this.stores = recordStoresAt(header.schemaVersion);
  }

  next(): RecordBatch | null {
    const records: unknown[] = [];
    for (let store = this.stores[this.storeIndex]; store !== undefined; store = this.stores[this.storeIndex]) {
      const text = this.lines.next();
      if (text === null) throw this.layoutError(`the file ends inside "${store}" (is it cut short?)`, this.lines.line);
      if (this.expect === 'open') {
        if (text !== `"${store}":[`) throw this.layoutError(`expected "${store}":[`);
        this.expect = 'record-or-close';
        continue;
      }
      if (text === '],' || text === ']}') {
        const last = this.storeIndex === this.stores.length - 1;
        if (this.expect === 'record') throw this.layoutError('a list cannot end after a comma');
        if ((text === ']}') !== last) throw this.layoutError(`expected ${last ? ']}' : '],'}`);
        this.storeIndex++;
        this.expect = 'open';
        if (records.length > 0) return { store, records } as RecordBatch;
        continue;
      }
      if (this.expect === 'close') throw this.layoutError(`the record on line ${this.lines.line - 1} needs a comma after it`);
      const comma = text.endsWith(',');
      records.push(this.check(store, this.parse(comma ? text.slice(0, -1) : text)));
      this.expect = comma ? 'record' : 'close';
      if (records.length >= BATCH) return { store, records } as RecordBatch;
    }
    for (let text = this.lines.next(); text !== null; text = this.lines.next()) {
      if (text.trim() !== '') throw this.layoutError('there is text after the end of the backup');
    }
    return null;
  }

  /** Called once every record is read: the counts the header promised must be what the file held. */
  finish(): void {
    const problems: BackupProblem[] = [];
    for (const store of RECORD_STORES) {
      const found = (this.ids.get(store) as Set<string>).size;
      if (this.header.counts[store] !== found) problems.push({ ...countProblem(store, this.header.counts[store], found), line: 1 });
    }
    if (problems.length) throw new BackupError('inconsistent', 'The backup does not hold together', problems);
  }

  private parse(json: string): unknown {
    try {
      return JSON.parse(json);
    } catch (error) {
      throw this.layoutError(`not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
  }

  private check<S extends RecordStoreName>(store: S, raw: unknown): RecordOf<S> {
    const line = this.lines.line;
    const ids = this.ids.get(store) as Set<string>;
    const at = `${store}[${ids.size}]`;
    const parsed = RECORD_SCHEMAS[store].safeParse(upgradeBackupRecord(store, raw, this.header.schemaVersion));
    if (!parsed.success) {
      throw new BackupError('invalid-records', 'The backup has invalid records', fieldProblems(parsed.error, at).map((problem) => ({ ...problem, line })));
    }
    const record = parsed.data as RecordOf<RecordStoreName>;
    const inconsistent = (field: string, message: string) => new BackupError('inconsistent', 'The backup does not hold together', [{ field: `${at}${field}`, message, line }]);
    if (ids.has(record.id)) throw inconsistent('.id', `"${record.id}" appears twice`);
    if ('customerId' in record && !this.customers.has(record.customerId)) throw inconsistent('.customerId', `no customer "${record.customerId}" before this line`);
    if (store === 'customers') {
      (record as RecordOf<'customers'>).tagIds.forEach((tagId, index) => {
        if (!this.tags.has(tagId)) throw inconsistent(`.tagIds[${index}]`, `no tag "${tagId}" in the file`);
      });
    }
    ids.add(record.id);
    return record as RecordOf<S>;
  }

  private layoutError(message: string, line = this.lines.line): BackupError {
    return new BackupError('not-json', 'The backup is not laid out as written', [{ field: this.stores[this.storeIndex] ?? '(file)', message, line }]);
  }
}
