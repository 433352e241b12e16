import { RECORD_STORES, type RecordStoreName } from '../store';
import type { BackupDocument, BackupHeader } from './backup-format';

/**
 * Writes the line-per-record layout: still ONE JSON document (JSON.parse of the whole file gives the document
 * serializeBackup wrote), but a reader can take it line by line:
 *
 *     {"format":"clientela-backup","schemaVersion":4,"exportedAt":"…","counts":{…},
 *     "tags":[
 *     {…record…},
 *     {…record…}
 *     ],
 *     "customers":[
 *     ],
 *     …
 *     "segments":[
 *     ]}
 *
 * Line 1 is the header's members and a comma (`line1.slice(0, -1) + '}'` parses); each store in RECORD_STORES
 * order opens with `"name":[` on a line of its own, holds one record per line (a comma after all but the last)
 * and closes with `],` (`]}` after the last store). A record's text never holds a raw line break: JSON.stringify
 * escapes them. Each line given to `emit` ends with "\n".
 */
export class BackupLineWriter {
  private store = -1;
  /** The last record's line, held until we know whether another follows it (and so whether it takes a comma). */
  private pending: string | null = null;

  constructor(private readonly emit: (line: string) => void) {}

  header(header: BackupHeader): void {
    const { format, schemaVersion, exportedAt } = header;
    const counts = Object.fromEntries(RECORD_STORES.map((store) => [store, header.counts[store]]));
    this.emit(`${JSON.stringify({ format, schemaVersion, exportedAt, counts }).slice(0, -1)},\n`);
  }

  /** Appends records of `store`; stores must come in RECORD_STORES order (the empty ones between are written empty). */
  records(store: RecordStoreName, records: readonly unknown[]): void {
    const index = RECORD_STORES.indexOf(store);
    if (index < this.store) throw new Error(`Records of ${store} came after those of ${RECORD_STORES[this.store]}`);
    this.openThrough(index);
    for (const record of records) {
      if (this.pending !== null) this.emit(`${this.pending},\n`);
      this.pending = JSON.stringify(record);
    }
  }

  /** Closes the last store (writing the stores no record came for). */
  end(): void {
    this.openThrough(RECORD_STORES.length);
  }

  private openThrough(index: number): void {
    while (this.store < index) {
      if (this.store >= 0) this.close();
      this.store++;
      if (this.store < RECORD_STORES.length) this.emit(`"${RECORD_STORES[this.store]}":[\n`);
    }
  }

  private close(): void {
    if (this.pending !== null) this.emit(`${this.pending}\n`);
    this.pending = null;
    this.emit(this.store === RECORD_STORES.length - 1 ? ']}\n' : '],\n');
  }
}

/**
 * A backup document in the line-per-record layout, one string per line (each ending in "\n"): `lines.join('')`
 * is the file and `lines[n - 1]` its line n. For tests and the bench; the extension streams with writeBackup.
 */
export function serializeBackupLines(document: BackupDocument): string[] {
  const lines: string[] = [];
  const writer = new BackupLineWriter((line) => lines.push(line));
  writer.header(document);
  for (const store of RECORD_STORES) writer.records(store, document[store]);
  writer.end();
  return lines;
}
