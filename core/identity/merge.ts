import type { Consent, Customer, Identity } from '../model';
import { primaryIdentityKey } from './keys';

/**
 * The survivor of a merge: every identity, tag, custom field and note count of the others joins it, and the
 * merge is recorded on it. Custom fields the survivor already has keep the survivor's value. Orders, notes,
 * feedback and follow-ups are moved by the store in the same transaction (see core/store).
 */
export function mergeCustomerRecords(survivor: Customer, others: readonly Customer[], mergedAt: string): Customer {
  const identities: Identity[] = [...survivor.identities];
  const seen = new Set(identities.map((i) => primaryIdentityKey(i.kind, i.value)));
  const tagIds = new Set(survivor.tagIds);
  let customFields = { ...survivor.customFields };
  let consent: Consent = survivor.consent;
  let createdAt = survivor.createdAt;
  let lastOrderAt = survivor.lastOrderAt;
  let notesCount = survivor.notesCount;
  const merges = [...survivor.merges];
  for (const other of others) {
    for (const identity of other.identities) {
      const key = primaryIdentityKey(identity.kind, identity.value);
      if (!seen.has(key)) {
        seen.add(key);
        identities.push(identity);
      }
    }
    for (const tagId of other.tagIds) tagIds.add(tagId);
    customFields = { ...other.customFields, ...customFields };
    // The most recently recorded consent is the one in force.
    if ((other.consent.recordedAt ?? '') > (consent.recordedAt ?? '')) consent = other.consent;
    if (other.createdAt < createdAt) createdAt = other.createdAt;
    if (other.lastOrderAt && (!lastOrderAt || other.lastOrderAt > lastOrderAt)) lastOrderAt = other.lastOrderAt;
    notesCount += other.notesCount;
    merges.push(...other.merges);
  }
  merges.push({
    mergedAt,
    customerIds: others.map((o) => o.id),
    displayNames: others.map((o) => o.displayName),
  });
  return {
    ...survivor,
    identities,
    tagIds: [...tagIds],
    customFields,
    consent,
    createdAt,
    lastOrderAt,
    notesCount,
    merges,
    updatedAt: mergedAt,
    archivedAt: survivor.archivedAt,
  };
}
