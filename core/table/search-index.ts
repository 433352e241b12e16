import { normalizePhone, type CountryCode } from '../identity';
import type { Customer, IdentityKind } from '../model';
import { matchedIds, type SearchMatches, type SlotSpace } from './search-matches';
import { TermIndex, withinEdits } from './term-index';

/** What the index needs of a customer: a whole record, or what the book table keeps of it. */
export interface SearchableCustomer {
  readonly id: string;
  readonly displayName: string;
  readonly identities: readonly { readonly kind: IdentityKind; readonly value: string; readonly raw: string }[];
  readonly tagIds: readonly string[];
  readonly customFields: Customer['customFields'];
}

/** A match, best first: enough to show in a "link to an existing customer" list. */
export interface CustomerMatch {
  id: string;
  displayName: string;
  /** The contacts as the seller first typed them. */
  identities: string[];
}

/** Between the contacts a customer is shown with, in the one string kept per customer for the match list. */
const SHOWN_SEPARATOR = '\u001f';

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

/** A name's terms weigh double in the ranking; everything else written is one field; digit strings another. */
const NAME = 'n:';
const TEXT = 't:';
const DIGITS = '#:';
/** Where a query splits into terms: spaces and punctuation (an email is its parts: `ana.loja@gm` finds ana.loja@gmail.com). */
const SEPARATORS = /[\n\r\p{Z}\p{P}]+/u;

function termsOfText(text: string): string[] {
  return foldText(text).split(SEPARATORS).filter(Boolean);
}

function termsOf(customer: SearchableCustomer, tagNames: ReadonlyMap<string, string>): string[] {
  const terms: string[] = termsOfText(customer.displayName).map((term) => NAME + term);
  const text = (value: string) => {
    for (const term of termsOfText(value)) terms.push(TEXT + term);
  };
  const numbers = new Set<string>();
  for (const identity of customer.identities) {
    if (PHONE_KINDS.has(identity.kind)) {
      // The stored E.164 and the spelling first seen (it may lack the ninth digit WhatsApp still drops).
      digitSuffixes(identity.value.replace(/\D/g, ''), numbers);
      digitSuffixes(identity.raw.replace(/\D/g, ''), numbers);
    } else if (identity.kind === 'whatsapp-lid') numbers.add(identity.value.replace(/\D/g, ''));
    else {
      text(identity.value);
      text(identity.raw);
    }
  }
  for (const id of customer.tagIds) text(tagNames.get(id) ?? '');
  for (const value of Object.values(customer.customFields)) {
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    const written = String(value);
    text(written);
    const digits = written.replace(/\D/g, '');
    if (digits.length >= 4) numbers.add(digits);
  }
  for (const digits of numbers) if (digits) terms.push(DIGITS + digits);
  return terms;
}

/** Typos forgiven in a word of this length when nothing matches as typed: one in 5–9 letters, two from 10. */
function editsFor(word: string): number {
  return word.length > 3 ? Math.max(1, Math.round(word.length * 0.2)) : 0;
}

/**
 * Full-text search over the customers: name, contacts, tag names and custom fields, accent- and case-insensitive,
 * every word by prefix (all words must match). A query made only of digits and phone punctuation is read as a
 * number: its digits, and the E.164 form the default country gives it, are matched by prefix against each phone's
 * digit suffixes, so `(11) 98765-4321`, `11987654321`, `+55 11 98765 4321` and `98765-4321` all find
 * +5511987654321. When no customer matches a text query as typed, words of four letters or more are matched with a
 * typo or two, the first letter as typed ("Conseição" finds Conceição).
 *
 * The table's answer is a bitmap over the index's slots (matchingSlots), not a scored list nor a set of ids: the
 * table sorts by its own columns, and a first keystroke matching tens of thousands of customers must still
 * answer within a frame or two.
 */
export class CustomerSearchIndex {
  private readonly index = new TermIndex();
  /** Each slot's name and contacts (joined by SHOWN_SEPARATOR), for the match list: two strings, not an object and an array. */
  private readonly names: (string | undefined)[] = [];
  private readonly shown: (string | undefined)[] = [];
  private readonly defaultCountry: CountryCode;

  constructor(options: { defaultCountry?: CountryCode } = {}) {
    this.defaultCountry = options.defaultCountry ?? 'BR';
  }

  get size(): number {
    return this.index.size;
  }

  /** The slots its answers are given in (see SearchMatches). */
  get space(): SlotSpace {
    return this.index;
  }

  /** Adds customers in bulk: their terms are sorted by `seal`, or by the first search. */
  addAll(customers: Iterable<SearchableCustomer>, tagNames: ReadonlyMap<string, string>): void {
    for (const customer of customers) this.put(customer, tagNames, true);
  }

  /** Finishes a bulk load (sorts its terms and packs them, 0.4 s at 100k customers in Node), so the first keystroke does not. */
  seal(): void {
    this.index.seal();
  }

  /** Adds or replaces one customer. */
  upsert(customer: SearchableCustomer, tagNames: ReadonlyMap<string, string>): void {
    this.put(customer, tagNames, false);
  }

  remove(customerId: string): void {
    const slot = this.index.slotOf(customerId);
    if (slot === undefined) return;
    this.index.delete(customerId);
    this.names[slot] = undefined;
    this.shown[slot] = undefined;
  }

  /** Matches best first: more words found in the name, then whole words over prefixes, then the name's order. */
  search(query: string, limit = Number.POSITIVE_INFINITY): CustomerMatch[] {
    const hits: { id: string; score: number; name: string; slot: number }[] = [];
    this.run(query, (slot, score) => {
      hits.push({ id: this.index.idAt(slot), score, name: this.names[slot] ?? '', slot });
    });
    hits.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
    return hits.slice(0, limit).map(({ id, name, slot }) => {
      const shown = this.shown[slot] ?? '';
      return { id, displayName: name, identities: shown ? shown.split(SHOWN_SEPARATOR) : [] };
    });
  }

  /**
   * Every match as a bitmap over the index's slots, for the table to filter and sort by its own columns (it knows
   * each slot's place in its sorted lists); null for a blank query (no filter).
   */
  matchingSlots(query: string): SearchMatches | null {
    if (!query.trim()) return null;
    const slots = new Uint8Array(this.index.slotCount);
    let size = 0;
    this.run(query, (slot) => {
      slots[slot] = 1;
      size += 1;
    });
    return { slots, size, space: this.index };
  }

  /** Every matching id; null for a blank query. */
  matchingIds(query: string): Set<string> | null {
    const matches = this.matchingSlots(query);
    return matches === null ? null : new Set(matchedIds(matches));
  }

  private put(customer: SearchableCustomer, tagNames: ReadonlyMap<string, string>, bulk: boolean): void {
    const slot = this.index.set(customer.id, termsOf(customer, tagNames), bulk);
    this.names[slot] = customer.displayName;
    this.shown[slot] = customer.identities.map((identity) => identity.raw || identity.value).join(SHOWN_SEPARATOR);
  }

  /** Calls `each` with every matching slot and its score. */
  private run(query: string, each: (slot: number, score: number) => void): void {
    const text = query.trim();
    if (!text) return;
    if (NUMERIC_QUERY.test(text)) {
      const numbers = this.numberTerms(text);
      if (numbers.length > 0) {
        const seen = new Uint8Array(this.index.slotCount);
        const once = (slot: number) => {
          if (seen[slot]) return;
          seen[slot] = 1;
          each(slot, 1);
        };
        for (const digits of numbers) this.index.eachSlotWithPrefix(DIGITS + digits, once);
        return;
      }
    }
    const words = termsOfText(text);
    if (words.length === 0) return;
    let matches = this.allWords(words, false);
    if (matches.count === 0) matches = this.allWords(words, true);
    const { found, score } = matches;
    for (let slot = 0; slot < found.length; slot++) if (found[slot] === words.length) each(slot, score[slot] as number);
  }

  /**
   * Slots having every word (by prefix, or also within a few typos): `found[slot]` is the number of words found,
   * and `score` weighs where each was found, the name over other fields and a whole word over a prefix.
   */
  private allWords(words: readonly string[], forgiving: boolean): { found: Uint16Array; score: Float64Array; count: number } {
    const found = new Uint16Array(this.index.slotCount);
    const score = new Float64Array(this.index.slotCount);
    let count = 0;
    words.forEach((word, k) => {
      const last = k === words.length - 1;
      let points = 0;
      const credit = (slot: number) => {
        if (found[slot] !== k) return;
        found[slot] = k + 1;
        score[slot] = (score[slot] as number) + points;
        if (last) count += 1;
      };
      // Name before text, and within each the whole word first: a slot is credited once per word, at its best.
      for (const [field, weight] of [[NAME, 2], [TEXT, 1]] as const) {
        points = weight * 1.25;
        this.index.eachSlotOf(field + word, credit);
        points = weight;
        this.index.eachSlotWithPrefix(field + word, credit);
        const edits = forgiving ? editsFor(word) : 0;
        if (edits > 0) {
          // A typo is rarely the first letter: only words sharing it are compared, a twentieth of the book's words.
          points = weight * 0.5;
          this.index.eachSlotWithPrefix(field + word.charAt(0), credit, (term) => withinEdits(term.slice(field.length), word, edits));
        }
      }
    });
    return { found, score, count };
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
