import { duplicateKeysOf, foldedName, mergeCustomerRecords, nameAndPhoneKeys } from '../identity';
import { latestPaidOrderAt, type Customer } from '../model';
import { isoNow, writeAtomically, type StoreContext, type WriteTransaction } from './context';
import { fromRow, toRow } from './customer-rows';
import { CUSTOMER_RECORD_STORES, type CustomerRecordStoreName } from './integrity';

/**
 * What undoing a merge needs, kept in `meta` under `merge-undo:<survivorId>` (a stack, newest last): the survivor
 * as it was, every absorbed customer whole, and each moved record's previous owner. It holds personal data of the
 * absorbed customers, so erasing the survivor erases it too. Not in backups (meta never is).
 */
export interface MergeUndo {
  survivorId: string;
  mergedAt: string;
  survivorBefore: Customer;
  absorbed: Customer[];
  moved: Array<{ store: CustomerRecordStoreName; id: string; customerId: string }>;
}

export const MERGE_UNDO_PREFIX = 'merge-undo:';
export const mergeUndoKey = (survivorId: string): string => `${MERGE_UNDO_PREFIX}${survivorId}`;

/** How many records of each kind a customer has: what a merge moves. */
export type CustomerRecordCounts = Record<CustomerRecordStoreName, number>;

type MergeTransaction = WriteTransaction<['customers', 'orders', 'notes', 'feedback', 'followUps', 'tags', 'meta']>;
const MERGE_STORES = ['customers', ...CUSTOMER_RECORD_STORES, 'tags', 'meta'] as ['customers', 'orders', 'notes', 'feedback', 'followUps', 'tags', 'meta'];

/**
 * Folds `otherIds` into `survivorId` in one transaction: their orders, notes, feedback and follow-ups move to the
 * survivor, their identities, tags and custom fields join it, the merge is recorded on it, and what undoing it
 * needs is kept (see MergeUndo).
 */
export async function mergeCustomers(context: StoreContext, survivorId: string, otherIds: readonly string[]): Promise<Customer> {
  const others = [...new Set(otherIds)].filter((id) => id !== survivorId);
  if (others.length === 0) throw new Error('Choose at least one other customer to merge');
  const now = isoNow(context);
  return writeAtomically(context, MERGE_STORES, async (tx) => {
    const customers = tx.objectStore('customers');
    const survivorRow = await customers.get(survivorId);
    if (!survivorRow) throw new Error(`No customer with id ${survivorId}`);
    const absorbed: Customer[] = [];
    for (const id of others) {
      const row = await customers.get(id);
      if (!row) throw new Error(`No customer with id ${id}`);
      absorbed.push(fromRow(row));
    }
    const moved: MergeUndo['moved'] = [];
    for (const storeName of CUSTOMER_RECORD_STORES) {
      const store = tx.objectStore(storeName);
      for (const id of others) {
        for (const record of await store.index('customerId').getAll(id)) {
          await store.put({ ...record, customerId: survivorId } as never);
          moved.push({ store: storeName, id: record.id, customerId: id });
        }
      }
    }
    const survivorBefore = fromRow(survivorRow);
    const survivor = mergeCustomerRecords(survivorBefore, absorbed, now);
    await customers.put(toRow(survivor));
    for (const id of others) await customers.delete(id);
    const meta = tx.objectStore('meta');
    const stack = ((await meta.get(mergeUndoKey(survivorId))) as MergeUndo[] | undefined) ?? [];
    await meta.put([...stack, { survivorId, mergedAt: now, survivorBefore, absorbed, moved } satisfies MergeUndo], mergeUndoKey(survivorId));
    return { result: survivor, customerIds: [survivorId, ...others] };
  });
}

/** The latest merge into `survivorId` that can still be undone, or null. */
export async function lastMergeUndo(context: StoreContext, survivorId: string): Promise<MergeUndo | null> {
  const stack = (await context.db.get('meta', mergeUndoKey(survivorId))) as MergeUndo[] | undefined;
  return stack?.at(-1) ?? null;
}

/**
 * Undoes the latest merge into `survivorId` in one transaction: the absorbed customers come back as they were,
 * their records go back to them, and the survivor is as it was before the merge. Records added to the survivor
 * since stay with it; counts (notes, last purchase) are taken again from the records, and tags deleted since are
 * left off. Refuses when an absorbed customer's id is in the book again.
 */
export function undoLastMerge(context: StoreContext, survivorId: string): Promise<Customer[]> {
  return writeAtomically(context, MERGE_STORES, async (tx) => {
    const meta = tx.objectStore('meta');
    const stack = ((await meta.get(mergeUndoKey(survivorId))) as MergeUndo[] | undefined) ?? [];
    const undo = stack.at(-1);
    if (!undo) throw new Error(`No merge into customer ${survivorId} to undo`);
    const customers = tx.objectStore('customers');
    if (!(await customers.getKey(survivorId))) throw new Error(`No customer with id ${survivorId}`);
    for (const customer of undo.absorbed) {
      if (await customers.getKey(customer.id)) throw new Error(`Customer ${customer.id} is already in the book again`);
    }
    for (const { store: storeName, id, customerId } of undo.moved) {
      const store = tx.objectStore(storeName);
      const record = await store.get(id);
      if (record && record.customerId === survivorId) await store.put({ ...record, customerId } as never);
    }
    const restored = [];
    for (const customer of [undo.survivorBefore, ...undo.absorbed]) restored.push(await putRecounted(tx, customer));
    if (stack.length > 1) await meta.put(stack.slice(0, -1), mergeUndoKey(survivorId));
    else await meta.delete(mergeUndoKey(survivorId));
    return { result: restored, customerIds: restored.map((customer) => customer.id) };
  });
}

/** Writes a customer as they were, with what derives from other records taken from those records now. */
async function putRecounted(tx: MergeTransaction, customer: Customer): Promise<Customer> {
  const orders = await tx.objectStore('orders').index('customerId').getAll(customer.id);
  const notesCount = await tx.objectStore('notes').index('customerId').count(customer.id);
  const tagIds = [];
  for (const tagId of customer.tagIds) if (await tx.objectStore('tags').getKey(tagId)) tagIds.push(tagId);
  const written = { ...customer, tagIds, notesCount, lastOrderAt: latestPaidOrderAt(orders) };
  await tx.objectStore('customers').put(toRow(written));
  return written;
}

/** How many orders, notes, feedback and follow-ups a customer has, from index counts. */
export async function countCustomerRecords(context: StoreContext, customerId: string): Promise<CustomerRecordCounts> {
  const tx = context.db.transaction([...CUSTOMER_RECORD_STORES]);
  const [orders, notes, feedback, followUps] = await Promise.all(CUSTOMER_RECORD_STORES.map((store) => tx.objectStore(store).index('customerId').count(customerId)));
  return { orders: orders ?? 0, notes: notes ?? 0, feedback: feedback ?? 0, followUps: followUps ?? 0 };
}

/** A customer who may be the same person as another, and the keys they share (see findDuplicateGroups). */
export interface DuplicateCandidate {
  customer: Customer;
  sharedKeys: string[];
}

/**
 * Customers who may be the same person as `customerId`, from indexes only: those sharing an identity key, and
 * those with the same folded name and the same phone ending. The book-wide list is findDuplicates.
 */
export async function duplicatesOf(context: StoreContext, customerId: string): Promise<DuplicateCandidate[]> {
  const tx = context.db.transaction('customers');
  const store = tx.objectStore('customers');
  const row = await store.get(customerId);
  if (!row) return [];
  const found = new Map<string, DuplicateCandidate>();
  const add = (other: Customer, key: string) => {
    if (other.id === customerId) return;
    const candidate = found.get(other.id) ?? { customer: other, sharedKeys: [] };
    if (!candidate.sharedKeys.includes(key)) candidate.sharedKeys.push(key);
    found.set(other.id, candidate);
  };
  for (const key of row.identityKeys) for (const other of await store.index('identityKeys').getAll(key)) add(fromRow(other), key);
  const mine = new Set(nameAndPhoneKeys(row));
  if (mine.size > 0) {
    // sortName folds like foldedName except for inner spaces: read those rows and compare the folded names.
    for (const other of await store.index('sortName').getAll(row.sortName)) {
      if (foldedName(other.displayName) !== foldedName(row.displayName)) continue;
      for (const key of duplicateKeysOf(other)) if (mine.has(key)) add(fromRow(other), key);
    }
  }
  return [...found.values()].sort((a, b) => a.customer.createdAt.localeCompare(b.customer.createdAt));
}
