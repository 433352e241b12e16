import { IDENTITY_KINDS, type Customer, type IdentityKind } from '../model';
import { sharedList } from '../segments/shared-lists';

/** A contact as the table shows it and searches it (a record's identity without the date it was added). */
export interface HeldContact {
  readonly kind: IdentityKind;
  readonly value: string;
  readonly raw: string;
}

/**
 * What the book table keeps of a customer record for as long as the book is open: what its rows, the
 * segmentation engine's figures and the search index read, and nothing else. A record read from IndexedDB also
 * carries its consent, merges, note count, update and last-order dates and a date per contact, each an object or a
 * string of its own: at 100k customers about half a million objects for the service worker's collector to mark
 * while the seller scrolls. Pages that need the whole record read it from the book.
 */
export interface HeldCustomer {
  readonly id: string;
  readonly displayName: string;
  readonly identities: readonly HeldContact[];
  readonly tagIds: readonly string[];
  readonly funnelStage: string | null;
  readonly customFields: Customer['customFields'];
  readonly createdAt: string;
  readonly archivedAt: string | null;
}

const NO_CONTACTS: readonly HeldContact[] = Object.freeze([]);
/** The one copy of each contact kind: a record read from IndexedDB brings a string of its own for each. */
const KINDS = new Map<string, IdentityKind>(IDENTITY_KINDS.map((kind) => [kind, kind]));
/** Funnel stages are few, and each record read brings its own copy of its stage's name. */
const STAGES = new Map<string, string>();
const STAGE_LIMIT = 1_000;
const NO_FIELDS: Customer['customFields'] = Object.freeze({});

/** The part of `customer` the table keeps (one fixed shape; empty lists and fields shared). */
export function heldCustomer(customer: Customer): HeldCustomer {
  let fields = NO_FIELDS;
  for (const _ in customer.customFields) {
    fields = customer.customFields;
    break;
  }
  return {
    id: customer.id,
    displayName: customer.displayName,
    identities: customer.identities.length === 0 ? NO_CONTACTS : customer.identities.map(heldContact),
    // Tag sets repeat across customers (most have none, many the same one or two).
    tagIds: sharedList(customer.tagIds),
    funnelStage: customer.funnelStage === null ? null : sharedStage(customer.funnelStage),
    customFields: fields,
    createdAt: customer.createdAt,
    archivedAt: customer.archivedAt,
  };
}

function heldContact({ kind, value, raw }: Customer['identities'][number]): HeldContact {
  // An email is often written as it is normalized: one string for both.
  return { kind: KINDS.get(kind) ?? kind, value, raw: raw === value ? value : raw };
}

function sharedStage(stage: string): string {
  const known = STAGES.get(stage);
  if (known !== undefined) return known;
  if (STAGES.size < STAGE_LIMIT) STAGES.set(stage, stage);
  return stage;
}
