import type { ConversationState, SiteAdapter } from './types';

/** How long a chat may stay unrecognised before the sidebar switches to basic mode (the issue asks ≤ 1 s). */
export const UNDETECTED_GRACE_MS = 400;
/** How long the bridge and the page may disagree before we say so: a chat switch passes through such states. */
export const MISMATCH_GRACE_MS = UNDETECTED_GRACE_MS;

export interface WatchOptions {
  adapter: SiteAdapter;
  window: Window;
  onState: (state: ConversationState) => void;
  signal: AbortSignal;
}

/** Whether two readings name the same conversation: the same key, or a shared identity. */
function agree(bridge: ConversationState, page: ConversationState): boolean {
  if (bridge.key === page.key) return true;
  if (bridge.status !== 'chat' || page.status !== 'chat') return false;
  return bridge.identities.some((one) => page.identities.some((other) => one.kind === other.kind && one.value === other.value));
}

/**
 * The state to show: the bridge's reading while it speaks, else the DOM's. When both read a conversation (a
 * chat or a group) and they disagree, a bridged chat carries `mismatch` with what the page shows, so the sidebar
 * can say so; a bridged group stays a group (never taken for a customer).
 */
function reconcile(bridged: ConversationState | null, page: ConversationState): { state: ConversationState; mismatch: boolean } {
  if (!bridged) return { state: page, mismatch: false };
  const both = (bridged.status === 'chat' || bridged.status === 'group') && (page.status === 'chat' || page.status === 'group');
  if (!both || agree(bridged, page) || bridged.status !== 'chat') return { state: bridged, mismatch: false };
  const shown = 'displayName' in page ? page.displayName : null;
  return { state: { ...bridged, mismatch: { page: shown ?? page.key } }, mismatch: true };
}

/**
 * Calls `onState` with the open conversation now and whenever it changes: on DOM mutations under the adapter's
 * root (MutationObserver batches them per microtask) and on URL changes. No polling. An 'undetected' reading is
 * held back briefly, because chat switches pass through half-rendered states, and so is a disagreement between
 * the bridge (when the adapter has one, it takes precedence once it has spoken) and the DOM.
 */
export function watchConversation({ adapter, window, onState, signal }: WatchOptions): void {
  const { document } = window;
  let lastKey = '';
  let pending: ReturnType<typeof setTimeout> | undefined;
  let bridged: ConversationState | null = null;

  // The name is part of what we show: sites render the header after the URL changes, so a switch can first be
  // read with the previous chat's title and then corrected. So are the context and a disagreement, and the
  // identities: the WhatsApp bridge adds the phone behind a hidden-number chat the page knew only by its @lid.
  const signature = (state: ConversationState) =>
    [
      state.key,
      'displayName' in state ? state.displayName : '',
      state.status === 'chat' ? [state.context, state.mismatch?.page, ...state.identities.map((identity) => `${identity.kind}=${identity.value}`)] : [],
      // A store page re-renders its order in place (a status changed, the buyer's block loaded late).
      state.status === 'order' ? JSON.stringify(state.order) : '',
    ].join('\u0000');
  const emit = (state: ConversationState) => {
    clearTimeout(pending);
    pending = undefined;
    if (signature(state) === lastKey) return;
    lastKey = signature(state);
    onState(state);
  };
  const read = () => reconcile(bridged, adapter.detect(document, new URL(window.location.href)));

  const check = () => {
    if (signal.aborted) return;
    const { state, mismatch } = read();
    if (state.status !== 'undetected' && !mismatch) return emit(state);
    if (signature(state) === lastKey) return;
    if (mismatch && state.status === 'chat' && !pending) {
      // Show the bridge's chat at once; say that the page disagrees only if it lasts.
      const { mismatch: _shown, ...plain } = state;
      emit(plain);
    }
    pending ??= setTimeout(() => emit(read().state), mismatch ? MISMATCH_GRACE_MS : UNDETECTED_GRACE_MS);
  };

  const observer = new MutationObserver(check);
  observer.observe(adapter.observeRoot(document) ?? document.body, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['data-id', 'data-peer-id', 'title', 'href', 'aria-label'],
  });
  window.addEventListener('hashchange', check, { signal });
  window.addEventListener('popstate', check, { signal });
  // Sites that change the URL with history.pushState/replaceState (Telegram Web K's chat switch) fire neither
  // hashchange nor popstate, and patching history from a content script's isolated world would not see the
  // page's calls. The Navigation API's currententrychange is dispatched by the browser after any same-document
  // navigation commits, pushState and replaceState included (HTML spec; MDN "Navigation: currententrychange
  // event"; WPT navigation-api/currententrychange-event/history-pushState.html and history-replaceState.html),
  // so the isolated world hears it too. Chromium has it since 102 (MDN: Baseline since January 2026); where it is
  // missing, DOM mutations remain the signal.
  const navigation = (window as unknown as { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('currententrychange', check, { signal });
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
