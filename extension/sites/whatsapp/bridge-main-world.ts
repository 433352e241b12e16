/**
 * Runs in web.whatsapp.com's main world. It reads WhatsApp's own chat model — `require('WAWebChatCollection')
 * .ChatCollection`, the module system of WhatsApp Web's 2023+ builds — and posts only the open chat's identity
 * to the content script: its JID, the phone behind a hidden-number `@lid` account, its username, and its title.
 * It reads nothing else and changes nothing.
 */

/** A WhatsApp id object (WAWebWidFactory): `_serialized` is "<user>@<server>". */
interface Wid {
  _serialized?: unknown;
}
interface WhatsappChat {
  id?: Wid;
  formattedTitle?: unknown;
  name?: unknown;
  contact?: { phoneNumber?: Wid | null; username?: unknown } | null;
}
interface ChatCollection {
  getActive?: () => WhatsappChat | null | undefined;
  on?: (event: string, listener: () => void) => void;
  off?: (event: string, listener: () => void) => void;
}
/**
 * WAWebApiContact as the 2025 bundle calls it: `getPhoneNumber(wid)` gives the phone Wid WhatsApp has learnt for
 * a `@lid` (sync, or awaited at some call sites), `getContactRecord(wid)` the stored record, `username` included
 * where usernames are enabled.
 */
interface ApiContact {
  getPhoneNumber?: (wid: Wid) => unknown;
  getContactRecord?: (wid: Wid) => unknown;
}

/** What the content script posts when it starts listening (see bridge-client.ts). */
export const ASK_SOURCE = 'clientela:wa-bridge-ask';
const SOURCE = 'clientela:wa-bridge';
/** Retries while WhatsApp registers its modules: on DOM changes at most this often… */
const MUTATION_THROTTLE_MS = 500;
/** …and on a timer from 1 s, doubling up to once a minute, for as long as the page lives. */
const FIRST_RETRY_MS = 1_000;
const LAST_RETRY_MS = 60_000;

function load<T>(window: Window, name: string): T | null {
  try {
    const require = (window as unknown as { require?: (name: string) => unknown }).require;
    return (require?.(name) as T | undefined) ?? null;
  } catch {
    // WhatsApp's require throws for a module it has not registered yet.
    return null;
  }
}

const serialized = (wid: unknown): string | null =>
  typeof wid === 'string' ? wid : typeof (wid as Wid | null)?._serialized === 'string' ? ((wid as Wid)._serialized as string) : null;
const text = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

/** A value WhatsApp may hand over directly or as a promise; failures read as null. */
async function settled(read: () => unknown): Promise<unknown> {
  try {
    return await read();
  } catch {
    return null;
  }
}

/** What the bridge posts about the open chat, or null when none is open. */
async function readActive(window: Window, collection: ChatCollection) {
  const active = collection.getActive?.();
  const jid = serialized(active?.id);
  if (!active?.id || !jid) return null;
  const api = load<ApiContact>(window, 'WAWebApiContact');
  const id = active.id;
  let phoneJid = serialized(active.contact?.phoneNumber);
  // Most one-to-one chats are @lid now and the contact model often lacks the phone: ask WhatsApp's own mapping.
  if (!phoneJid && jid.endsWith('@lid') && api?.getPhoneNumber) phoneJid = serialized(await settled(() => api.getPhoneNumber?.(id)));
  let username = text(active.contact?.username);
  if (!username && !jid.endsWith('@g.us') && api?.getContactRecord) {
    username = text(((await settled(() => api.getContactRecord?.(id))) as { username?: unknown } | null)?.username);
  }
  return { jid, name: text(active.formattedTitle) ?? text(active.name), phoneJid, username };
}

/**
 * Attaches to the chat model once WhatsApp has loaded it and reports the open chat now and on every switch.
 * WhatsApp registers its modules progressively (a slow first load can take minutes), so until then it retries on
 * DOM changes (throttled) and at growing intervals, never giving up while the page lives. Returns a function that
 * stops everything.
 */
export function runWhatsappBridge(window: Window): () => void {
  let stopped = false;
  let turn = 0;
  let detach = () => {};
  const report = async (collection: ChatCollection) => {
    const mine = ++turn;
    const chat = await readActive(window, collection);
    // A later switch may have been read first: only the latest reading is posted.
    if (!stopped && mine === turn) window.postMessage({ source: SOURCE, chat }, window.location.origin);
  };
  const attach = (): boolean => {
    const collection = load<{ ChatCollection?: ChatCollection }>(window, 'WAWebChatCollection')?.ChatCollection;
    if (!collection?.getActive || !collection.on) return false;
    const onSwitch = () => void report(collection);
    collection.on('change:active', onSwitch);
    // On Chrome this runs at document_start, before the content script listens: it asks when it is ready. Anyone
    // on the page can ask too; the answer is only what the page's own model already says.
    const onAsk = (event: MessageEvent) => {
      if (event.source === window && (event.data as { source?: unknown } | null)?.source === ASK_SOURCE) onSwitch();
    };
    window.addEventListener('message', onAsk);
    detach = () => {
      collection.off?.('change:active', onSwitch);
      window.removeEventListener('message', onAsk);
    };
    onSwitch();
    return true;
  };

  let retry: ReturnType<typeof setTimeout> | undefined;
  let throttled: ReturnType<typeof setTimeout> | undefined;
  let delay = FIRST_RETRY_MS;
  // The window's own MutationObserver (the page's, in the main world; a test DOM's in unit tests).
  const observer = new (window as unknown as typeof globalThis).MutationObserver(() => {
    throttled ??= setTimeout(() => {
      throttled = undefined;
      attempt();
    }, MUTATION_THROTTLE_MS);
  });
  const stopWaiting = () => {
    observer.disconnect();
    clearTimeout(retry);
    clearTimeout(throttled);
  };
  const schedule = () => {
    retry = setTimeout(() => {
      delay = Math.min(delay * 2, LAST_RETRY_MS);
      attempt();
      if (!stopped && !attached) schedule();
    }, delay);
  };
  let attached = false;
  const attempt = () => {
    if (stopped || attached) return;
    attached = attach();
    if (attached) stopWaiting();
  };

  attempt();
  if (!attached) {
    observer.observe(window.document.documentElement, { childList: true, subtree: true });
    schedule();
  }
  return () => {
    stopped = true;
    stopWaiting();
    detach();
  };
}
