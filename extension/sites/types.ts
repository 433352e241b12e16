import type { IdentityKind, StoreId, StoreOrderReading } from '../../core';

/** One way the open conversation names its customer, as the host page shows it (normalized later, in the background). */
export interface ChatIdentity {
  kind: IdentityKind;
  value: string;
}

/** What a site adapter sees in the page right now. Host-page text is untrusted: it is only ever shown as text. */
export type ConversationState =
  /**
   * A one-to-one conversation: the customer's identities (the first is the main one) and the name the site shows.
   * `context` is what the conversation is about when the site says it (the Marketplace item). `mismatch` is set
   * when two readings of the page disagree (WhatsApp's own chat model vs the DOM): `page` is what the DOM shows.
   */
  | {
      status: 'chat';
      identities: ChatIdentity[];
      displayName: string | null;
      key: string;
      context?: string | null;
      mismatch?: { page: string | null };
    }
  /** A group, channel or community: never taken for a customer. */
  | { status: 'group'; displayName: string | null; key: string }
  /** No conversation is open (the inbox list, settings…). */
  | { status: 'no-chat'; key: string }
  /** A conversation seems open but we cannot tell who it is: the site changed. The sidebar offers basic mode. */
  | { status: 'undetected'; reason: string; key: string }
  /**
   * An order's page in a store's admin: the order and its buyer as the page shows them (text, read later by the
   * frame). The buyer is this page's customer; the seller saves the order with one click.
   */
  | { status: 'order'; order: StoreOrderReading; key: string };

export type ChatSiteId = 'whatsapp' | 'instagram' | 'messenger' | 'marketplace' | 'telegram';
export type SiteId = ChatSiteId | StoreId;

/**
 * Everything Clientela knows about one host site. Adapters are pure readers of the page: `detect` reads the DOM
 * and URL it is given and never writes to them; the shared watcher (watch-conversation.ts) decides when to call it.
 */
export interface SiteAdapter {
  id: SiteId;
  /** Name shown to the seller ("WhatsApp"). */
  label: string;
  /** Whether this adapter serves the page at `url`. */
  matches(url: URL): boolean;
  /** The open conversation, from the page's URL and DOM. Cheap: it runs on every batch of DOM mutations. */
  detect(document: Document, url: URL): ConversationState;
  /** The element whose subtree changes when the seller switches chats; null observes the whole body. */
  observeRoot(document: Document): Element | null;
  /** The composer, where a quick reply can be inserted safely; null when there is none or it is not safe. */
  composer(document: Document): HTMLElement | null;
  /** The element narrowed to make room for the sidebar, so it never covers the message box. */
  layoutRoot(document: Document): HTMLElement | null;
  /** Whether the host is showing its dark theme, so the sidebar can follow it. */
  isDark(document: Document): boolean;
  /** Optional extra source of the open chat (e.g. WhatsApp's own chat model read in the page's main world). */
  startBridge?(window: Window, onIdentity: (state: ConversationState) => void, signal: AbortSignal): void;
}

/** First element matching any of the alternatives, in order. */
export function firstMatch<E extends Element = Element>(root: ParentNode, selectors: readonly string[]): E | null {
  for (const selector of selectors) {
    const found = root.querySelector<E>(selector);
    if (found) return found;
  }
  return null;
}

/** Visible text of an element, trimmed, or null. */
export function textOf(element: Element | null | undefined): string | null {
  const text = element?.getAttribute('title')?.trim() || element?.textContent?.trim();
  return text ? text.slice(0, 200) : null;
}
