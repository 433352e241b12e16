import type { ConversationState, SiteAdapter } from './types';

/** How long a chat may stay unrecognised before the sidebar switches to basic mode (the issue asks ≤ 1 s). */
export const UNDETECTED_GRACE_MS = 400;

export interface WatchOptions {
  adapter: SiteAdapter;
  window: Window;
  onState: (state: ConversationState) => void;
  signal: AbortSignal;
}

/**
 * Calls `onState` with the open conversation now and whenever it changes: on DOM mutations under the adapter's
 * root (MutationObserver batches them per microtask) and on URL changes. No polling. An 'undetected' reading is
 * held back briefly, because chat switches pass through half-rendered states; a bridge (when the adapter has
 * one) takes precedence once it has spoken, the DOM reading stays the fallback.
 */
export function watchConversation({ adapter, window, onState, signal }: WatchOptions): void {
  const { document } = window;
  let lastKey = '';
  let pending: ReturnType<typeof setTimeout> | undefined;
  let bridged: ConversationState | null = null;

  // The name is part of what we show: sites render the header after the URL changes, so a switch can first be
  // read with the previous chat's title and then corrected.
  const signature = (state: ConversationState) => `${state.key}\u0000${'displayName' in state ? (state.displayName ?? '') : ''}`;
  const emit = (state: ConversationState) => {
    clearTimeout(pending);
    pending = undefined;
    if (signature(state) === lastKey) return;
    lastKey = signature(state);
    onState(state);
  };

  const check = () => {
    if (signal.aborted) return;
    const state = bridged ?? adapter.detect(document, new URL(window.location.href));
    if (state.status !== 'undetected') return emit(state);
    if (signature(state) === lastKey || pending) return;
    pending = setTimeout(() => emit(adapter.detect(document, new URL(window.location.href))), UNDETECTED_GRACE_MS);
  };

  const observer = new MutationObserver(check);
  observer.observe(adapter.observeRoot(document) ?? document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-id', 'title', 'href'] });
  window.addEventListener('hashchange', check, { signal });
  window.addEventListener('popstate', check, { signal });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(pending);
  });
  adapter.startBridge?.(window, (state) => {
    bridged = state;
    check();
  }, signal);
  check();
}
