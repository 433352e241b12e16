import { identityKeys, normalizeIdentityValue, type CountryCode } from '../identity';
import { feedbackSchema, newId, parseRecord, type ContactClaim, type Feedback } from '../model';
import { writeAtomically, type StoreContext } from './context';
import type { FeedbackRow } from './schema';

export type NewFeedback = Omit<Feedback, 'id' | 'externalId' | 'claim'> & { id?: string; externalId?: string | null; claim?: ContactClaim | null };

/** Lookup keys of the contact a feedback claims (the same keys customers are found by); a malformed one has none. */
export function claimKeysOf(feedback: Feedback, defaultCountry: CountryCode): string[] {
  const claim = feedback.claim;
  if (!claim) return [];
  const keys: string[] = [];
  for (const [kind, value] of [['email', claim.email], ['phone', claim.phone]] as const) {
    if (!value) continue;
    try {
      keys.push(...identityKeys(kind, normalizeIdentityValue(kind, value, { defaultCountry })));
    } catch {
      // A phone a visitor typed wrong names nobody.
    }
  }
  return keys;
}

export function toFeedbackRow(feedback: Feedback, defaultCountry: CountryCode): FeedbackRow {
  return { ...feedback, claimKeys: claimKeysOf(feedback, defaultCountry) };
}

/** The record without its index keys (rows written before schema 4 may lack a claim: they claimed nothing). */
export function fromFeedbackRow(row: FeedbackRow): Feedback {
  const { claimKeys: _keys, ...feedback } = row;
  return { ...feedback, claim: (feedback as Partial<Feedback>).claim ?? null } as Feedback;
}

/** A claim that waits for the seller: the feedback, and who the claimed contact belongs to. */
export interface PendingClaim {
  feedback: Feedback;
  customerIds: string[];
}

/** Feedback a customer left (storefront widget, or typed by the seller). */
export class FeedbackRepository {
  constructor(private readonly context: StoreContext) {}

  /**
   * Stores feedback unless feedback with the same `externalId` (the collector's id) is already in the book:
   * pulling from a collector twice must not count a rating twice. Returns the stored record either way.
   */
  async add(input: NewFeedback): Promise<Feedback> {
    const feedback = parseRecord(feedbackSchema, { externalId: null, claim: null, ...input, id: input.id ?? newId() }, 'The feedback');
    return writeAtomically(this.context, ['feedback', 'customers'], async (tx) => {
      if (feedback.externalId !== null) {
        const existing = await tx.objectStore('feedback').index('externalId').get(feedback.externalId);
        if (existing) return { result: fromFeedbackRow(existing), customerIds: [] };
      }
      if (!(await tx.objectStore('customers').getKey(feedback.customerId))) {
        throw new Error(`The feedback refers to customer ${feedback.customerId}, who is not in the book`);
      }
      await tx.objectStore('feedback').add(toFeedbackRow(feedback, this.context.defaultCountry));
      return { result: feedback, customerIds: [feedback.customerId] };
    });
  }

  /** The feedback pulled from a collector under this id, if it is already in the book. */
  async findByExternalId(externalId: string): Promise<Feedback | undefined> {
    const row = await this.context.db.getFromIndex('feedback', 'externalId', externalId);
    return row && fromFeedbackRow(row);
  }

  /** A customer's feedback, newest first. */
  async listByCustomer(customerId: string): Promise<Feedback[]> {
    const list = await this.context.db.getAllFromIndex('feedback', 'customerId', customerId);
    return list.map(fromFeedbackRow).sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
  }

  async list(): Promise<Feedback[]> {
    return (await this.context.db.getAll('feedback')).map(fromFeedbackRow);
  }

  /** Pending claims naming any of these identity lookup keys (a customer's), newest first. */
  async pendingClaimsFor(keys: readonly string[]): Promise<Feedback[]> {
    const tx = this.context.db.transaction('feedback');
    const index = tx.objectStore('feedback').index('claimKeys');
    const found = new Map<string, Feedback>();
    for (const key of new Set(keys)) {
      for (const row of await index.getAll(key)) if (row.claim?.status === 'pending') found.set(row.id, fromFeedbackRow(row));
    }
    return [...found.values()].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
  }

  /** Every pending claim in the book, newest first, with the customers its contact belongs to. */
  async pendingClaims(): Promise<PendingClaim[]> {
    const tx = this.context.db.transaction(['feedback', 'customers']);
    const claims = new Map<string, PendingClaim>();
    let cursor = await tx.objectStore('feedback').index('claimKeys').openCursor();
    while (cursor) {
      const row = cursor.value;
      if (row.claim?.status === 'pending') {
        const claim = claims.get(row.id) ?? { feedback: fromFeedbackRow(row), customerIds: [] };
        for (const customerId of await tx.objectStore('customers').index('identityKeys').getAllKeys(cursor.key as string)) {
          if (!claim.customerIds.includes(customerId)) claim.customerIds.push(customerId);
        }
        claims.set(row.id, claim);
      }
      cursor = await cursor.continue();
    }
    return [...claims.values()].filter((claim) => claim.customerIds.length > 0).sort((a, b) => b.feedback.receivedAt.localeCompare(a.feedback.receivedAt));
  }

  /**
   * The seller's answer to a pending claim, in one transaction. `link`: it was this customer, so the feedback
   * becomes theirs (still marked as an unverified contact: it was the seller who vouched, not the store). The
   * customer must own the claimed contact. `dismiss`: it was not; the feedback stays with the site's visitors.
   * The visitor's consent is never turned into the customer's.
   */
  async settleClaim(feedbackId: string, answer: { link: string } | 'dismiss'): Promise<Feedback> {
    return writeAtomically(this.context, ['feedback', 'customers'], async (tx) => {
      const row = await tx.objectStore('feedback').get(feedbackId);
      if (!row) throw new Error(`No feedback with id ${feedbackId}`);
      if (row.claim?.status !== 'pending') throw new Error('This feedback no longer waits for an answer');
      const before = row.customerId;
      let customerId = before;
      if (answer !== 'dismiss') {
        const owner = await tx.objectStore('customers').get(answer.link);
        if (!owner) throw new Error(`No customer with id ${answer.link}`);
        if (!row.claimKeys.some((key) => owner.identityKeys.includes(key))) throw new Error(`${owner.displayName} does not have the contact this feedback claims`);
        customerId = owner.id;
      }
      const settled: Feedback = { ...fromFeedbackRow(row), customerId, claim: { ...row.claim, status: answer === 'dismiss' ? 'dismissed' : 'linked' } };
      await tx.objectStore('feedback').put(toFeedbackRow(settled, this.context.defaultCountry));
      return { result: settled, customerIds: [before, customerId] };
    });
  }
}
