import { z } from '../zod';
import { isoDateTime, recordId } from './common';

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
  externalId: z.string().max(200).nullable(),
};

export const feedbackSchema = z.discriminatedUnion('kind', [
  z.object({ ...feedbackBase, kind: z.literal('csat'), score: z.number().int().min(1, 'must be 1 to 5').max(5, 'must be 1 to 5') }),
  z.object({ ...feedbackBase, kind: z.literal('nps'), score: z.number().int().min(0, 'must be 0 to 10').max(10, 'must be 0 to 10') }),
]);
export type Feedback = z.infer<typeof feedbackSchema>;
