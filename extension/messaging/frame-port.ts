import type { ConversationState, SiteId } from '../sites/types';

/**
 * The port between the content script on a chat site (the host side) and the sidebar frame in the same tab.
 * The frame opens it with `tabs.connect(tabId, { frameId: 0 })`: extension messaging, addressed by tab and frame,
 * that no page script can read or write. Nothing of the book travels here: the host side sends what it read
 * from the page (a hint), the frame sends what the seller asked to be done to the page.
 */
export const FRAME_PORT = 'clientela:sidebar-frame';

/** Host → frame. */
export type HostMessage =
  | { type: 'hello'; site: SiteId | null; siteLabel: string; collapsed: boolean }
  | { type: 'conversation'; state: ConversationState; dark: boolean; composer: boolean };

/** Frame → host. */
export type FrameMessage =
  /** Put a quick reply into the chat's message box (never sent). */
  | { type: 'insert-reply'; text: string }
  /** Shrink the frame to its tab, or open it again. */
  | { type: 'collapse'; collapsed: boolean };

/** Shape check of what the frame sends: it is our own page, but the port is the content script's trust edge. */
export function readFrameMessage(message: unknown): FrameMessage | null {
  if (typeof message !== 'object' || message === null) return null;
  const { type, text, collapsed } = message as Record<string, unknown>;
  if (type === 'insert-reply' && typeof text === 'string' && text.length <= 2000) return { type, text };
  if (type === 'collapse' && typeof collapsed === 'boolean') return { type, collapsed };
  return null;
}
