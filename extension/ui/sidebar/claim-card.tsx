import type { CustomerProfile } from '../../messaging/protocol';
import { claimedContact, scoreText } from '../feedback-text';
import { formatDate } from '../../i18n/format';
import { useSidebar } from './sidebar-context';

/**
 * Feedback a store visitor left with one of this customer's contacts, unsigned by the store: anyone who knows a
 * phone can type it, so it is not the customer's feedback until the seller says it was them.
 */
export function ClaimCard({ profile }: { profile: CustomerProfile }) {
  const { t, locale, timeZone, ask, update } = useSidebar();
  const name = profile.customer.displayName;
  const settle = (feedbackId: string, answer: 'link' | 'dismiss') =>
    void update(() => ask({ type: 'feedback/settle-claim', feedbackId, answer, customerId: profile.customer.id }));
  return (
    <>
      {profile.pendingClaims.map((feedback) => (
        <section key={feedback.id} class="notice suggestion" aria-label={t('claimTitle')} data-testid="feedback-claim">
          <h3>{t('claimTitle')}</h3>
          <p>
            <strong>{scoreText(t, feedback)}</strong>{' '}
            <span class="meta">
              {formatDate(feedback.receivedAt, locale, timeZone)} · {t('unverifiedContact')}
            </span>
          </p>
          {feedback.comment && <blockquote class="comment">{feedback.comment}</blockquote>}
          <p class="meta">{t('claimSays', { site: feedback.claim?.site ?? '', contact: claimedContact(feedback) })}</p>
          {feedback.claim?.consent && <p class="meta">{t('claimConsent')}</p>}
          <p>{t('claimIsIt', { name })}</p>
          <div class="actions">
            <button type="button" class="primary" onClick={() => settle(feedback.id, 'link')}>
              {t('claimLink', { name })}
            </button>
            <button type="button" class="secondary" onClick={() => settle(feedback.id, 'dismiss')}>
              {t('claimDismiss')}
            </button>
          </div>
        </section>
      ))}
    </>
  );
}
