import { browser, type Browser } from 'wxt/browser';
import { FRAME_PORT, type FrameMessage, type HostMessage } from '../../messaging/frame-port';
import { storeOrderReadingSchema } from '../../../core';
import type { ConversationState } from '../../sites/types';

/** What the sidebar frame knows of the chat page it sits in, as the content script reported it. */
export interface HostView {
  siteLabel: string;
  collapsed: boolean;
  conversation: ConversationState | null;
  dark: boolean;
  composer: boolean;
}

/** The frame's end of the port to the content script in its tab (see messaging/frame-port.ts). */
export interface HostLink {
  subscribe(listener: (view: HostView) => void): () => void;
  send(message: FrameMessage): void;
}

/**
 * The port to the content script that placed this frame, paired by the id in this frame's URL hash. On Chrome the
 * frame opens it: `tabs.connect` to its tab's top frame (`tabs.getCurrent` answers inside a tab, with no `tabs`
 * permission). Firefox gives a frame inside a web page no `tabs` API: there both ends connect to the background
 * page, which pipes them together (background/frame-relay.ts).
 */
async function hostPort(): Promise<Browser.runtime.Port> {
  const pairing = location.hash.slice(1);
  if (!browser.tabs?.connect) return browser.runtime.connect({ name: `${FRAME_PORT}:frame:${pairing}` });
  const tab = await browser.tabs.getCurrent();
  if (tab?.id === undefined) throw new Error('The sidebar frame is not inside a tab');
  return browser.tabs.connect(tab.id, { name: `${FRAME_PORT}:${pairing}`, frameId: 0 });
}

/**
 * Connects to the content script of the tab's top frame, which placed this frame, and resolves once it said hello.
 * Until then nothing may be drawn: on Chrome any https page can load this frame through its dynamic URL (the seller's
 * own shop domains are known only at run time, wxt.config.ts), and a page that framed it itself has no content
 * script of ours to answer; the promise then rejects when the port closes, or never settles. Host messages are
 * shape-checked: they carry what the host page showed, a hint to look up, never an instruction to write.
 */
export async function connectToHost(signal: AbortSignal): Promise<HostLink> {
  const port = await hostPort();
  let view: HostView = { siteLabel: '', collapsed: false, conversation: null, dark: false, composer: false };
  const listeners = new Set<(view: HostView) => void>();
  let paired = () => {};
  const hello = new Promise<void>((resolve, reject) => {
    paired = resolve;
    port.onDisconnect.addListener(() => reject(new Error('No content script of Clientela placed this frame')));
  });
  port.onMessage.addListener((raw: unknown) => {
    const message = raw as HostMessage;
    if (message?.type === 'hello') {
      view = { ...view, siteLabel: String(message.siteLabel).slice(0, 60), collapsed: message.collapsed === true };
      paired();
    } else if (message?.type === 'conversation' && isConversationState(message.state)) {
      view = { ...view, conversation: message.state, dark: message.dark === true, composer: message.composer === true };
    } else return;
    for (const listener of listeners) listener(view);
  });
  signal.addEventListener('abort', () => port.disconnect(), { once: true });
  await hello;
  return {
    subscribe(listener) {
      listeners.add(listener);
      listener(view);
      return () => listeners.delete(listener);
    },
    send(message) {
      if (message.type === 'collapse') {
        view = { ...view, collapsed: message.collapsed };
        for (const listener of listeners) listener(view);
      }
      port.postMessage(message);
    },
  };
}

const STATUSES = new Set(['chat', 'group', 'no-chat', 'undetected', 'order']);

function isConversationState(state: unknown): state is ConversationState {
  if (typeof state !== 'object' || state === null) return false;
  const { status, key } = state as { status?: unknown; key?: unknown };
  if (typeof status !== 'string' || !STATUSES.has(status) || typeof key !== 'string') return false;
  // A store page's order: the same schema the background checks it with before anything is saved.
  if (status === 'order') return storeOrderReadingSchema.safeParse((state as { order?: unknown }).order).success;
  if (status !== 'chat') return true;
  const { identities } = state as { identities?: unknown };
  return Array.isArray(identities) && identities.length > 0 && identities.length <= 5;
}
