import { normalizeIdentityValue } from '../identity';
import { NO_CONSENT, ValidationError, type ContactClaim, type Customer } from '../model';
import { resolveLocale, type LocalizedText } from '../locale';
import type { Book, IdentityInput } from '../store';
import type { CollectedFeedback, UnreadableItem } from './feedback-wire';

export interface IntakeResult {
  added: number;
  /** Already in the book (pulled before). */
  duplicates: number;
  /** Joined to a customer found by the contact the visitor left. */
  matched: number;
  /** New prospects created from the store. */
  created: number;
  /** No contact: filed under the site's anonymous visitors. */
  anonymous: number;
  /** An unsigned contact that is a customer's: filed under the site's visitors until the seller says whether it was them. */
  claims: number;
  /** Items this version could not read or file: set aside with their reasons (see `unreadableItems`). */
  unreadable: number;
}

/** What one intake did, and the items it set aside. */
export interface IntakeOutcome extends IntakeResult {
  unreadableItems: UnreadableItem[];
}

export const emptyIntakeResult = (): IntakeResult => ({ added: 0, duplicates: 0, matched: 0, created: 0, anonymous: 0, claims: 0, unreadable: 0 });

/** Longest display name (the customer model's limit), in code points. */
const NAME_CHARS = 200;

const ANONYMOUS_VISITORS: LocalizedText = {
  en: 'Anonymous visitors ({site})',
  'pt-BR': 'Visitantes anônimos ({site})',
  'pt-PT': 'Visitantes anónimos ({site})',
  es: 'Visitantes anónimos ({site})',
};
const ORIGIN_FIELD: LocalizedText = { en: 'source', 'pt-BR': 'origem', 'pt-PT': 'origem', es: 'origen' };
const ORIGIN_STORE: LocalizedText = { en: 'store', 'pt-BR': 'loja', 'pt-PT': 'loja', es: 'tienda' };

/** Words the intake writes into the book, in the seller's language (any BCP 47 tag; see resolveLocale). */
export interface IntakeLabels {
  /** Display name of the customer that collects a site's feedback left without a contact. */
  anonymousVisitors: (site: string) => string;
  /** Custom field set on customers created from the store, and its value. */
  originField: string;
  originStore: string;
}

export function intakeLabels(locale: string): IntakeLabels {
  const lang = resolveLocale(locale);
  return {
    anonymousVisitors: (site) => ANONYMOUS_VISITORS[lang].replace('{site}', site),
    originField: ORIGIN_FIELD[lang],
    originStore: ORIGIN_STORE[lang],
  };
}

/** The customer that collects a site's anonymous feedback, so it still counts in CSAT and NPS. */
const anonymousIdentity = (site: string): IdentityInput => ({ kind: 'storefront', value: `anonymous@${site}` });

function contactIdentities(item: CollectedFeedback): IdentityInput[] {
  const identities: IdentityInput[] = [];
  if (item.contact?.email) identities.push({ kind: 'email', value: item.contact.email });
  if (item.contact?.phone) identities.push({ kind: 'phone', value: item.contact.phone });
  return identities;
}

async function findByAny(book: Book, identities: IdentityInput[]): Promise<Customer | null> {
  for (const identity of identities) {
    const [found] = await book.customers.findByIdentity(identity.kind, identity.value);
    if (found) return found;
  }
  return null;
}

/** Identities that normalize; a phone typed wrong by a visitor is dropped rather than failing the feedback. */
function usable(identities: IdentityInput[]): IdentityInput[] {
  return identities.filter((identity) => {
    try {
      normalizeIdentityValue(identity.kind, identity.value);
      return true;
    } catch {
      return false;
    }
  });
}

/** A display name for a customer made from a contact: the name given, else the email or phone, cut to fit. */
function displayNameOf(item: CollectedFeedback): string {
  const name = item.contact?.name?.trim() || item.contact?.email?.trim() || item.contact?.phone?.trim() || item.site;
  const chars = [...name];
  return chars.length > NAME_CHARS ? `${chars.slice(0, NAME_CHARS - 1).join('')}…` : name;
}

/** The site's visitors: collects feedback left without a contact, and claims waiting for the seller. */
async function siteVisitors(book: Book, site: string, labels: IntakeLabels, origin: Record<string, string>): Promise<Customer> {
  const identity = anonymousIdentity(site);
  return (await findByAny(book, [identity])) ?? book.customers.create({ displayName: labels.anonymousVisitors(site), identities: [identity], customFields: origin });
}

function claimOf(item: CollectedFeedback, status: ContactClaim['status']): ContactClaim {
  return {
    site: item.site,
    email: item.contact?.email ?? null,
    phone: item.contact?.phone ?? null,
    name: item.contact?.name ?? null,
    consent: item.consent?.given ? { text: item.consent.text, version: item.consent.version } : null,
    status,
  };
}

type Filed = { customer: Customer; claim: ContactClaim | null; counted: 'matched' | 'created' | 'anonymous' | 'claims' };

/**
 * Where one feedback goes. A contact the store signed is a fact: the feedback joins the customer with that
 * contact, or a new prospect (with the consent the visitor gave). An unsigned contact is a claim: anyone who knows
 * a customer's phone could type it, so it never files itself under that customer (it waits under the site's
 * visitors for the seller to say "it was her"), and it never sets marketing consent (the consent is kept in the
 * claim, awaiting the customer's confirmation). No contact: the site's anonymous visitors.
 */
async function file(book: Book, item: CollectedFeedback, labels: IntakeLabels, origin: Record<string, string>): Promise<Filed> {
  const identities = usable(contactIdentities(item));
  if (identities.length === 0) return { customer: await siteVisitors(book, item.site, labels, origin), claim: null, counted: 'anonymous' };
  const existing = await findByAny(book, identities);
  if (item.verified) {
    if (existing) return { customer: existing, claim: null, counted: 'matched' };
    const consent = item.consent?.given
      ? { marketing: true, recordedAt: item.receivedAt, source: 'storefront', text: item.consent.text, version: item.consent.version }
      : undefined;
    const customer = await book.customers.create({ displayName: displayNameOf(item), identities, createdAt: item.receivedAt, consent, customFields: origin });
    return { customer, claim: null, counted: 'created' };
  }
  if (existing) return { customer: await siteVisitors(book, item.site, labels, origin), claim: claimOf(item, 'pending'), counted: 'claims' };
  const customer = await book.customers.create({ displayName: displayNameOf(item), identities, createdAt: item.receivedAt, consent: NO_CONSENT, customFields: origin });
  return { customer, claim: claimOf(item, 'prospect'), counted: 'created' };
}

/**
 * Files feedback pulled from a collector into the book (see `file` for where each goes). `source` (the
 * collector's URL and site) keeps ids unique across collectors, so pulling the same page twice adds nothing.
 * Each item is filed on its own: one whose data the book refuses is set aside with its reason and the rest go on.
 */
export async function takeInFeedback(
  book: Book,
  items: readonly CollectedFeedback[],
  source: string,
  locale = 'en',
): Promise<IntakeOutcome> {
  const labels = intakeLabels(locale);
  const origin = { [labels.originField]: labels.originStore };
  const result: IntakeOutcome = { ...emptyIntakeResult(), unreadableItems: [] };
  for (const [position, item] of items.entries()) {
    const externalId = `${source}#${item.id}`;
    try {
      if (await book.feedback.findByExternalId(externalId)) {
        result.duplicates++;
        continue;
      }
      const { customer, claim, counted } = await file(book, item, labels, origin);
      const common = { customerId: customer.id, comment: item.comment, receivedAt: item.receivedAt, source: 'storefront' as const, verified: item.verified, externalId, claim };
      await book.feedback.add(item.kind === 'csat' ? { ...common, kind: 'csat', score: item.score } : { ...common, kind: 'nps', score: item.score });
      result[counted]++;
      result.added++;
    } catch (error) {
      // Only this item's data: anything else (the book closed, storage full) stops the pull before its cursor moves.
      if (!(error instanceof ValidationError)) throw error;
      result.unreadable++;
      result.unreadableItems.push({ position, id: item.id, reason: error.message, raw: JSON.stringify(item) });
    }
  }
  return result;
}
