import { useEffect, useRef, useState } from 'preact/hooks';
import type { BookClient } from '../../messaging/client';
import type { CustomerProfile } from '../../messaging/protocol';
import type { ChatIdentity, ConversationState } from '../../sites/types';

/** Stores whose records every profile shows (see background/profiles.ts). */
const SHOWN_ON_EVERY_PROFILE = ['tags', 'quickReplies', 'meta'] as const;

export type ProfileState =
  | { status: 'idle' }
  | { status: 'loading' }
  /** `unlinked`: identities of the open chat the customer does not have yet (the seller may link them). */
  | { status: 'found'; profile: CustomerProfile; unlinked: ChatIdentity[] }
  | { status: 'unknown' }
  | { status: 'failed'; message: string };

/** What the sidebar is showing a profile for: a pinned customer, the open chat, or nothing. */
function subjectOf(conversation: ConversationState | null, pinned: string | null): string {
  if (pinned) return `pin:${pinned}`;
  return conversation?.status === 'chat' ? `chat:${conversation.key}:${conversation.identities.map((i) => `${i.kind}=${i.value}`).join(',')}` : 'none';
}

/**
 * The profile shown beside the conversation: looked up when the chat changes, refreshed when the book changes
 * anywhere, replaced when an action answers with a fresh one. Every answer is tied to the subject it was asked
 * for, so neither a late answer nor the previous chat's profile is ever shown beside another chat.
 */
export function useChatProfile(client: BookClient, conversation: ConversationState | null, pinnedCustomerId: string | null, signal: AbortSignal) {
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
      ? client.ask({ type: 'customers/profile', customerId: pinned }).then(({ profile }) => ({ profile, unlinked: [] }))
      : chat?.status === 'chat'
        ? client.ask({ type: 'chat/lookup', identities: chat.identities })
        : null;
    if (!lookup) return settle({ status: 'idle' });
    lookup.then(
      ({ profile, unlinked }) => settle(profile ? { status: 'found', profile, unlinked } : { status: 'unknown' }),
      (error: unknown) => settle({ status: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
  };

  useEffect(() => load(), [subject]);

  useEffect(() => {
    client.watch((change) => {
      const shown = shownId.current;
      // An unknown contact may have just been created or linked elsewhere: look again after any change. Tags,
      // quick replies and settings (the chave PIX) are part of every profile: a change to them is shown at once.
      const everyProfile = change.stores.some((store) => (SHOWN_ON_EVERY_PROFILE as readonly string[]).includes(store));
      if (change.wholeBook || (!shown && change.customerIds.length) || (shown && (everyProfile || change.customerIds.includes(shown)))) load();
    }, signal);
  }, [client, signal]);

  /**
   * Shows a profile an action answered with, for the subject on screen now. The chat's unlinked identities stay
   * as the last lookup said; a write reaches the change feed above, which looks the chat up again.
   */
  const replace = (profile: CustomerProfile | null, forSubject = current.current.subject) =>
    setAnswer((previous) => {
      const unlinked = previous.subject === forSubject && previous.state.status === 'found' ? previous.state.unlinked : [];
      return { subject: forSubject, state: profile ? { status: 'found', profile, unlinked } : { status: 'unknown' } };
    });
  return { state, replace, subjectFor: subjectOf };
}
