import { NO_CONSENT, type Customer, type Feedback, type FollowUp, type Note, type Order, type Tag } from '../model';
import { isoNow, writeAtomically, type StoreContext } from './context';
import { fromRow, toRow } from './customer-rows';
import { fromFeedbackRow } from './feedback';
import { MERGE_UNDO_PREFIX, type MergeUndo } from './merges';

/** The book's record of erasures (LGPD), in `meta`: who was erased and when, so older backups can say they predate it. */
export const ERASURES_KEY = 'lgpd.erasures';

export interface ErasureRecord {
  customerId: string;
  erasedAt: string;
}

export interface ForgetOptions {
  /** The name the erased customer keeps, in the seller's language ("Cliente apagado"). */
  displayName: string;
}

/**
 * Erases a customer's personal data (the LGPD right to erasure) in one transaction, keeping the sales true: the
 * customer stays as `displayName` with no identities, tags, custom fields, consent text or merge history; notes
 * and follow-ups are deleted; their feedback keeps its score but loses its comment and contact claim; feedback
 * filed elsewhere that claims one of their contacts is deleted; orders stay (totals, items, dates) without their
 * external reference; undo records of merges that hold their data are dropped; the erasure is recorded.
 * The change names the customer, so the search index and the customer table re-read them.
 */
export function forgetCustomer(context: StoreContext, customerId: string, options: ForgetOptions): Promise<Customer> {
  const now = isoNow(context);
  return writeAtomically(context, ['customers', 'orders', 'notes', 'feedback', 'followUps', 'meta'], async (tx) => {
    const customers = tx.objectStore('customers');
    const row = await customers.get(customerId);
    if (!row) throw new Error(`No customer with id ${customerId}`);
    for (const storeName of ['notes', 'followUps'] as const) {
      const store = tx.objectStore(storeName);
      for (const key of await store.index('customerId').getAllKeys(customerId)) await store.delete(key);
    }
    const feedback = tx.objectStore('feedback');
    for (const identityKey of row.identityKeys) {
      for (const claimed of await feedback.index('claimKeys').getAll(identityKey)) if (claimed.customerId !== customerId) await feedback.delete(claimed.id);
    }
    for (const own of await feedback.index('customerId').getAll(customerId)) await feedback.put({ ...own, comment: null, claim: null, claimKeys: [] });
    const orders = tx.objectStore('orders');
    for (const order of await orders.index('customerId').getAll(customerId)) if (order.externalRef !== null) await orders.put({ ...order, externalRef: null });
    const erased: Customer = {
      ...fromRow(row),
      displayName: options.displayName,
      identities: [],
      tagIds: [],
      funnelStage: null,
      customFields: {},
      consent: NO_CONSENT,
      notesCount: 0,
      merges: [],
      updatedAt: now,
    };
    await customers.put(toRow(erased));
    const meta = tx.objectStore('meta');
    const undoKeys = IDBKeyRange.bound(MERGE_UNDO_PREFIX, `${MERGE_UNDO_PREFIX}\uffff`);
    for (const key of await meta.getAllKeys(undoKeys)) {
      const stack = ((await meta.get(key)) as MergeUndo[] | undefined) ?? [];
      const kept = stack.filter((undo) => undo.survivorId !== customerId && !undo.absorbed.some((customer) => customer.id === customerId));
      if (kept.length === stack.length) continue;
      if (kept.length > 0) await meta.put(kept, key);
      else await meta.delete(key);
    }
    const erasures = ((await meta.get(ERASURES_KEY)) as ErasureRecord[] | undefined) ?? [];
    await meta.put([...erasures, { customerId, erasedAt: now }], ERASURES_KEY);
    return { result: erased, customerIds: [customerId] };
  });
}

/** Every erasure recorded in this book, oldest first. */
export async function readErasures(context: StoreContext): Promise<ErasureRecord[]> {
  const stored = await context.db.get('meta', ERASURES_KEY);
  return Array.isArray(stored) ? (stored as ErasureRecord[]) : [];
}

/** Everything the book holds about one customer (the LGPD right of access), read in one transaction. */
export interface CustomerDossier {
  customer: Customer;
  /** The tags the customer carries (names and colours, not the whole tag list). */
  tags: Tag[];
  orders: Order[];
  notes: Note[];
  feedback: Feedback[];
  followUps: FollowUp[];
  /** When the customer's personal data was erased, if it was. */
  erasedAt: string | null;
}

export async function customerDossier(context: StoreContext, customerId: string): Promise<CustomerDossier> {
  const tx = context.db.transaction(['customers', 'tags', 'orders', 'notes', 'feedback', 'followUps', 'meta']);
  const row = await tx.objectStore('customers').get(customerId);
  if (!row) throw new Error(`No customer with id ${customerId}`);
  const customer = fromRow(row);
  const [tags, orders, notes, feedback, followUps, erasures] = await Promise.all([
    Promise.all(customer.tagIds.map((id) => tx.objectStore('tags').get(id))),
    tx.objectStore('orders').index('customerId').getAll(customerId),
    tx.objectStore('notes').index('customerId').getAll(customerId),
    tx.objectStore('feedback').index('customerId').getAll(customerId),
    tx.objectStore('followUps').index('customerId').getAll(customerId),
    tx.objectStore('meta').get(ERASURES_KEY),
  ]);
  const erasure = (Array.isArray(erasures) ? (erasures as ErasureRecord[]) : []).filter((record) => record.customerId === customerId).at(-1);
  return {
    customer,
    tags: tags.filter((tag): tag is Tag => tag !== undefined),
    orders: orders.sort((a, b) => a.placedAt.localeCompare(b.placedAt)),
    notes: notes.sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    feedback: feedback.map(fromFeedbackRow).sort((a, b) => a.receivedAt.localeCompare(b.receivedAt)),
    followUps: followUps.sort((a, b) => a.due.localeCompare(b.due)),
    erasedAt: erasure?.erasedAt ?? null,
  };
}
