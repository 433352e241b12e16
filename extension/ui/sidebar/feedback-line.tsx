import type { CustomerProfile } from '../../messaging/protocol';
import { scoreText } from '../feedback-text';
import { formatDate } from '../../i18n/format';
import { useSidebar } from './sidebar-context';

/** The latest feedback the customer left on the store, with its score; the comment is shown as text. */
export function FeedbackLine({ profile }: { profile: CustomerProfile }) {
  const { t, locale, timeZone } = useSidebar();
  const feedback = profile.latestFeedback;
  if (!feedback) return null;
  return (
    <section aria-labelledby="clientela-feedback" data-testid="latest-feedback">
      <h3 id="clientela-feedback">{t('feedback')}</h3>
      <p>
        <strong>{scoreText(t, feedback)}</strong>{' '}
        <span class="meta">
          {formatDate(feedback.receivedAt, locale, timeZone)}
          {feedback.verified ? ` · ${t('verified')}` : feedback.claim && ` · ${t('unverifiedContact')}`}
        </span>
      </p>
      {feedback.comment && <blockquote class="comment">{feedback.comment}</blockquote>}
      {!feedback.verified && feedback.claim?.consent && <p class="meta" data-testid="consent-claim">{t('claimConsent')}</p>}
    </section>
  );
}
