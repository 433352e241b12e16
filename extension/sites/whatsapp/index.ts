import { firstMatch, textOf, type ChatIdentity, type ConversationState, type SiteAdapter } from '../types';
import { whatsappSelectors as selectors } from './selectors';
import { readBridgeMessage, startWhatsappBridge } from './bridge-client';
import { ASK_SOURCE } from './bridge-main-world';

const CHAT_JID = /^(?:true|false)_([^_]+@(?:c\.us|s\.whatsapp\.net|lid|g\.us|newsletter|broadcast))_/;

/**
 * Identities and kind of a chat from its JID (`5511987654321@c.us`, `123…@lid`, `…@g.us`), with the phone behind
 * a hidden-number account and the chat's username when the bridge knows them.
 */
export function chatFromJid(jid: string, displayName: string | null, phoneJid?: string | null, username?: string | null): ConversationState {
  const [user = '', server = ''] = jid.split('@');
  if (server === 'g.us' || server === 'newsletter' || server === 'broadcast') return { status: 'group', displayName, key: `wa:${jid}` };
  const identities: ChatIdentity[] = [];
  if (server === 'lid') {
    // A hidden-number account: the @lid id is its own identity, linked to the phone when WhatsApp tells us.
    if (phoneJid) identities.push({ kind: 'whatsapp', value: phoneJid.split('@')[0] as string });
    identities.push({ kind: 'whatsapp-lid', value: user });
  } else {
    identities.push({ kind: 'whatsapp', value: user });
  }
  if (username) identities.push({ kind: 'whatsapp-username', value: username });
  return { status: 'chat', identities, displayName, key: `wa:${jid}` };
}

/** A title that is a phone number: WhatsApp shows the number when the contact is not saved. */
function phoneFromTitle(title: string | null): string | null {
  if (!title) return null;
  const digits = title.replace(/[\s()+\-.\u00a0\u202a\u202c]/g, '');
  return /^\d{10,15}$/.test(digits) && /^\+/.test(title.replace(/^[\u202a\s]+/, '')) ? digits : null;
}

export const whatsappAdapter: SiteAdapter = {
  id: 'whatsapp',
  label: 'WhatsApp',
  matches: (url) => url.protocol === 'https:' && url.hostname === 'web.whatsapp.com',

  detect(document) {
    const conversation = firstMatch(document, selectors.conversation);
    if (!conversation) {
      const loggedIn = firstMatch(document, selectors.chatList);
      if (loggedIn || !firstMatch(document, selectors.app)) return { status: 'no-chat', key: 'wa:none' };
      return { status: 'undetected', reason: 'whatsapp-layout', key: 'wa:unknown-layout' };
    }
    const displayName = textOf(firstMatch(document, selectors.title));
    // The newest message names the chat; read from the end, where the open chat's messages are.
    const messages = conversation.querySelectorAll(selectors.messageIds.join(','));
    for (let index = messages.length - 1; index >= 0; index--) {
      const jid = CHAT_JID.exec(messages[index]?.getAttribute('data-id') ?? '')?.[1];
      if (jid) return chatFromJid(jid, displayName);
    }
    const phone = phoneFromTitle(displayName);
    if (phone) return chatFromJid(`${phone}@c.us`, displayName);
    return { status: 'undetected', reason: 'whatsapp-identity', key: `wa:unknown:${displayName ?? ''}` };
  },

  observeRoot: (document) => firstMatch(document, selectors.app) ?? document.body,
  composer: (document) => firstMatch<HTMLElement>(document, selectors.composer),
  layoutRoot: (document) => firstMatch<HTMLElement>(document, selectors.app),
  isDark: (document) => firstMatch(document, selectors.darkTheme) !== null,

  startBridge(window, onState, signal) {
    startWhatsappBridge(window, signal);
    window.addEventListener(
      'message',
      (event) => {
        if (event.source !== window) return;
        const chat = readBridgeMessage(event.data);
        if (chat) onState(chat.jid ? chatFromJid(chat.jid, chat.name, chat.phoneJid, chat.username) : { status: 'no-chat', key: 'wa:none' });
      },
      { signal },
    );
    // A bridge that attached before we listened (Chrome runs it at document_start) reports again when asked.
    window.postMessage({ source: ASK_SOURCE }, window.location.origin);
  },
};
