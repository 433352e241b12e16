import type { Feedback } from '../../core';
import type { MessageKey } from '../i18n/translate';

/** A rating in words: "4 de 5 estrelas", "NPS 9". */
export function scoreText(t: (key: MessageKey, params?: Record<string, string | number>) => string, feedback: Pick<Feedback, 'kind' | 'score'>): string {
  return t(feedback.kind === 'csat' ? 'csatScore' : 'npsScore', { score: feedback.score });
}

/** The contact a feedback claims, as the visitor typed it (shown as text, never markup). */
export function claimedContact(feedback: Feedback): string {
  const claim = feedback.claim;
  return [claim?.name, claim?.email, claim?.phone].filter(Boolean).join(' · ');
}
