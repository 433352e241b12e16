import type { Identity, IdentityKind } from '../../../../../core';

/** A conversation the seller can open in a new tab, for one identity of the customer. */
export interface ChatLink {
  kind: Extract<IdentityKind, 'whatsapp' | 'instagram' | 'messenger' | 'telegram'>;
  href: string;
  /** The identity as the seller typed it, to tell two numbers apart. */
  label: string;
}

/**
 * "Abrir conversa" addresses, for the kinds whose chat a URL opens: WhatsApp Web by number (a phone is offered
 * too, since most Brazilian numbers are on WhatsApp), an Instagram profile (whose Message button opens the DM:
 * Direct threads have ids, not handles), Messenger by id or vanity name, Telegram by username (a numeric id has
 * no public link). Values are normalized (core/identity), and only digits or handle characters reach the URL.
 */
export function chatLinks<I extends Pick<Identity, 'kind' | 'value' | 'raw'>>(identities: readonly I[]): ChatLink[] {
  const links: ChatLink[] = [];
  const seen = new Set<string>();
  const add = (link: ChatLink) => {
    if (seen.has(link.href)) return;
    seen.add(link.href);
    links.push(link);
  };
  for (const identity of identities) {
    const label = identity.raw || identity.value;
    switch (identity.kind) {
      case 'phone':
      case 'whatsapp': {
        const digits = identity.value.replace(/\D/g, '');
        if (digits) add({ kind: 'whatsapp', href: `https://web.whatsapp.com/send?phone=${digits}`, label });
        break;
      }
      case 'instagram':
        add({ kind: 'instagram', href: `https://www.instagram.com/${encodeURIComponent(identity.value)}/`, label });
        break;
      case 'messenger':
        add({ kind: 'messenger', href: `https://www.messenger.com/t/${encodeURIComponent(identity.value)}`, label });
        break;
      case 'telegram':
        if (/^[a-z]/.test(identity.value)) add({ kind: 'telegram', href: `https://t.me/${encodeURIComponent(identity.value)}`, label });
        break;
      default:
        break;
    }
  }
  return links;
}
