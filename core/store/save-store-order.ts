import { parseRecord, ValidationError } from '../model';
import { readStoreOrder, type MissingField, type StoreOrderRefusal, type StoreOrderSettings } from '../io/store-order/read-order';
import { storeOrderReadingSchema } from '../io/store-order/reading';
import type { Book } from './book';
import { importIntoBook, orderIdOf } from './import-into';

/** What saving did to the order: new to the book, changed (status, total, date, items, customer), or already so. */
export type StoreOrderOutcome = 'created' | 'updated' | 'unchanged';

export interface SavedStoreOrder {
  outcome: StoreOrderOutcome;
  orderId: string;
  customerId: string;
  /** The buyer was nobody in the book: saving created them. */
  newCustomer: boolean;
  /** What the page did not give, saved without (readStoreOrder's). */
  missing: MissingField[];
}

const REFUSALS: Record<StoreOrderRefusal, { field: string; message: string }> = {
  unpaid: { field: 'status', message: 'says the order is not paid yet: only paid, refunded and cancelled orders are saved' },
  'no-identity': { field: 'buyer', message: 'shows no e-mail, phone or CPF: a name alone cannot tell the buyer from a namesake' },
  'no-reference': { field: 'reference', message: "is not on the page or unreadable: without the store's order number a second save would be a second order" },
  'no-total': { field: 'total', message: 'is not on the page or unreadable' },
  'no-date': { field: 'placedAt', message: 'is not on the page or unreadable' },
  'no-status': { field: 'status', message: 'is not on the page or a word for none of paid, refunded and cancelled' },
};

/** A store order page that cannot be saved: `refusal` says why, and the field it names is the one at fault. */
export class StoreOrderRefused extends ValidationError {
  constructor(
    readonly refusal: StoreOrderRefusal,
    readonly missing: MissingField[],
  ) {
    super([REFUSALS[refusal]], 'The store order');
  }
}

/**
 * Saves the order a store's admin page shows into the book, as the store's export file would import it: the
 * reading is checked against its schema (it comes from an untrusted page), read with the import's readers, and
 * handed to importIntoBook as a one-order file of `reading.store`, so the buyer is matched by the same contact keys
 * and the order keyed `import:<store>:<id>` by the same code: saving again changes nothing, a changed status or
 * total updates it, and the store's export file imported later finds the same order. One transaction, all or
 * nothing. Throws a ValidationError naming the field for a reading that is not one, and StoreOrderRefused, having
 * written nothing, when the page lacks what the order cannot do without.
 */
export async function saveStoreOrder(book: Book, reading: unknown, settings: StoreOrderSettings): Promise<SavedStoreOrder> {
  const checked = parseRecord(storeOrderReadingSchema, reading, 'The store order reading');
  const { order, identities, missing, refusal } = readStoreOrder(checked, settings);
  // importIntoBook joins a row with no contact to the one customer of that name; a page's buyer must have one.
  if (refusal !== null || order === null || identities.length === 0) throw new StoreOrderRefused(refusal ?? 'no-identity', missing);
  let handed = false;
  const source = { next: () => (handed ? null : ((handed = true), { orders: [order] })) };
  const { counts } = await importIntoBook(book, source, { source: checked.store, lookup: 'indexed', allOrNothing: true, orderSource: 'store-page' });
  // A page's order always has the store's id, so its record id does not depend on the customer.
  const orderId = orderIdOf(checked.store, order, '');
  const saved = await book.orders.get(orderId);
  if (!saved) throw new Error(`The order ${orderId} was saved but is not in the book`);
  const outcome: StoreOrderOutcome = counts.newOrders > 0 ? 'created' : counts.updatedOrders > 0 ? 'updated' : 'unchanged';
  return { outcome, orderId, customerId: saved.customerId, newCustomer: counts.newCustomers > 0, missing };
}
