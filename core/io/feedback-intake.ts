import { z } from '../zod';
import { normalizeIdentityValue } from '../identity';
import { fieldProblems, isoDateTime, type Customer } from '../model';
import { resolveSegmentLocale, type LocalizedText } from '../segments/locale';
import type { Book, IdentityInput } from '../store';

/**
 * One feedback as a collector serves it (`GET /v1/feedback`). It crosses a trust boundary — the collector is
 * the seller's, but the text came from anonymous store visitors — so it is validated before anything is written.
 */
const collectedBase = {
  id: z.string().min(1).max(100),
  site: z.string().min(1).max(100),
  comment: z.string().max(5000).nullable(),
  contact: z.object({ email: z.string().max(320).nullable(), phone: z.string().max(40).nullable(), name: z.string().max(200).nullable() }).nullable(),
  consent: z.object({ given: z.boolean(), text: z.string().max(2000), version: z.string().max(50) }).nullable(),
  page: z.string().max(2000).nullable(),
  locale: z.string().max(20).nullable(),
  orderId: z.string().max(100).nullable(),
  verified: z.boolean(),
  receivedAt: isoDateTime,
};
export const collectedFeedbackSchema = z.discriminatedUnion('kind', [
  z.object({ ...collectedBase, kind: z.literal('csat'), score: z.number().int().min(1).max(5) }),
  z.object({ ...collectedBase, kind: z.literal('nps'), score: z.number().int().min(0).max(10) }),
]);
export type CollectedFeedback = z.infer<typeof collectedFeedbackSchema>;

/** `next` is the cursor of the following page (null at the end); `cursor` is where this page ended, to resume from. */
export const collectedPageSchema = z.object({ items: z.array(collectedFeedbackSchema), next: z.string().nullable(), cursor: z.string().nullable().optional() });

/** Reads a collector's page of feedback, or throws naming the bad field (`items[3].score: …`). */
export function parseCollectedPage(json: unknown): z.infer<typeof collectedPageSchema> {
  const page = collectedPageSchema.safeParse(json);
  if (!page.success) throw new Error(`The collector sent feedback this version cannot read: ${fieldProblems(page.error).map((p) => `${p.field}: ${p.message}`).join('; ')}`);
  return page.data;
}

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
}

const ANONYMOUS_VISITORS: LocalizedText = {
  en: 'Anonymous visitors ({site})',
  'pt-BR': 'Visitantes anônimos ({site})',
  'pt-PT': 'Visitantes anónimos ({site})',
  es: 'Visitantes anónimos ({site})',
};
const ORIGIN_FIELD: LocalizedText = { en: 'source', 'pt-BR': 'origem', 'pt-PT': 'origem', es: 'origen' };
const ORIGIN_STORE: LocalizedText = { en: 'store', 'pt-BR': 'loja', 'pt-PT': 'loja', es: 'tienda' };

/** Words the intake writes into the book, in the seller's language (any BCP 47 tag; see resolveSegmentLocale). */
export interface IntakeLabels {
  /** Display name of the customer that collects a site's feedback left without a contact. */
  anonymousVisitors: (site: string) => string;
  /** Custom field set on customers created from the store, and its value. */
  originField: string;
  originStore: string;
}

export function intakeLabels(locale: string): IntakeLabels {
  const lang = resolveSegmentLocale(locale);
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

/**
 * Files feedback pulled from a collector into the book: each goes to the customer matched by the contact the
 * visitor left (signed contacts stay marked verified), else to a new prospect from the store, else — no contact —
 * to the site's anonymous visitors. `source` (the collector's URL and site) keeps ids unique across collectors,
 * so pulling the same page twice adds nothing.
 */
export async function takeInFeedback(
  book: Book,
  items: readonly CollectedFeedback[],
  source: string,
  locale = 'en',
): Promise<IntakeResult> {
  const labels = intakeLabels(locale);
  const origin = { [labels.originField]: labels.originStore };
  const result: IntakeResult = { added: 0, duplicates: 0, matched: 0, created: 0, anonymous: 0 };
  for (const item of items) {
    const externalId = `${source}#${item.id}`;
    if (await book.feedback.findByExternalId(externalId)) {
      result.duplicates++;
      continue;
    }
    const identities = usable(contactIdentities(item));
    let customer = identities.length ? await findByAny(book, identities) : null;
    if (customer) result.matched++;
    else if (identities.length) {
      const name = item.contact?.name?.trim() || item.contact?.email || item.contact?.phone || item.site;
      customer = await book.customers.create({
        displayName: name,
        identities,
        createdAt: item.receivedAt,
        consent: item.consent?.given
          ? { marketing: true, recordedAt: item.receivedAt, source: 'storefront', text: item.consent.text, version: item.consent.version }
          : undefined,
        customFields: origin,
      });
      result.created++;
    } else {
      customer = (await findByAny(book, [anonymousIdentity(item.site)])) ??
        (await book.customers.create({ displayName: labels.anonymousVisitors(item.site), identities: [anonymousIdentity(item.site)], customFields: origin }));
      result.anonymous++;
    }
    const common = { customerId: customer.id, comment: item.comment, receivedAt: item.receivedAt, source: 'storefront' as const, verified: item.verified, externalId };
    await book.feedback.add(item.kind === 'csat' ? { ...common, kind: 'csat', score: item.score } : { ...common, kind: 'nps', score: item.score });
    result.added++;
  }
  return result;
}
