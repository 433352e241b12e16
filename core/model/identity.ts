import { z } from '../zod';
import { isoDateTime } from './common';

export const IDENTITY_KINDS = [
  'phone',
  'whatsapp',
  'whatsapp-lid',
  // A WhatsApp username (2026): the handle a hidden-number account chooses, shown as @name.
  'whatsapp-username',
  'instagram',
  'messenger',
  'telegram',
  'email',
  'storefront',
  // The Brazilian taxpayer number (11 digits) that store and marketplace exports carry beside the buyer's name.
  'cpf',
] as const;

export const identityKindSchema = z.enum(IDENTITY_KINDS);
export type IdentityKind = z.infer<typeof identityKindSchema>;

/**
 * One way of reaching a customer. `value` is normalized (E.164 phone, lower-case email or handle) and is what
 * lookups use; `raw` keeps the spelling first seen so the seller recognises it.
 */
export const identitySchema = z.object({
  kind: identityKindSchema,
  value: z.string().trim().min(1, 'must not be empty').max(320),
  raw: z.string().max(320),
  addedAt: isoDateTime,
});
export type Identity = z.infer<typeof identitySchema>;
