import type { IdentityKind } from '../model';

/**
 * Lookup keys of a normalized identity. A phone and a WhatsApp number are the same person, so both live under
 * `tel:`; every other kind is its own namespace (a CPF is `cpf:` and its 11 digits). (A list, so that a kind may one day be reachable by two keys.)
 */
export function identityKeys(kind: IdentityKind, value: string): string[] {
  return [kind === 'phone' || kind === 'whatsapp' ? `tel:${value}` : `${kind}:${value}`];
}

/** The one key shown as the identity's canonical key (the first of identityKeys). */
export function primaryIdentityKey(kind: IdentityKind, value: string): string {
  return identityKeys(kind, value)[0] as string;
}
