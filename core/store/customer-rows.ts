import { identityKeys, normalizeIdentityValue, type CountryCode } from '../identity';
import {
  customerSchema,
  NO_CONSENT,
  newId,
  parseRecord,
  ValidationError,
  type Consent,
  type Customer,
  type Identity,
  type IdentityKind,
} from '../model';
import type { CustomerRow } from './schema';

/** An identity as the seller or a host page gives it, before normalization. */
export interface IdentityInput {
  kind: IdentityKind;
  value: string;
}

export interface NewCustomer {
  id?: string;
  displayName: string;
  identities?: IdentityInput[];
  tagIds?: string[];
  funnelStage?: string | null;
  customFields?: Customer['customFields'];
  consent?: Consent;
  createdAt?: string;
}

/** Normalizes an identity typed by a person; throws a ValidationError naming `value` when it is not one. */
export function toIdentity(input: IdentityInput, addedAt: string, defaultCountry: CountryCode): Identity {
  return { kind: input.kind, value: normalizeIdentityValue(input.kind, input.value, { defaultCountry }), raw: input.value.trim(), addedAt };
}

/** Builds and validates a new customer record. */
export function buildCustomer(input: NewCustomer, nowIso: string, defaultCountry: CountryCode): Customer {
  const createdAt = input.createdAt ?? nowIso;
  const identities: Identity[] = [];
  (input.identities ?? []).forEach((identity, index) => {
    try {
      identities.push(toIdentity(identity, createdAt, defaultCountry));
    } catch (error) {
      throw error instanceof ValidationError ? error.within(`identities[${index}]`, 'The customer') : error;
    }
  });
  return parseRecord(customerSchema, customerRecord({ ...input, identities: dedupeIdentities(identities), createdAt }, nowIso), 'The customer');
}

/**
 * A new customer's record from identities already normalized, not validated: buildCustomer validates it, and an
 * import, which normalizes each contact once, validates it when the customer is first seen and makes it again at
 * the end from the parts it kept.
 */
export function customerRecord(input: Omit<NewCustomer, 'identities'> & { identities: Identity[] }, nowIso: string): Customer {
  return {
    id: input.id ?? newId(),
    displayName: input.displayName,
    identities: input.identities,
    tagIds: [...new Set(input.tagIds ?? [])],
    funnelStage: input.funnelStage ?? null,
    customFields: input.customFields ?? {},
    consent: input.consent ?? NO_CONSENT,
    notesCount: 0,
    lastOrderAt: null,
    createdAt: input.createdAt ?? nowIso,
    updatedAt: nowIso,
    archivedAt: null,
    merges: [],
  };
}

/** Keeps the first of identities that normalize to the same key. */
export function dedupeIdentities(identities: Identity[]): Identity[] {
  const seen = new Set<string>();
  return identities.filter((identity) => {
    const key = `${identity.kind}:${identity.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A display name folded for sorting: lowercase, accents taken off (NFD, then the combining marks dropped), trimmed,
 * so "Álvaro" sorts beside "alvaro" whatever the seller typed. Index keys compare code units, not a locale's
 * collation: this is the part of a collation that matters for names in the languages Clientela speaks.
 */
export function sortNameOf(displayName: string): string {
  return displayName.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/**
 * The sort keys a row carries for its indexes: `sortName` always, and `neverBoughtName` (the same folded name)
 * only while the customer has no paid order: IndexedDB leaves a row out of an index whose key is missing, so the
 * `lastOrderAt` index skips those customers and this index is how a page reaches them, in name order.
 */
export function sortKeysOf(customer: Pick<Customer, 'displayName' | 'lastOrderAt'>): Pick<CustomerRow, 'sortName' | 'neverBoughtName'> {
  const sortName = sortNameOf(customer.displayName);
  return customer.lastOrderAt === null ? { sortName, neverBoughtName: sortName } : { sortName };
}

export function toRow(customer: Customer): CustomerRow {
  const keys = new Set<string>();
  for (const identity of customer.identities) for (const key of identityKeys(identity.kind, identity.value)) keys.add(key);
  return { ...customer, identityKeys: [...keys], ...sortKeysOf(customer) };
}

/** The model record of a stored row: index keys stay in the database (backups and screens never see them). */
export function fromRow(row: CustomerRow): Customer {
  const { identityKeys: _keys, sortName: _sortName, neverBoughtName: _neverBought, ...customer } = row;
  return customer;
}
