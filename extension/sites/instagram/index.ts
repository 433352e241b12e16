import { linkWithHeading, rowAround, titleIn } from '../thread-header';
import { firstMatch, type SiteAdapter } from '../types';
import { instagramSelectors as selectors } from './selectors';

const THREAD = /^\/direct\/t\/([\w-]+)\/?$/;
const USERNAME_HREF = /^\/([\w.]{1,30})\/?$/;

export const instagramAdapter: SiteAdapter = {
  id: 'instagram',
  label: 'Instagram',
  // All of instagram.com: Direct is reached by in-app navigation, which does not load a content script anew.
  matches: (url) => url.protocol === 'https:' && url.hostname === 'www.instagram.com',

  detect(document, url) {
    const thread = THREAD.exec(url.pathname)?.[1];
    if (!thread) return { status: 'no-chat', key: 'ig:none' };
    const main = firstMatch(document, selectors.conversation) ?? document.body;
    // One-to-one: the top row's name is a link to the person's profile.
    const profile = linkWithHeading(main, selectors.profileLink, 'h2');
    if (profile) {
      const username = USERNAME_HREF.exec(profile.getAttribute('href') ?? '')?.[1];
      if (!username) return { status: 'undetected', reason: 'instagram-username', key: `ig:${thread}:unknown` };
      const displayName = titleIn(profile, selectors.title);
      return { status: 'chat', identities: [{ kind: 'instagram', value: username }], displayName, key: `ig:${thread}:${username}` };
    }
    // A group's top row has the same information button and an h2 that links nowhere. A top row whose name is a
    // link we do not recognise is not a group: we say we cannot tell.
    const row = rowAround(main, selectors.conversationInfo, 'h2');
    const heading = row?.querySelector('h2');
    if (row && heading && !heading.closest('a[href]')) return { status: 'group', displayName: titleIn(row, selectors.title), key: `ig:${thread}` };
    return { status: 'undetected', reason: 'instagram-header', key: `ig:${thread}:unknown` };
  },

  observeRoot: (document) => document.body,
  composer: (document) => firstMatch<HTMLElement>(document, selectors.composer),
  layoutRoot: (document) => document.body,
  // Instagram puts its theme on the root element's class list (`__fb-dark-mode`, 2023+).
  isDark: (document) => document.documentElement.classList.contains('__fb-dark-mode'),
};
