/**
 * Runs in web.whatsapp.com's main world (injected by bridge-client.ts). It reads WhatsApp's own chat model —
 * `require('WAWebChatCollection').ChatCollection`, the module system of WhatsApp Web's 2023+ builds — and posts
 * only the open chat's identity (JID, the phone JID behind a hidden-number @lid account, and the title) to the
 * content script. It reads nothing else and changes nothing.
 */

interface WhatsappChat {
  id?: { _serialized?: string };
  formattedTitle?: string;
  name?: string;
  contact?: { phoneNumber?: { _serialized?: string } };
}
interface ChatCollection {
  getActive?: () => WhatsappChat | null | undefined;
  on?: (event: string, listener: () => void) => void;
}
type ModuleLoader = (name: string) => { ChatCollection?: ChatCollection } | undefined;

const SOURCE = 'clientela:wa-bridge';

function chatCollection(window: Window): ChatCollection | null {
  try {
    const load = (window as unknown as { require?: ModuleLoader }).require;
    return load?.('WAWebChatCollection')?.ChatCollection ?? null;
  } catch {
    return null;
  }
}

/** Attaches to the chat model once WhatsApp has loaded it; reports the open chat now and on every switch. */
export function runWhatsappBridge(window: Window): void {
  const report = (collection: ChatCollection) => {
    const active = collection.getActive?.();
    const jid = active?.id?._serialized ?? null;
    const chat = jid ? { jid, name: active?.formattedTitle ?? active?.name ?? null, phoneJid: active?.contact?.phoneNumber?._serialized ?? null } : null;
    window.postMessage({ source: SOURCE, chat }, window.location.origin);
  };
  const attach = (): boolean => {
    const collection = chatCollection(window);
    if (!collection?.getActive || !collection.on) return false;
    collection.on('change:active', () => report(collection));
    report(collection);
    return true;
  };
  if (attach()) return;
  // WhatsApp loads its modules after the shell: try again when the app's DOM changes, until it works.
  const observer = new MutationObserver(() => {
    if (attach()) observer.disconnect();
  });
  observer.observe(window.document.documentElement, { childList: true, subtree: true });
  window.setTimeout(() => observer.disconnect(), 60_000);
}
