import type { Customer } from '../model';
import { identityKeys } from './keys';

export interface DuplicateGroup {
  /** Customers that share at least one identity, directly or through one another; oldest first. */
  customerIds: string[];
  /** The identity keys they share (e.g. `tel:+5511987654321`). */
  sharedKeys: string[];
}

/**
 * Groups customers who share a normalized identity. Sharing is transitive: if A and B share a phone and B and C
 * share an email, A, B and C are one group, because merging only two of them would leave a duplicate behind.
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
    for (const identity of customer.identities) {
      for (const key of identityKeys(identity.kind, identity.value)) {
        const list = owners.get(key);
        if (!list) owners.set(key, [customer.id]);
        else if (!list.includes(customer.id)) list.push(customer.id);
      }
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
