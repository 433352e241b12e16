/**
 * Idempotency keys: one per submission, made once when the visitor submits and stored with the queued item, so
 * every retry (in this page or a later one) carries the same key and the collector stores the row once.
 * randomUUID exists only in secure contexts; elsewhere a v4 UUID is built from getRandomValues.
 */
export function newId(crypto: Crypto | undefined, random: () => number): string {
  if (crypto && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  if (crypto && typeof crypto.getRandomValues === 'function') crypto.getRandomValues(bytes);
  // Last resort for engines without Web Crypto: not secret, only needs to be unique enough to dedupe.
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(random() * 256);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  let id = '';
  for (let i = 0; i < 16; i++) {
    id += (bytes[i]! + 0x100).toString(16).slice(1);
    if (i === 3 || i === 5 || i === 7 || i === 9) id += '-';
  }
  return id;
}
