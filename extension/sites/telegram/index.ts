import { firstMatch, textOf, type SiteAdapter } from '../types';
import { telegramSelectors as selectors } from './selectors';

/** `#@username` or `#<peerId>` (K), `#<peerId>` (A); a topic suffix `_<topic>` is ignored. */
const HASH = /^#(@[A-Za-z][\w]{3,31}|-?\d{1,20})(?:_\d+)?$/;

export const telegramAdapter: SiteAdapter = {
  id: 'telegram',
  label: 'Telegram',
  matches: (url) => url.protocol === 'https:' && url.hostname === 'web.telegram.org' && /^\/[ak]\//.test(url.pathname),

  detect(document, url) {
    const peer = HASH.exec(url.hash)?.[1];
    if (!url.hash || url.hash === '#') return { status: 'no-chat', key: 'tg:none' };
    if (!peer) return { status: 'undetected', reason: 'telegram-hash', key: `tg:unknown:${url.hash.slice(0, 40)}` };
    const displayName = textOf(firstMatch(document, selectors.title));
    // Negative peer ids are basic groups (-123) and supergroups/channels (-100…): never a customer.
    if (peer.startsWith('-')) return { status: 'group', displayName, key: `tg:${peer}` };
    return { status: 'chat', identities: [{ kind: 'telegram', value: peer.replace(/^@/, '') }], displayName, key: `tg:${peer}` };
  },

  observeRoot: (document) => document.body,
  composer: (document) => firstMatch<HTMLElement>(document, selectors.composer),
  layoutRoot: (document) => document.body,
  isDark: (document) => firstMatch(document, selectors.darkTheme) !== null,
};
