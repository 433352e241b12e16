import type { Feedback } from '../../../../../core';
import { formatDate } from '../../../../i18n/format';
import { enumLabel } from '../../../../i18n/labels';
import { claimedContact, scoreText } from '../../../feedback-text';
import { useBook } from '../../app/book-context';

/**
 * Every rating the customer left, newest first, each marked verified (the store signed the contact) or not (a
 * contact the visitor typed: a claim). Comments and claimed contacts are shown as text.
 */
export function FeedbackPanel({ feedback }: { feedback: Feedback[] }) {
  const { t, locale, timeZone } = useBook();
  if (feedback.length === 0) return null;
  return (
    <section aria-labelledby="detail-feedback-title" class="detail-section" data-testid="feedback-history">
      <h3 id="detail-feedback-title">{t('feedback')}</h3>
      <ul class="feedback-history">
        {feedback.map((item) => (
          <li key={item.id}>
            <p>
              <strong>{scoreText(t, item)}</strong>{' '}
              <span class={item.verified ? 'mark verified' : 'mark unverified'}>{item.verified ? t('feedbackVerified') : t('feedbackUnverified')}</span>{' '}
              <span class="meta">
                {formatDate(item.receivedAt, locale, timeZone)} · {enumLabel(locale, 'feedbackSource', item.source)}
              </span>
            </p>
            {item.comment && <blockquote class="comment">{item.comment}</blockquote>}
            {!item.verified && item.claim && (
              <p class="meta">
                {t('claimedAs', { contact: claimedContact(item) })} · {enumLabel(locale, 'claimStatus', item.claim.status)}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
