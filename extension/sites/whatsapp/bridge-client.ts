import { injectScript } from 'wxt/utils/inject-script';

export const BRIDGE_SOURCE = 'clientela:wa-bridge';

/** The open chat as WhatsApp's own chat model reports it (posted by bridge-main-world.ts). */
export interface BridgeChat {
  jid: string | null;
  name: string | null;
  phoneJid: string | null;
}

const JID = /^[\w.-]{1,64}@(c\.us|s\.whatsapp\.net|lid|g\.us|newsletter|broadcast)$/;

/**
 * Checks a window message claiming to come from the bridge. The page itself could post one, so it is held to
 * the same standard as any host-page text: a shape check, and the JID must look like a JID.
 */
export function readBridgeMessage(data: unknown): BridgeChat | null {
  if (typeof data !== 'object' || data === null || (data as { source?: unknown }).source !== BRIDGE_SOURCE) return null;
  const chat = (data as { chat?: unknown }).chat;
  if (chat === null) return { jid: null, name: null, phoneJid: null };
  if (typeof chat !== 'object' || chat === undefined) return null;
  const { jid, name, phoneJid } = chat as Record<string, unknown>;
  if (typeof jid !== 'string' || !JID.test(jid)) return null;
  return {
    jid,
    name: typeof name === 'string' && name.trim() ? name.trim().slice(0, 200) : null,
    phoneJid: typeof phoneJid === 'string' && JID.test(phoneJid) ? phoneJid : null,
  };
}

/**
 * Runs the bridge in the page's main world, where WhatsApp's chat model lives (content scripts cannot see it). On
 * Chrome the manifest already runs it there (entrypoints/whatsapp-main-world.content.ts); Firefox MV2 has no
 * main-world content scripts, so it is injected from the add-on's one web-accessible script.
 */
export function startWhatsappBridge(_window: Window, signal: AbortSignal): void {
  if (signal.aborted || !import.meta.env.FIREFOX) return;
  void injectScript('/whatsapp-bridge.js', { keepInDom: false }).catch(() => {
    // No bridge: the DOM fallbacks in index.ts still find the chat.
  });
}
