import { firstMatch, textOf, type SiteAdapter } from '../types';
import { telegramSelectors as selectors } from './selectors';

/**
 * The open chat in the hash. K writes `#@username` for any peer that has a public username — users, bots, public
 * groups and channels alike (tweb appImManager.overrideHash) — and `#<peerId>` otherwise. A writes `#<chatId>`,
 * then `_<threadId>` for a topic or comment thread and `_pinned` / `_scheduled` for those lists of the same chat
 * (telegram-tt src/util/routing.ts, createLocationHash). Suffixes name the same chat, so they are dropped.
 */
const HASH = /^#(@[A-Za-z]\w{3,31}|-?\d{1,20})(?:_\d{1,12})?(?:_(?:thread|pinned|scheduled))?$/;

function decodedHash(hash: string): string {
  try {
    return decodeURIComponent(hash);
  } catch {
    return hash;
  }
}

export const telegramAdapter: SiteAdapter = {
  id: 'telegram',
  label: 'Telegram',
  matches: (url) => url.protocol === 'https:' && url.hostname === 'web.telegram.org' && /^\/[ak]\//.test(url.pathname),

  detect(document, url) {
    if (!url.hash || url.hash === '#') return { status: 'no-chat', key: 'tg:none' };
    const peer = HASH.exec(decodedHash(url.hash))?.[1];
    if (!peer) return { status: 'undetected', reason: 'telegram-hash', key: `tg:unknown:${url.hash.slice(0, 40)}` };
    const title = firstMatch(document, selectors.title);
    // K's title names its peer: negative for basic groups (-123), supergroups and channels (-100…).
    const titlePeer = title?.getAttribute('data-peer-id') ?? null;
    if (peer.startsWith('@')) {
      // A username may be a public group's or channel's: only the title's peer id tells. Before K has drawn it
      // we cannot tell (the watcher waits briefly before saying so).
      if (!title) return { status: 'undetected', reason: 'telegram-title', key: `tg:${peer}:unknown` };
      const displayName = textOf(title);
      if (titlePeer?.startsWith('-')) return { status: 'group', displayName, key: `tg:${peer}` };
      return { status: 'chat', identities: [{ kind: 'telegram', value: peer.slice(1) }], displayName, key: `tg:${peer}` };
    }
    // A title that names another peer is the previous chat's, still on screen during the switch.
    const displayName = titlePeer === null || titlePeer === peer ? textOf(title) : null;
    if (peer.startsWith('-')) return { status: 'group', displayName, key: `tg:${peer}` };
    return { status: 'chat', identities: [{ kind: 'telegram', value: peer }], displayName, key: `tg:${peer}` };
  },

  observeRoot: (document) => document.body,
  composer: (document) => firstMatch<HTMLElement>(document, selectors.composer),
  layoutRoot: (document) => document.body,
  isDark: (document) => firstMatch(document, selectors.darkTheme) !== null,
};
