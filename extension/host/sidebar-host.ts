import { browser, type Browser } from 'wxt/browser';
import { FRAME_PORT, readFrameMessage, type HostMessage } from '../messaging/frame-port';
import type { ConversationState, SiteAdapter } from '../sites/types';
import { watchConversation } from '../sites/watch-conversation';
import { reserveSpace, SIDEBAR_WIDTH } from './host-layout';
import { insertIntoComposer } from './composer';

const COLLAPSED_KEY = 'sidebar.collapsed';
/** The collapsed sidebar: a square tab on the right edge, below the host's own header. */
const TAB = { top: 72, size: 36 };

/**
 * The content script's whole job on a chat site: read the open conversation through the adapter, place the
 * sidebar frame beside it (the host layout narrowed so the composer is never covered), follow the host's theme,
 * and insert a quick reply into the composer when the seller asks from the frame. The frame is an extension page
 * (`sidebar-frame.html`): the book, search results, notes and tokens live only there and in the background, out
 * of reach of the host page's scripts, which can see no more than an <iframe> element.
 */
export async function runSidebarHost(adapter: SiteAdapter | null, signal: AbortSignal): Promise<void> {
  let collapsed = Boolean((await browser.storage.local.get(COLLAPSED_KEY))[COLLAPSED_KEY]);
  let latest: ConversationState | null = null;
  let release = () => {};
  const ports = new Set<Browser.runtime.Port>();

  // The hash pairs the frame with this tab's content script among every tab's (the page can read it, but a page
  // cannot use extension messaging, so knowing it gives the page nothing).
  const pairing = crypto.randomUUID();
  const frame = document.createElement('iframe');
  frame.src = `${browser.runtime.getURL('/sidebar-frame.html')}#${pairing}`;
  frame.title = 'Clientela';
  frame.setAttribute('allow', 'clipboard-write');
  const place = () => {
    release();
    release = collapsed ? () => {} : reserveSpace(adapter?.layoutRoot(document) ?? document.body, SIDEBAR_WIDTH);
    const size = collapsed
      ? { top: `${TAB.top}px`, width: `${TAB.size}px`, height: `${TAB.size}px` }
      : { top: '0', width: `${SIDEBAR_WIDTH}px`, height: '100vh' };
    // Through CSSOM, which a host page's CSP does not block; !important so host CSS cannot move or hide it.
    const style: Record<string, string> = { position: 'fixed', right: '0', left: 'auto', bottom: 'auto', border: '0', margin: '0', padding: '0', display: 'block', visibility: 'visible', opacity: '1', 'z-index': '2147483647', 'color-scheme': 'normal', background: 'transparent', ...size };
    for (const [name, value] of Object.entries(style)) frame.style.setProperty(name, value, 'important');
  };
  place();
  document.documentElement.append(frame);

  const send = (message: HostMessage) => {
    for (const port of ports) port.postMessage(message);
  };
  const conversationMessage = (state: ConversationState): HostMessage => ({
    type: 'conversation',
    state,
    dark: adapter?.isDark(document) ?? false,
    composer: adapter?.composer(document) != null,
  });

  const attach = (port: Browser.runtime.Port) => {
    ports.add(port);
    port.onDisconnect.addListener(() => ports.delete(port));
    port.onMessage.addListener((raw: unknown) => {
      const message = readFrameMessage(raw);
      if (message?.type === 'collapse') {
        collapsed = message.collapsed;
        void browser.storage.local.set({ [COLLAPSED_KEY]: collapsed });
        place();
      }
      if (message?.type === 'insert-reply') {
        const composer = adapter?.composer(document);
        if (composer) insertIntoComposer(composer, message.text);
      }
    });
    port.postMessage({ type: 'hello', site: adapter?.id ?? null, siteLabel: adapter?.label ?? '', collapsed } satisfies HostMessage);
    if (latest) port.postMessage(conversationMessage(latest));
  };
  // Chrome: the frame opens the port (tabs.connect to this tab's top frame). Only our own sidebar frame may: same
  // extension, a URL in the extension's scheme, and this frame's pairing.
  const extensionScheme = new URL(browser.runtime.getURL('/')).protocol;
  const onConnect = (port: Browser.runtime.Port) => {
    const sender = port.sender;
    if (port.name !== `${FRAME_PORT}:${pairing}`) return;
    if (sender?.id !== browser.runtime.id || !sender.url || new URL(sender.url).protocol !== extensionScheme) return port.disconnect();
    attach(port);
  };
  browser.runtime.onConnect.addListener(onConnect);
  // Firefox gives an extension frame inside a web page no `tabs` API: there both ends connect to the (persistent,
  // MV2) background page, which pipes them together (background/frame-relay.ts), each time the frame loads (a
  // trusted load event: the page can fire fake ones).
  if (import.meta.env.FIREFOX) {
    frame.addEventListener('load', (event) => {
      if (event.isTrusted && !signal.aborted) attach(browser.runtime.connect({ name: `${FRAME_PORT}:host:${pairing}` }));
    }, { signal });
  }

  signal.addEventListener('abort', () => {
    browser.runtime.onConnect.removeListener(onConnect);
    for (const port of ports) port.disconnect();
    release();
    frame.remove();
  }, { once: true });

  if (!adapter) return;
  watchConversation({
    adapter,
    window,
    signal,
    onState: (state) => {
      latest = state;
      send(conversationMessage(state));
    },
  });
}
