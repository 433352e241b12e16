import { firstMatch, textOf, type SiteAdapter } from '../types';
import { profileIdFromHref, splitListingTitle } from './listing';
import { marketplaceSelectors as selectors } from './selectors';

const HOSTS = new Set(['www.facebook.com', 'web.facebook.com']);
const THREAD = /^\/marketplace\/t\/(\d{1,25})\/?$/;

/**
 * Marketplace buyers. The buyer is the customer and the item is the conversation's context. Identity: the buyer's
 * Facebook user id from their profile link, as a `messenger` identity — the same id Messenger uses for a
 * one-to-one thread with them, so a buyer who also writes directly is one customer. When the page links no
 * profile, the Marketplace thread id stands in (also `messenger`): it names this buyer's conversation about this
 * item, so it finds the customer again in that thread; the seller can merge it with the buyer's other records.
 */
export const marketplaceAdapter: SiteAdapter = {
  id: 'marketplace',
  label: 'Facebook Marketplace',
  matches: (url) => url.protocol === 'https:' && HOSTS.has(url.hostname) && /^\/marketplace(\/|$)/.test(url.pathname),

  detect(document, url) {
    const thread = THREAD.exec(url.pathname)?.[1];
    if (!thread) return { status: 'no-chat', key: 'mp:none' };
    const unknown = { status: 'undetected', reason: 'marketplace-header', key: `mp:${thread}:unknown` } as const;
    const main = firstMatch(document, selectors.conversation);
    const title = main && textOf(firstMatch(main, selectors.title));
    if (!main || !title) return unknown;
    const listing = splitListingTitle(title);
    const buyerLink = firstMatch(main, selectors.buyerLink);
    const item = listing?.item ?? textOf(firstMatch(main, selectors.itemLink));
    // Without the "Buyer · Item" title or a buyer link we cannot tell the heading names the buyer.
    if (!listing && !buyerLink) return unknown;
    const buyer = profileIdFromHref(buyerLink?.getAttribute('href') ?? null) ?? thread;
    return {
      status: 'chat',
      identities: [{ kind: 'messenger', value: buyer }],
      displayName: listing?.buyer ?? title,
      context: item,
      key: `mp:${thread}:${buyer}`,
    };
  },

  observeRoot: (document) => document.body,
  composer: (document) => firstMatch<HTMLElement>(document, selectors.composer),
  layoutRoot: (document) => document.body,
  isDark: (document) => document.documentElement.classList.contains('__fb-dark-mode'),
};
