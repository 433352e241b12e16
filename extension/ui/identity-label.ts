import type { IdentityKind } from '../../core/model/identity';
import type { MessageKey } from '../i18n/translate';

/** The seller's word for each kind of contact: no raw kind value is ever shown. */
const LABELS: Record<IdentityKind, MessageKey> = {
  phone: 'identity.phone',
  whatsapp: 'identity.whatsapp',
  'whatsapp-lid': 'identity.whatsapp-lid',
  'whatsapp-username': 'identity.whatsapp-username',
  instagram: 'identity.instagram',
  messenger: 'identity.messenger',
  telegram: 'identity.telegram',
  email: 'identity.email',
  storefront: 'identity.storefront',
};

export function identityLabelKey(kind: IdentityKind): MessageKey {
  return LABELS[kind];
}
