import MiniSearch, { type SearchResult } from 'minisearch';
import { normalizePhone, type CountryCode } from '../identity';
import type { Customer, IdentityKind } from '../model';

/** What the index needs of a customer. */
export type SearchableCustomer = Pick<Customer, 'id' | 'displayName' | 'identities' | 'tagIds' | 'customFields'>;

/** A match, best first: enough to show in a "link to an existing customer" list. */
export interface CustomerMatch {
  id: string;
  displayName: string;
  /** The contacts as the seller first typed them. */
  identities: string[];
}

interface SearchDocument {
  id: string;
  name: string;
  /** Emails, handles and other non-numeric contacts, normalized and as typed. */
  contacts: string;
  /** Digits only: phones with every suffix of 8 digits or more, @lid ids, digits inside custom fields (a CPF). */
  numbers: string;
  tags: string;
  /** Custom field values as text (the model has no CPF field: sellers keep it there). */
  fields: string;
  shown: string[];
}

const PHONE_KINDS: ReadonlySet<IdentityKind> = new Set(['phone', 'whatsapp']);
/** Shortest phone suffix indexed: a local number without area code (8 digits in Brazil before the ninth digit). */
const MIN_SUFFIX = 8;
/** A query of these characters only is a phone or a CPF, whatever its punctuation. */
const NUMERIC_QUERY = /^[\d\s()+./-]+$/;

/** Lower case without diacritics: "Conceição" and "conceicao" are one term. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function digitSuffixes(digits: string, into: Set<string>): void {
  if (digits.length < MIN_SUFFIX) {
    if (digits) into.add(digits);
    return;
  }
  for (let start = 0; digits.length - start >= MIN_SUFFIX; start++) into.add(digits.slice(start));
}

function documentOf(customer: SearchableCustomer, tagNames: ReadonlyMap<string, string>): SearchDocument {
  const contacts: string[] = [];
  const numbers = new Set<string>();
  for (const identity of customer.identities) {
    if (PHONE_KINDS.has(identity.kind)) {
      // The stored E.164 and the spelling first seen (it may lack the ninth digit WhatsApp still drops).
      digitSuffixes(identity.value.replace(/\D/g, ''), numbers);
      digitSuffixes(identity.raw.replace(/\D/g, ''), numbers);
    } else if (identity.kind === 'whatsapp-lid') numbers.add(identity.value.replace(/\D/g, ''));
    else contacts.push(identity.value, identity.raw);
  }
  const fields: string[] = [];
  for (const value of Object.values(customer.customFields)) {
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    const text = String(value);
    fields.push(text);
    const digits = text.replace(/\D/g, '');
    if (digits.length >= 4) numbers.add(digits);
  }
  return {
    id: customer.id,
    name: customer.displayName,
    contacts: contacts.join(' '),
    numbers: [...numbers].join(' '),
    tags: customer.tagIds.map((id) => tagNames.get(id) ?? '').join(' '),
    fields: fields.join(' '),
    shown: customer.identities.map((identity) => identity.raw || identity.value),
  };
}

/**
 * Full-text search over the customers (MiniSearch): name, contacts, tag names and custom fields, accent- and
 * case-insensitive, by prefix. A query made only of digits and phone punctuation is read as a number: its
 * digits, and the E.164 form the default country gives it, are matched by prefix against each phone's digit
 * suffixes, so `(11) 98765-4321`, `11987654321`, `+55 11 98765 4321` and `98765-4321` all find +5511987654321.
 */
export class CustomerSearchIndex {
  private readonly index = new MiniSearch<SearchDocument>({
    fields: ['name', 'contacts', 'numbers', 'tags', 'fields'],
    storeFields: ['name', 'shown'],
    processTerm: (term) => foldText(term),
  });
  private readonly defaultCountry: CountryCode;

  constructor(options: { defaultCountry?: CountryCode } = {}) {
    this.defaultCountry = options.defaultCountry ?? 'BR';
  }

  get size(): number {
    return this.index.documentCount;
  }

  addAll(customers: Iterable<SearchableCustomer>, tagNames: ReadonlyMap<string, string>): void {
    const documents: SearchDocument[] = [];
    for (const customer of customers) documents.push(documentOf(customer, tagNames));
    this.index.addAll(documents);
  }

  /** Adds or replaces one customer. */
  upsert(customer: SearchableCustomer, tagNames: ReadonlyMap<string, string>): void {
    if (this.index.has(customer.id)) this.index.discard(customer.id);
    this.index.add(documentOf(customer, tagNames));
  }

  remove(customerId: string): void {
    if (this.index.has(customerId)) this.index.discard(customerId);
  }

  /** Matches best first (MiniSearch's score; the name weighs double). */
  search(query: string, limit = Number.POSITIVE_INFINITY): CustomerMatch[] {
    return this.run(query)
      .slice(0, limit)
      .map((result) => ({ id: String(result.id), displayName: String(result.name), identities: result.shown as string[] }));
  }

  /** Every matching id, for the table to filter and sort by its own columns; null for a blank query (no filter). */
  matchingIds(query: string): Set<string> | null {
    if (!query.trim()) return null;
    return new Set(this.run(query).map((result) => String(result.id)));
  }

  private run(query: string): SearchResult[] {
    const text = query.trim();
    if (!text) return [];
    if (NUMERIC_QUERY.test(text)) {
      const terms = this.numberTerms(text);
      if (terms.length > 0) return this.index.search({ combineWith: 'OR', queries: terms }, { fields: ['numbers'], prefix: true });
    }
    return this.index.search(text, { prefix: true, fuzzy: (term) => (term.length > 3 ? 0.2 : false), combineWith: 'AND', boost: { name: 2 } });
  }

  private numberTerms(text: string): string[] {
    const digits = text.replace(/\D/g, '');
    if (digits.length < 3) return [];
    const terms = new Set([digits]);
    // A trunk prefix (011 98765-4321) is not part of any stored spelling.
    if (digits.startsWith('0')) terms.add(digits.replace(/^0+/, ''));
    try {
      terms.add(normalizePhone(text, this.defaultCountry).replace(/\D/g, ''));
    } catch {
      // Not a whole phone number: a suffix, a CPF or a partial number, matched by its digits.
    }
    return [...terms].filter(Boolean);
  }
}
