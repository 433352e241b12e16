import type { CustomerProfile } from '../../messaging/protocol';
import type { MessageKey } from '../../i18n/translate';
import { useSidebar } from './sidebar-context';

const STAGE_REPLIES: Record<string, MessageKey> = {
  discovery: 'reply.discovery',
  consideration: 'reply.consideration',
  decision: 'reply.decision',
  customer: 'reply.customer',
};

/** A ready reply for the customer's funnel stage: copy it, or put it in the chat's message box. */
export function QuickReplies({ profile, onInsert }: { profile: CustomerProfile; onInsert: ((text: string) => void) | null }) {
  const { t, announce } = useSidebar();
  const firstName = profile.customer.displayName.split(/\s+/)[0] ?? profile.customer.displayName;
  const reply = t(STAGE_REPLIES[profile.customer.funnelStage ?? ''] ?? 'reply.none', { name: firstName });
  return (
    <section aria-labelledby="clientela-replies">
      <h3 id="clientela-replies">{t('quickReplies')}</h3>
      <p class="reply" data-testid="quick-reply">
        {reply}
      </p>
      <div class="actions">
        <button type="button" class="secondary" onClick={() => void navigator.clipboard.writeText(reply).then(() => announce(t('copied')))}>
          {t('copy')}
        </button>
        {onInsert && (
          <button
            type="button"
            class="secondary"
            onClick={() => {
              onInsert(reply);
              announce(t('inserted'));
            }}
          >
            {t('insert')}
          </button>
        )}
      </div>
    </section>
  );
}
