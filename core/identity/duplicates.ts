import type { Customer } from '../model';
import { identityKeys } from './keys';

export interface DuplicateGroup {
  /** Customers that share at least one identity (or name and phone ending), directly or through one another; oldest first. */
  customerIds: string[];
  /**
   * What they share: identity keys (e.g. `tel:+5511987654321`) and name-and-phone-ending keys (`name-tel:`,
   * see nameAndPhoneKey).
   */
  sharedKeys: string[];
}

/** Digits of a phone's ending compared by nameAndPhoneKey: the subscriber part, whatever the area or country code. */
export const PHONE_SUFFIX_DIGITS = 8;
export const NAME_PHONE_PREFIX = 'name-tel:';

/** A name folded for comparison: no accents, case or extra spaces ("Ána  Souza" is "ana souza"). */
export function foldedName(displayName: string): string {
  return displayName.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * The same folded name with the same phone ending is probably one person typed twice (once with the area code,
 * once without, or a number the seller mistyped the country of): a suggestion, never a match by itself.
 */
export function nameAndPhoneKeys(customer: Pick<Customer, 'displayName' | 'identities'>): string[] {
  const name = foldedName(customer.displayName);
  const keys = new Set<string>();
  for (const identity of customer.identities) {
    if (identity.kind !== 'phone' && identity.kind !== 'whatsapp') continue;
    const digits = identity.value.replace(/\D/g, '');
    if (digits.length >= PHONE_SUFFIX_DIGITS) keys.add(`${NAME_PHONE_PREFIX}${name}|${digits.slice(-PHONE_SUFFIX_DIGITS)}`);
  }
  return [...keys];
}

/** Every key a customer may share with a duplicate: their identities' and their name-and-phone-ending ones. */
export function duplicateKeysOf(customer: Pick<Customer, 'displayName' | 'identities'>): string[] {
  const keys = new Set<string>();
  for (const identity of customer.identities) for (const key of identityKeys(identity.kind, identity.value)) keys.add(key);
  for (const key of nameAndPhoneKeys(customer)) keys.add(key);
  return [...keys];
}

/**
 * Groups customers who share a normalized identity, or the same folded name with the same phone ending. Sharing
 * is transitive: if A and B share a phone and B and C share an email, A, B and C are one group, because merging
 * only two of them would leave a duplicate behind.
 */
export function findDuplicateGroups(customers: readonly Customer[]): DuplicateGroup[] {
  const parent = new Map<string, string>();
  const root = (id: string): string => {
    let top = id;
    while (parent.get(top) !== top) top = parent.get(top) as string;
    parent.set(id, top);
    return top;
  };
  const owners = new Map<string, string[]>();
  for (const customer of customers) {
    parent.set(customer.id, customer.id);
    for (const key of duplicateKeysOf(customer)) {
      const list = owners.get(key);
      if (!list) owners.set(key, [customer.id]);
      else if (!list.includes(customer.id)) list.push(customer.id);
    }
  }
  const sharedKeys = [...owners].filter(([, ids]) => ids.length > 1);
  for (const [, ids] of sharedKeys) {
    const first = root(ids[0] as string);
    for (const id of ids.slice(1)) parent.set(root(id), first);
  }
  const byId = new Map(customers.map((c) => [c.id, c]));
  const groups = new Map<string, DuplicateGroup>();
  for (const [key, ids] of sharedKeys) {
    const top = root(ids[0] as string);
    const group = groups.get(top) ?? { customerIds: [], sharedKeys: [] };
    groups.set(top, group);
    group.sharedKeys.push(key);
    for (const id of ids) if (!group.customerIds.includes(id)) group.customerIds.push(id);
  }
  const created = (id: string) => byId.get(id)?.createdAt ?? '';
  return [...groups.values()].map((group) => ({
    customerIds: group.customerIds.sort((a, b) => created(a).localeCompare(created(b)) || a.localeCompare(b)),
    sharedKeys: group.sharedKeys.sort(),
  }));
}
