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

/**
 * The profile shown beside the conversation: looked up when the chat changes, refreshed when the book changes
 * anywhere, replaced when an action answers with a fresh one. Answers to superseded lookups are dropped.
 */
export function useChatProfile(conversation: ConversationState | null, pinnedCustomerId: string | null, signal: AbortSignal) {
  const [state, setState] = useState<ProfileState>({ status: 'idle' });
  const shownId = useRef<string | null>(null);
  shownId.current = state.status === 'found' ? state.profile.customer.id : null;
  const generation = useRef(0);
  const current = useRef<{ conversation: ConversationState | null; pinned: string | null }>({ conversation, pinned: pinnedCustomerId });
  current.current = { conversation, pinned: pinnedCustomerId };

  const load = (quiet: boolean) => {
    const ticket = ++generation.current;
    const { conversation: chat, pinned } = current.current;
    const lookup = pinned
      ? askBackground({ type: 'customers/profile', customerId: pinned })
      : chat?.status === 'chat'
        ? askBackground({ type: 'chat/lookup', identities: chat.identities })
        : null;
    if (!lookup) return setState({ status: 'idle' });
    if (!quiet) setState({ status: 'loading' });
    lookup.then(
      ({ profile }) => ticket === generation.current && setState(profile ? { status: 'found', profile } : { status: 'unknown' }),
      (error: unknown) => ticket === generation.current && setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
  };

  useEffect(() => load(false), [conversation?.key, pinnedCustomerId]);

  useEffect(() => {
    watchBook((change) => {
      const shown = shownId.current;
      // An unknown contact may have just been created or linked elsewhere: look again after any change.
      if (change.wholeBook || !shown || change.customerIds.includes(shown)) load(true);
    }, signal);
  }, [signal]);

  const replace = (profile: CustomerProfile | null) => {
    generation.current++;
    setState(profile ? { status: 'found', profile } : { status: 'unknown' });
  };
  return { state, replace };
}
