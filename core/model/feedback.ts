import { z } from '../zod';
import { isoDateTime, recordId } from './common';

/**
 * A contact a store visitor typed without the store's signature: what they claim, not a fact. It is never filed
 * under an existing customer by itself, and its consent never becomes the customer's marketing consent.
 */
export const contactClaimSchema = z.object({
  /** The store's site key the visitor was on. */
  site: z.string().max(63),
  email: z.string().max(254).nullable(),
  phone: z.string().max(40).nullable(),
  name: z.string().max(200).nullable(),
  /** The consent wording the visitor ticked: recorded, awaiting the customer's own confirmation. */
  consent: z.object({ text: z.string().max(2000), version: z.string().max(100) }).nullable(),
  /**
   * `pending`: the contact is a customer's, and the seller has not said whether it was them (the feedback waits
   * under the site's visitors); `linked`: the seller said it was; `dismissed`: the seller said it was not;
   * `prospect`: no customer had the contact, so a prospect was made from it.
   */
  status: z.enum(['pending', 'linked', 'dismissed', 'prospect']),
});
export type ContactClaim = z.infer<typeof contactClaimSchema>;

const feedbackBase = {
  id: recordId,
  customerId: recordId,
  comment: z.string().max(5000).nullable(),
  receivedAt: isoDateTime,
  /** Where it came from: `storefront` (the widget through a collector), `manual`, `import`. */
  source: z.enum(['storefront', 'manual', 'import']),
  /** True only when the store signed the contact (HMAC token); otherwise the contact was a claim. */
  verified: z.boolean(),
  /** The collector's id, so a second pull does not store it twice. */
  externalId: z.string().max(1000).nullable(),
  /** The unsigned contact the visitor left, if any (null for signed contacts, anonymous and typed feedback). */
  claim: contactClaimSchema.nullable().default(null),
};

export const feedbackSchema = z.discriminatedUnion('kind', [
  z.object({ ...feedbackBase, kind: z.literal('csat'), score: z.number().int().min(1, 'must be 1 to 5').max(5, 'must be 1 to 5') }),
  z.object({ ...feedbackBase, kind: z.literal('nps'), score: z.number().int().min(0, 'must be 0 to 10').max(10, 'must be 0 to 10') }),
]);
export type Feedback = z.infer<typeof feedbackSchema>;
