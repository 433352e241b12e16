import { profileIdFromHref, splitListingTitle } from '../marketplace/listing';
import { linkWithHeading, MEMBER_COUNT, rowAround, titleIn } from '../thread-header';
import { firstMatch, type ConversationState, type SiteAdapter } from '../types';
import { messengerSelectors as selectors } from './selectors';

const HOSTS = new Set(['www.messenger.com', 'www.facebook.com', 'web.facebook.com']);
// /t/<id>, /e2ee/t/<id> on messenger.com; /messages/t/<id>, /messages/e2ee/t/<id> on facebook.com.
const THREAD = /^\/(?:messages\/)?(?:e2ee\/)?t\/([\w.]+)\/?$/;
// What the message list's label says before the thread's name (see personPane and groupPane in selectors.ts).
const PANE_PREFIX = /^(?:Messages in conversation (?:with|titled)|Mensagens na conversa (?:com|intitulada)) /;

const paneName = (pane: Element | null) => pane?.getAttribute('aria-label')?.replace(PANE_PREFIX, '').trim().slice(0, 200) || null;

/** The open thread from the page: who it is with, or that it is a group; null when the page does not say. */
function readThread(document: Document, thread: string): ConversationState | null {
  const main = firstMatch(document, selectors.conversation);
  if (!main) return null;
  const link = linkWithHeading(main, selectors.profileLink, 'h2');
  const row = link ?? rowAround(main, selectors.conversationInfo, 'h2');
  const shown = titleIn(row, selectors.title);
  const groupPane = firstMatch(main, selectors.groupPane);
  if (groupPane || (row && !link && MEMBER_COUNT.test(row.textContent ?? ''))) {
    return { status: 'group', displayName: shown ?? paneName(groupPane), key: `fb:${thread}` };
  }
  const personPane = firstMatch(main, selectors.personPane);
  if (!link && !personPane) return null;
  const displayName = shown ?? paneName(personPane);
  // A Marketplace thread ("Buyer · Item"): its id names the conversation about one item, not the buyer, so the
  // buyer is their profile id when the header links it, else this thread (see marketplace/index.ts).
  const listing = splitListingTitle(displayName);
  if (listing) {
    const buyer = profileIdFromHref(link?.getAttribute('href') ?? null) ?? thread;
    return { status: 'chat', identities: [{ kind: 'messenger', value: buyer }], displayName: listing.buyer, context: listing.item, key: `fb:${thread}:${buyer}` };
  }
  // A one-to-one thread's id is the other person's id on Messenger; e2ee threads keep it too (2024+).
  return { status: 'chat', identities: [{ kind: 'messenger', value: thread }], displayName, key: `fb:${thread}` };
}

export const messengerAdapter: SiteAdapter = {
  id: 'messenger',
  label: 'Messenger',
  matches: (url) =>
    url.protocol === 'https:' && HOSTS.has(url.hostname) && (url.hostname === 'www.messenger.com' || /^\/messages(\/|$)/.test(url.pathname)),

  detect(document, url) {
    const thread = THREAD.exec(url.pathname)?.[1];
    if (!thread) return { status: 'no-chat', key: 'fb:none' };
    return readThread(document, thread) ?? { status: 'undetected', reason: 'messenger-header', key: `fb:${thread}:unknown` };
  },

  observeRoot: (document) => document.body,
  composer: (document) => firstMatch<HTMLElement>(document, selectors.composer),
  layoutRoot: (document) => document.body,
  isDark: (document) => document.documentElement.classList.contains('__fb-dark-mode'),
};
