import { readThreadHeader } from '../thread-header';
import { firstMatch, type SiteAdapter } from '../types';
import { messengerSelectors as selectors } from './selectors';

const HOSTS = new Set(['www.messenger.com', 'www.facebook.com', 'web.facebook.com']);
// /t/<id>, /e2ee/t/<id> on messenger.com; /messages/t/<id>, /messages/e2ee/t/<id> on facebook.com.
const THREAD = /^\/(?:messages\/)?(?:e2ee\/)?t\/([\w.]+)\/?$/;

export const messengerAdapter: SiteAdapter = {
  id: 'messenger',
  label: 'Messenger',
  matches: (url) =>
    url.protocol === 'https:' && HOSTS.has(url.hostname) && (url.hostname === 'www.messenger.com' || url.pathname.startsWith('/messages')),

  detect(document, url) {
    const thread = THREAD.exec(url.pathname)?.[1];
    if (!thread) return { status: 'no-chat', key: 'fb:none' };
    const read = readThreadHeader(document, selectors);
    if (!read) return { status: 'undetected', reason: 'messenger-header', key: `fb:${thread}:unknown` };
    const { displayName, isGroup } = read;
    if (isGroup) return { status: 'group', displayName, key: `fb:${thread}` };
    // A one-to-one thread's id is the other person's id on Messenger; e2ee threads keep it too (2024+).
    return { status: 'chat', identities: [{ kind: 'messenger', value: thread }], displayName, key: `fb:${thread}` };
  },

  observeRoot: (document) => document.body,
  composer: (document) => firstMatch<HTMLElement>(document, selectors.composer),
  layoutRoot: (document) => document.body,
  isDark: (document) => document.documentElement.classList.contains('__fb-dark-mode'),
};
