import type { Browser } from 'wxt/browser';

/**
 * Whether a message comes from one of our own extension pages (the sidebar frame, the popup, the book page), not
 * from a content script. Both carry our extension id; only a page of ours has a URL in the extension's scheme.
 * The scheme is compared rather than the host: on Chrome the sidebar frame is loaded through a per-session
 * dynamic URL (`use_dynamic_url`), whose host is not the extension id.
 */
export function isExtensionPage(sender: Pick<Browser.runtime.MessageSender, 'id' | 'url'>, extensionId: string, extensionBaseUrl: string): boolean {
  if (sender.id !== extensionId || !sender.url) return false;
  try {
    return new URL(sender.url).protocol === new URL(extensionBaseUrl).protocol;
  } catch {
    return false;
  }
}
