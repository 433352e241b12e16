import { z } from '../zod';
import { isoDateTime, recordId } from './common';
import { identitySchema } from './identity';

const customFieldValue = z.union([z.string().max(2000), z.number().finite(), z.boolean(), z.null()]);

/** What the customer agreed to, as shown to them: text and version are kept so the seller can prove it (LGPD). */
export const consentSchema = z.object({
  marketing: z.boolean(),
  recordedAt: isoDateTime.nullable(),
  source: z.string().max(100).nullable(),
  text: z.string().max(2000).nullable(),
  version: z.string().max(100).nullable(),
});
export type Consent = z.infer<typeof consentSchema>;

/** A merge that folded other customers into this one; kept on the survivor so it can be explained later. */
export const mergeRecordSchema = z.object({
  mergedAt: isoDateTime,
  customerIds: z.array(recordId).min(1),
  displayNames: z.array(z.string()),
});
export type MergeRecord = z.infer<typeof mergeRecordSchema>;

export const customerSchema = z.object({
  id: recordId,
  displayName: z.string().trim().min(1, 'must not be empty').max(200, 'is too long (200 characters at most)'),
  identities: z.array(identitySchema).max(50),
  tagIds: z.array(recordId).max(200),
  funnelStage: z.string().max(60).nullable(),
  customFields: z.record(z.string().max(60), customFieldValue),
  consent: consentSchema,
  notesCount: z.number().int().nonnegative(),
  /** Derived from paid orders by the store when an order is written; null without orders. */
  lastOrderAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  archivedAt: isoDateTime.nullable(),
  merges: z.array(mergeRecordSchema),
});
export type Customer = z.infer<typeof customerSchema>;

export const NO_CONSENT: Consent = { marketing: false, recordedAt: null, source: null, text: null, version: null };
