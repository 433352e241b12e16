import { createHmac, timingSafeEqual } from 'node:crypto';

/** The part of a contact a store can vouch for. The name is display only and is never signed. */
export interface SignableContact {
  email?: string | null;
  phone?: string | null;
}

/**
 * The exact bytes a store signs to bind a contact to a submission:
 * `clientela-contact-v1\n<email>\n<phone>` where email is trimmed and lower-cased and phone keeps only its
 * digits and `+` (so `+55 (11) 98765-4321` and `+5511987654321` sign the same). An absent field is the empty
 * string. The version prefix keeps these signatures from ever matching an HMAC the secret makes elsewhere.
 */
export function canonicalContact(contact: SignableContact): string {
  const email = (contact.email ?? '').trim().toLowerCase();
  const phone = (contact.phone ?? '').replace(/[^\d+]/g, '');
  return `clientela-contact-v1\n${email}\n${phone}`;
}

/** What the store computes server-side and hands to the widget: hex HMAC-SHA256 of the canonical contact. */
export function signContact(secret: string, contact: SignableContact): string {
  return createHmac('sha256', secret).update(canonicalContact(contact), 'utf8').digest('hex');
}

/**
 * True only when `token` is the store's signature of this contact. A contact with neither email nor phone
 * binds nothing, so it never verifies. Compared in constant time; any malformed token is simply false.
 */
export function isSignedContact(secret: string, contact: SignableContact, token: string | null | undefined): boolean {
  if (!token || !/^[0-9a-f]{64}$/i.test(token)) return false;
  const email = (contact.email ?? '').trim();
  const phone = (contact.phone ?? '').replace(/[^\d+]/g, '');
  if (!email && !phone) return false;
  const expected = Buffer.from(signContact(secret, contact), 'hex');
  return timingSafeEqual(expected, Buffer.from(token, 'hex'));
}
