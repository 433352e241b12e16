import type { Book } from '../../../../core';
import { formatDate } from '../../../i18n/format';
import { claimedContact, scoreText } from '../../feedback-text';
import { useBook } from '../app/book-context';
import { useBookQuery } from '../data/use-book-query';

interface Claim {
  feedbackId: string;
  kind: 'csat' | 'nps';
  score: number;
  comment: string | null;
  receivedAt: string;
  site: string;
  contact: string;
  customers: { id: string; displayName: string }[];
}

async function loadClaims(book: Book): Promise<Claim[]> {
  const claims = await book.feedback.pendingClaims();
  const names = new Map<string, string>();
  for (const id of new Set(claims.flatMap((claim) => claim.customerIds))) names.set(id, (await book.customers.get(id))?.displayName ?? id);
  return claims.map(({ feedback, customerIds }) => ({
    feedbackId: feedback.id,
    kind: feedback.kind,
    score: feedback.score,
    comment: feedback.comment,
    receivedAt: feedback.receivedAt,
    site: feedback.claim?.site ?? '',
    contact: claimedContact(feedback),
    customers: customerIds.map((id) => ({ id, displayName: names.get(id) ?? id })),
  }));
}

/**
 * Feedback store visitors left with a customer's contact, unsigned by the store: "é a Ana? vincular". Until the
 * seller answers, it counts for the store's CSAT and NPS but is nobody's.
 */
export function ClaimsPanel() {
  const { book, locale, timeZone, t, notify } = useBook();
  const { data: claims } = useBookQuery(loadClaims, { stores: ['feedback', 'customers'] });

  const settle = async (feedbackId: string, answer: { link: string } | 'dismiss') => {
    try {
      await book.feedback.settleClaim(feedbackId, answer);
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), 'alert');
    }
  };

  if (!claims || claims.length === 0) return null;
  return (
    <section aria-labelledby="claims-title" data-testid="claims-panel">
      <h2 id="claims-title">{t('claimsTitle')}</h2>
      <ul class="claims">
        {claims.map((claim) => (
          <li key={claim.feedbackId} data-testid="pending-claim">
            <p>
              <strong>{scoreText(t, claim)}</strong>{' '}
              <span class="identity">
                {formatDate(claim.receivedAt, locale, timeZone)} · {t('unverifiedContact')}
              </span>
            </p>
            {claim.comment && <blockquote class="comment">{claim.comment}</blockquote>}
            <p class="identity">{t('claimSays', { site: claim.site, contact: claim.contact })}</p>
            {claim.customers.map((customer) => (
              <p key={customer.id} class="actions">
                {t('claimIsIt', { name: customer.displayName })}{' '}
                <button type="button" onClick={() => void settle(claim.feedbackId, { link: customer.id })}>
                  {t('claimLink', { name: customer.displayName })}
                </button>
              </p>
            ))}
            <button type="button" class="secondary" onClick={() => void settle(claim.feedbackId, 'dismiss')}>
              {t('claimDismiss')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
