import { identityLabelKey } from '../../i18n/labels';
import type { CustomerProfile } from '../../messaging/protocol';
import type { ChatIdentity } from '../../sites/types';
import { useSidebar } from './sidebar-context';

/**
 * The chat was matched to a customer by one of its identities, and has others the customer lacks (a WhatsApp
 * hidden-number @lid beside the phone it reported, a username). What the host page reports is a hint: the
 * identities are joined to the customer only when the seller says so.
 */
export function LinkSuggestion({ profile, identities }: { profile: CustomerProfile; identities: ChatIdentity[] }) {
  const { t, ask, update } = useSidebar();
  return (
    <div class="notice suggestion" data-testid="link-suggestion">
      <p>{t('isThisCustomer', { name: profile.customer.displayName })}</p>
      <ul class="identities">
        {identities.map((identity) => (
          <li key={`${identity.kind}:${identity.value}`}>
            <span class="kind">{t(identityLabelKey(identity.kind))}</span> {identity.value}
          </li>
        ))}
      </ul>
      <button type="button" class="primary" onClick={() => void update(() => ask({ type: 'customers/link-identities', customerId: profile.customer.id, identities }))}>
        {t('linkThis')}
      </button>
    </div>
  );
}
