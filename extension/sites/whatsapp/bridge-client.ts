import { injectScript } from 'wxt/utils/inject-script';

export const BRIDGE_SOURCE = 'clientela:wa-bridge';

/** The open chat as WhatsApp's own chat model reports it (posted by bridge-main-world.ts). */
export interface BridgeChat {
  jid: string | null;
  name: string | null;
  phoneJid: string | null;
  /** The chat's WhatsApp username (2026), lower-case without the @, when it has one. */
  username: string | null;
}

const JID = /^[\w.-]{1,64}@(c\.us|s\.whatsapp\.net|lid|g\.us|newsletter|broadcast)$/;
// A phone JID names a phone: digits only, on a person's server.
const PHONE_JID = /^\d{5,20}@(c\.us|s\.whatsapp\.net)$/;
// WhatsApp's username rule (see core/identity/normalize.ts, which the background applies again).
const USERNAME = /^(?=[a-z0-9._]*[a-z])(?!\.)(?!.*\.\.)(?!.*\.$)[a-z0-9._]{3,35}$/;

function usernameOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const username = value.trim().replace(/^@/, '').toLowerCase();
  return USERNAME.test(username) ? username : null;
}

/**
 * Checks a window message claiming to come from the bridge. The page itself could post one, so it is held to
 * the same standard as any host-page text: a shape check, and the JID must look like a JID.
 */
export function readBridgeMessage(data: unknown): BridgeChat | null {
  if (typeof data !== 'object' || data === null || (data as { source?: unknown }).source !== BRIDGE_SOURCE) return null;
  const chat = (data as { chat?: unknown }).chat;
  if (chat === null) return { jid: null, name: null, phoneJid: null, username: null };
  if (typeof chat !== 'object' || chat === undefined) return null;
  const { jid, name, phoneJid, username } = chat as Record<string, unknown>;
  if (typeof jid !== 'string' || !JID.test(jid)) return null;
  return {
    jid,
    name: typeof name === 'string' && name.trim() ? name.trim().slice(0, 200) : null,
    phoneJid: typeof phoneJid === 'string' && PHONE_JID.test(phoneJid) ? phoneJid : null,
    username: usernameOf(username),
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
