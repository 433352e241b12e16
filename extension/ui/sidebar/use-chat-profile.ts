import { useEffect, useRef, useState } from 'preact/hooks';
import { askBackground } from '../../messaging/client';
import type { CustomerProfile } from '../../messaging/protocol';
import type { ConversationState } from '../../sites/types';
import { watchBook } from '../book-summary';

export type ProfileState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'found'; profile: CustomerProfile }
  | { status: 'unknown' }
  | { status: 'failed'; message: string };

/** What the sidebar is showing a profile for: a pinned customer, the open chat, or nothing. */
function subjectOf(conversation: ConversationState | null, pinned: string | null): string {
  if (pinned) return `pin:${pinned}`;
  return conversation?.status === 'chat' ? `chat:${conversation.key}` : 'none';
}

/**
 * The profile shown beside the conversation: looked up when the chat changes, refreshed when the book changes
 * anywhere, replaced when an action answers with a fresh one. Every answer is tied to the subject it was asked
 * for, so neither a late answer nor the previous chat's profile is ever shown beside another chat.
 */
export function useChatProfile(conversation: ConversationState | null, pinnedCustomerId: string | null, signal: AbortSignal) {
  const subject = subjectOf(conversation, pinnedCustomerId);
  const [answer, setAnswer] = useState<{ subject: string; state: ProfileState }>({ subject: 'none', state: { status: 'idle' } });
  const state: ProfileState = answer.subject === subject ? answer.state : subject === 'none' ? { status: 'idle' } : { status: 'loading' };
  const shownId = useRef<string | null>(null);
  shownId.current = state.status === 'found' ? state.profile.customer.id : null;
  const current = useRef({ conversation, pinned: pinnedCustomerId, subject });
  current.current = { conversation, pinned: pinnedCustomerId, subject };

  const load = () => {
    const { conversation: chat, pinned, subject: asked } = current.current;
    const settle = (next: ProfileState) => {
      if (current.current.subject === asked) setAnswer({ subject: asked, state: next });
    };
    const lookup = pinned
      ? askBackground({ type: 'customers/profile', customerId: pinned })
      : chat?.status === 'chat'
        ? askBackground({ type: 'chat/lookup', identities: chat.identities })
        : null;
    if (!lookup) return settle({ status: 'idle' });
    lookup.then(
      ({ profile }) => settle(profile ? { status: 'found', profile } : { status: 'unknown' }),
      (error: unknown) => settle({ status: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
  };

  useEffect(() => load(), [subject]);

  useEffect(() => {
    watchBook((change) => {
      const shown = shownId.current;
      // An unknown contact may have just been created or linked elsewhere: look again after any change.
      if (change.wholeBook || !shown || change.customerIds.includes(shown)) load();
    }, signal);
  }, [signal]);

  /** Shows a profile an action answered with, for the subject on screen now. */
  const replace = (profile: CustomerProfile | null, forSubject = current.current.subject) =>
    setAnswer({ subject: forSubject, state: profile ? { status: 'found', profile } : { status: 'unknown' } });
  return { state, replace, subjectFor: subjectOf };
}
