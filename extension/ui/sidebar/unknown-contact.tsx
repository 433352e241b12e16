import type { ChatIdentity } from '../../sites/types';
import { CustomerSearch } from './customer-search';
import { useSidebar } from './sidebar-context';

/** A chat with someone not in the book yet: create them from the chat, or join this identity to a customer. */
export function UnknownContact({ identities, displayName }: { identities: ChatIdentity[]; displayName: string | null }) {
  const { t, update, ask } = useSidebar();
  const name = displayName ?? identities[0]?.value ?? '';
  return (
    <div class="unknown">
      <h2>{t('unknownContact')}</h2>
      <p data-testid="chat-name">{name}</p>
      <button type="button" class="primary" onClick={() => void update(() => ask({ type: 'customers/create', displayName: name, identities }))}>
        {t('createFromChat')}
      </button>
      <h3>{t('linkExisting')}</h3>
      <CustomerSearch actionLabel={t('link')} onPick={(hit) => void update(() => ask({ type: 'customers/link-identities', customerId: hit.id, identities }))} />
    </div>
  );
}
