import type { StoreContext } from './context';

/** What the seller last recorded with a customer, besides a purchase (the table has that). */
export type ContactKind = 'note' | 'follow-up' | 'feedback';

export interface LastContact {
  /** ISO date and time. */
  at: string;
  kind: ContactKind;
}

/**
 * Each customer's latest note written (or edited), follow-up scheduled and rating received, whichever is latest, from one
 * readonly transaction over three `customerId` indexes: what Funil's cards read for the few dozen customers on
 * screen. Customers with none of them are absent from the map.
 */
export async function lastContacts(context: StoreContext, customerIds: readonly string[]): Promise<Map<string, LastContact>> {
  const latest = new Map<string, LastContact>();
  if (customerIds.length === 0) return latest;
  const tx = context.db.transaction(['notes', 'followUps', 'feedback']);
  const keep = (customerId: string, at: string, kind: ContactKind) => {
    const known = latest.get(customerId);
    if (!known || Date.parse(at) > Date.parse(known.at)) latest.set(customerId, { at, kind });
  };
  await Promise.all(
    customerIds.flatMap((customerId) => [
      tx
        .objectStore('notes')
        .index('customerId')
        .getAll(customerId)
        .then((notes) => notes.forEach((note) => keep(customerId, note.updatedAt, 'note'))),
      tx
        .objectStore('followUps')
        .index('customerId')
        .getAll(customerId)
        .then((followUps) => followUps.forEach((followUp) => keep(customerId, followUp.createdAt, 'follow-up'))),
      tx
        .objectStore('feedback')
        .index('customerId')
        .getAll(customerId)
        .then((ratings) => ratings.forEach((rating) => keep(customerId, rating.receivedAt, 'feedback'))),
    ]),
  );
  return latest;
}
