import { readThreadHeader } from '../thread-header';
import { firstMatch, type SiteAdapter } from '../types';
import { instagramSelectors as selectors } from './selectors';

const THREAD = /^\/direct\/t\/([\w-]+)\/?$/;

export const instagramAdapter: SiteAdapter = {
  id: 'instagram',
  label: 'Instagram',
  // All of instagram.com: Direct is reached by in-app navigation, which does not load a content script anew.
  matches: (url) => url.protocol === 'https:' && url.hostname === 'www.instagram.com',

  detect(document, url) {
    const thread = THREAD.exec(url.pathname)?.[1];
    if (!thread) return { status: 'no-chat', key: 'ig:none' };
    const read = readThreadHeader(document, selectors);
    if (!read) return { status: 'undetected', reason: 'instagram-header', key: `ig:${thread}:unknown` };
    const { header, displayName, isGroup } = read;
    if (isGroup) return { status: 'group', displayName, key: `ig:${thread}` };
    const username = /^\/([\w.]{1,30})\/?$/.exec(firstMatch(header, selectors.profileLink)?.getAttribute('href') ?? '')?.[1];
    if (!username) return { status: 'undetected', reason: 'instagram-username', key: `ig:${thread}:unknown` };
    return { status: 'chat', identities: [{ kind: 'instagram', value: username }], displayName, key: `ig:${thread}:${username}` };
  },

  observeRoot: (document) => document.body,
  composer: (document) => firstMatch<HTMLElement>(document, selectors.composer),
  // Instagram puts its theme on the root element's class list (`__fb-dark-mode`, 2023+).
  layoutRoot: (document) => document.body,
  isDark: (document) => document.documentElement.classList.contains('__fb-dark-mode'),
};
