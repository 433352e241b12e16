import type { Feedback } from '../../core';

/** The contact a feedback claims, as the visitor typed it (shown as text, never markup). */
export function claimedContact(feedback: Feedback): string {
  const claim = feedback.claim;
  return [claim?.name, claim?.email, claim?.phone].filter(Boolean).join(' · ');
}
