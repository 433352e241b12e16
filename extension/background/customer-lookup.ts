import type { Book, Customer, IdentityKind } from '../../core';

/**
 * The customer a set of identities names: the owner of the first identity anyone in the book has (a phone and a
 * WhatsApp number are one key), and which identities nobody has. Reads only: what a host page says is a hint. An
 * identity the book cannot normalize names nobody.
 */
export async function findByIdentities<I extends { kind: IdentityKind; value: string }>(book: Book, identities: readonly I[]): Promise<{ customer: Customer | null; unowned: I[] }> {
  const owners = await Promise.all(identities.map((identity) => book.customers.findByIdentity(identity.kind, identity.value).catch(() => [])));
  const customer = owners.find((list) => list.length > 0)?.[0] ?? null;
  return { customer, unowned: identities.filter((_, index) => owners[index]?.length === 0) };
}
