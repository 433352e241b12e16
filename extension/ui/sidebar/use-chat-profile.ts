import { useEffect, useRef, useState } from 'preact/hooks';
import type { BookClient } from '../../messaging/client';
import type { CustomerProfile, StoreOrderPreview } from '../../messaging/protocol';
import type { ChatIdentity, ConversationState } from '../../sites/types';

/** Stores whose records every profile shows (see background/profiles.ts). */
const SHOWN_ON_EVERY_PROFILE = ['tags', 'quickReplies', 'meta'] as const;

export type ProfileState =
  | { status: 'idle' }
  | { status: 'loading' }
  /**
   * `unlinked`: identities of the open chat the customer does not have yet (the seller may link them). `order`: on
   * a store's order page, what the book made of the order (the buyer found is `profile`).
   */
  | { status: 'found'; profile: CustomerProfile; unlinked: ChatIdentity[]; order?: StoreOrderPreview }
  | { status: 'unknown'; order?: StoreOrderPreview }
  | { status: 'failed'; message: string };

/** What the sidebar is showing a profile for: a pinned customer, the open chat, a store's order page, or nothing. */
function subjectOf(conversation: ConversationState | null, pinned: string | null): string {
  if (pinned) return `pin:${pinned}`;
  if (conversation?.status === 'order') return `order:${conversation.key}:${JSON.stringify(conversation.order)}`;
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
    const lookup: Promise<{ profile: CustomerProfile | null; unlinked: ChatIdentity[]; order?: StoreOrderPreview }> | null = pinned
      ? client.ask({ type: 'customers/profile', customerId: pinned }).then(({ profile }) => ({ profile, unlinked: [] }))
      : chat?.status === 'chat'
        ? client.ask({ type: 'chat/lookup', identities: chat.identities })
        : chat?.status === 'order'
          ? // The page's reading is a hint: previewing it finds the buyer and reads the order, and writes nothing.
            client.ask({ type: 'store/preview-order', reading: chat.order }).then((order) => ({ profile: order.profile, unlinked: [], order }))
          : null;
    if (!lookup) return settle({ status: 'idle' });
    lookup.then(
      ({ profile, unlinked, order }) => settle(profile ? { status: 'found', profile, unlinked, order } : { status: 'unknown', order }),
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
   * Shows a profile an action answered with, for the subject on screen now. The chat's unlinked identities and an
   * order page's preview stay as the last lookup said; a write reaches the change feed above, which looks again.
   */
  const replace = (profile: CustomerProfile | null, forSubject = current.current.subject) =>
    setAnswer((previous) => {
      const same = previous.subject === forSubject;
      const unlinked = same && previous.state.status === 'found' ? previous.state.unlinked : [];
      const order = same && (previous.state.status === 'found' || previous.state.status === 'unknown') ? previous.state.order : undefined;
      return { subject: forSubject, state: profile ? { status: 'found', profile, unlinked, order } : { status: 'unknown', order } };
    });
  return { state, replace, subjectFor: subjectOf };
}
