import type { CountryCode } from '../identity';
import type { Customer } from '../model';
import { ChangeFeed, type ChangeListener } from './changes';
import { archiveForCleanup, cleanupArchives, undoCleanupArchive } from './cleanup-archive';
import type { CleanupArchive, CleanupArchiveReason } from '../cleanup/cleanup-archives';
import { writeAtomically, type StoreContext } from './context';
import { fromRow } from './customer-rows';
import { CustomerRepository } from './customers';
import { exportStream, type ExportBatchListener, type ExportStreamOptions } from './export-stream';
import { FeedbackRepository, fromFeedbackRow } from './feedback';
import { FollowUpRepository } from './follow-ups';
import { checkIntegrity, type IntegrityCheckOptions, type IntegrityReport } from './integrity';
import { lastContacts, type LastContact } from './last-contacts';
import { customerDossier, forgetCustomer, readErasures, type CustomerDossier, type ErasureRecord, type ForgetOptions } from './erasure';
import { countCustomerRecords, duplicatesOf, lastMergeUndo, mergeCustomers, mergeUndoKey, undoLastMerge, type CustomerRecordCounts, type DuplicateCandidate, type MergeUndo } from './merges';
import { MetaRepository } from './meta';
import { NoteRepository } from './notes';
import { openBookDatabase } from './open';
import { OrderRepository } from './orders';
import type { BookContents, RecordBatch, RecordCounts } from './records';
import { replaceAllFrom, type RecordBatchSource, type ReplaceOptions } from './replace-from';
import { QuickReplyRepository } from './quick-replies';
import { SegmentRepository } from './segments';
import { DEFAULT_BOOK_NAME, RECORD_STORES } from './schema';
import { TagRepository } from './tags';

export interface OpenBookOptions {
  name?: string;
  factory?: IDBFactory;
  now?: () => Date;
  defaultCountry?: CountryCode;
}

/** The stores that hold a customer's own records, deleted on erase. */
const CUSTOMER_RECORDS = ['orders', 'notes', 'feedback', 'followUps'] as const;

/** Each book's store context, for core's bulk operations that live outside Book (so bundles that never import them stay small). */
const contexts = new WeakMap<Book, StoreContext>();

/** The store context of an open book (core/store only: surfaces go through Book and its repositories). */
export function storeContextOf(book: Book): StoreContext {
  return contexts.get(book) as StoreContext;
}

/** One open customer book: repositories plus the operations that span stores. */
export class Book {
  readonly customers: CustomerRepository;
  readonly orders: OrderRepository;
  readonly notes: NoteRepository;
  readonly tags: TagRepository;
  readonly feedback: FeedbackRepository;
  readonly followUps: FollowUpRepository;
  readonly segments: SegmentRepository;
  readonly quickReplies: QuickReplyRepository;
  readonly meta: MetaRepository;

  constructor(private readonly context: StoreContext) {
    contexts.set(this, context);
    this.customers = new CustomerRepository(context);
    this.orders = new OrderRepository(context);
    this.notes = new NoteRepository(context);
    this.tags = new TagRepository(context);
    this.feedback = new FeedbackRepository(context);
    this.followUps = new FollowUpRepository(context);
    this.segments = new SegmentRepository(context);
    this.quickReplies = new QuickReplyRepository(context);
    this.meta = new MetaRepository(context);
  }

  /** Called after every committed write, here or in another context of the extension. */
  onChange(listener: ChangeListener): () => void {
    return this.context.changes.subscribe(listener);
  }

  /**
   * Folds `otherIds` into `survivorId` in one transaction: their orders, notes, feedback and follow-ups move to
   * the survivor, their identities, tags and custom fields join it, and the merge is recorded on it and kept for
   * undoing (merges.ts).
   */
  merge(survivorId: string, otherIds: readonly string[]): Promise<Customer> {
    return mergeCustomers(this.context, survivorId, otherIds);
  }

  /** The latest merge into this customer that undoMerge would undo, or null. */
  lastMerge(survivorId: string): Promise<MergeUndo | null> {
    return lastMergeUndo(this.context, survivorId);
  }

  /** Undoes the latest merge into this customer in one transaction; resolves with the customers as restored. */
  undoMerge(survivorId: string): Promise<Customer[]> {
    return undoLastMerge(this.context, survivorId);
  }

  /** Customers who may be the same person as this one, from indexes (see merges.ts). */
  duplicatesOf(customerId: string): Promise<DuplicateCandidate[]> {
    return duplicatesOf(this.context, customerId);
  }

  /** How many orders, notes, feedback and follow-ups the customer has: what a merge would move. */
  recordCounts(customerId: string): Promise<CustomerRecordCounts> {
    return countCustomerRecords(this.context, customerId);
  }

  /**
   * Erases the customer's personal data and keeps their sales, anonymized (the LGPD right to erasure; see
   * erasure.ts): what the seller means by "apagar os dados". `erase` deletes the sales too.
   */
  forget(customerId: string, options: ForgetOptions): Promise<Customer> {
    return forgetCustomer(this.context, customerId, options);
  }

  /** Archives customers for a clean-up, with the seller's reason, and logs it for undo: one transaction (cleanup-archive.ts). */
  archiveForCleanup(ids: readonly string[], reason: CleanupArchiveReason): Promise<CleanupArchive> {
    return archiveForCleanup(this.context, ids, reason);
  }

  /** Unarchives exactly the customers one clean-up archive archived, in one transaction. */
  undoCleanupArchive(archiveId: string): Promise<{ archive: CleanupArchive; restored: number }> {
    return undoCleanupArchive(this.context, archiveId);
  }

  /** The clean-up archives logged, oldest first. */
  cleanupArchives(): Promise<CleanupArchive[]> {
    return cleanupArchives(this.context);
  }

  /** The erasures this book recorded, oldest first. */
  erasures(): Promise<ErasureRecord[]> {
    return readErasures(this.context);
  }

  /** Everything held about one customer, for the LGPD right of access. */
  dossier(customerId: string): Promise<CustomerDossier> {
    return customerDossier(this.context, customerId);
  }

  /**
   * Deletes a customer and every record about them (the LGPD right to erasure), in one transaction: feedback
   * filed elsewhere that claims one of their contacts goes too, since it holds their email or phone.
   */
  async erase(customerId: string): Promise<void> {
    await writeAtomically(this.context, ['customers', ...CUSTOMER_RECORDS, 'meta'], async (tx) => {
      await tx.objectStore('meta').delete(mergeUndoKey(customerId));
      const row = await tx.objectStore('customers').get(customerId);
      for (const storeName of CUSTOMER_RECORDS) {
        const store = tx.objectStore(storeName);
        for (const key of await store.index('customerId').getAllKeys(customerId)) await store.delete(key);
      }
      const claims = tx.objectStore('feedback').index('claimKeys');
      for (const identityKey of row?.identityKeys ?? []) {
        for (const key of await claims.getAllKeys(identityKey)) await tx.objectStore('feedback').delete(key);
      }
      await tx.objectStore('customers').delete(customerId);
      return { result: undefined, customerIds: [customerId] };
    });
  }

  /** Each customer's latest note, follow-up or rating, for a screenful of customers (last-contacts.ts). */
  lastContacts(customerIds: readonly string[]): Promise<Map<string, LastContact>> {
    return lastContacts(this.context, customerIds);
  }

  /** How many records each store holds, from one readonly transaction: a count per store, no record read. */
  async countRecords(): Promise<RecordCounts> {
    const tx = this.context.db.transaction([...RECORD_STORES]);
    const counts = await Promise.all(RECORD_STORES.map((store) => tx.objectStore(store).count()));
    return Object.fromEntries(RECORD_STORES.map((store, i) => [store, counts[i] as number])) as RecordCounts;
  }

  /** Every record, read in one transaction so the copy is consistent. */
  async exportAll(): Promise<BookContents> {
    const tx = this.context.db.transaction([...RECORD_STORES]);
    const [tags, customerRows, orders, notes, feedback, followUps, segments, quickReplies] = await Promise.all([
      tx.objectStore('tags').getAll(),
      tx.objectStore('customers').getAll(),
      tx.objectStore('orders').getAll(),
      tx.objectStore('notes').getAll(),
      tx.objectStore('feedback').getAll(),
      tx.objectStore('followUps').getAll(),
      tx.objectStore('segments').getAll(),
      tx.objectStore('quickReplies').getAll(),
    ]);
    return { tags, customers: customerRows.map(fromRow), orders, notes, feedback: feedback.map(fromFeedbackRow), followUps, segments, quickReplies };
  }

  /**
   * Every record, batch by batch, from one readonly transaction (see export-stream.ts): for backups of books too
   * big to hold twice. `onBatch` runs inside the transaction and must not await.
   */
  exportStream(onBatch: ExportBatchListener, options?: ExportStreamOptions): Promise<RecordCounts> {
    return exportStream(this.context, onBatch, options);
  }

  /**
   * Replaces the whole book with `contents` in one transaction. Callers validate first (core/io does): if any
   * write fails, the transaction aborts and the old book is still there, whole.
   */
  async replaceAll(contents: BookContents, options?: ReplaceOptions): Promise<void> {
    // Puts would quietly keep the last of two records sharing an id, so refuse that before writing anything.
    for (const store of RECORD_STORES) {
      const ids = new Set<string>();
      for (const { id } of contents[store]) {
        if (ids.has(id)) throw new Error(`${store}: two records have the id ${id}`);
        ids.add(id);
      }
    }
    await this.replaceAllFrom(contentsSource(contents), options);
  }

  /**
   * Replaces the whole book with the records `source` yields, in one transaction (see replace-from.ts): the
   * streaming restore. If the source throws, a write fails or the signal aborts, the book is as before.
   */
  replaceAllFrom(source: RecordBatchSource, options?: ReplaceOptions): Promise<void> {
    return replaceAllFrom(this.context, source, options);
  }

  /** Counts and dangling references (records whose customer or tag is gone); reads only, never repairs. */
  integrity(options?: IntegrityCheckOptions): Promise<IntegrityReport> {
    return checkIntegrity(this.context, options);
  }

  close(): void {
    this.context.changes.close();
    this.context.db.close();
  }
}

const CONTENTS_BATCH = 1000;

/** Records already in memory, handed out as a batch source. */
function contentsSource(contents: BookContents): RecordBatchSource {
  let store = 0;
  let offset = 0;
  return {
    next(): RecordBatch | null {
      for (;;) {
        const name = RECORD_STORES[store];
        if (!name) return null;
        const records = contents[name];
        if (offset < records.length) {
          const batch = { store: name, records: records.slice(offset, offset + CONTENTS_BATCH) } as RecordBatch;
          offset += CONTENTS_BATCH;
          return batch;
        }
        store++;
        offset = 0;
      }
    },
  };
}

/** Opens the customer book (migrating it to the current schema first). */
export async function openBook(options: OpenBookOptions = {}): Promise<Book> {
  const name = options.name ?? DEFAULT_BOOK_NAME;
  const db = await openBookDatabase({ name, factory: options.factory });
  // A newer copy of the extension wants to upgrade: step aside instead of blocking it.
  db.addEventListener('versionchange', () => db.close());
  return new Book({ db, changes: new ChangeFeed(name), now: options.now ?? (() => new Date()), defaultCountry: options.defaultCountry ?? 'BR' });
}
