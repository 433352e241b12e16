/**
 * Reading a Marketplace conversation, shared by the Marketplace adapter (facebook.com/marketplace/t/<thread>/) and
 * the Messenger adapter (the same threads in facebook.com/messages and messenger.com). Both title the thread
 * "<other person> · <item>" (U+00B7 between spaces), e.g. "Ana Souza · Bicicleta aro 29".
 */
const LISTING_TITLE = /^(.{1,100}?) \u00b7 (.{1,200})$/;

/** The buyer's name and the item from a thread title, or null when the title is not a listing's. */
export function splitListingTitle(title: string | null): { buyer: string; item: string } | null {
  const [, buyer, item] = LISTING_TITLE.exec(title ?? '') ?? [];
  return buyer && item ? { buyer: buyer.trim(), item: item.trim() } : null;
}

/** Top-level facebook.com paths that are sections, never a person's vanity name. */
const SECTIONS = new Set(['messages', 'marketplace', 'groups', 'watch', 'events', 'pages', 'gaming', 'friends', 'notifications', 'bookmarks', 'settings', 'help', 'photo', 'photos', 'reel', 'stories', 't', 'e2ee']);

/**
 * The Facebook user id (or vanity name) a profile link points to: `/marketplace/profile/<id>/` (a buyer's
 * Marketplace profile), `/profile.php?id=<id>`, `/<vanity>/`, absolute or site-relative. Null for any other link.
 */
export function profileIdFromHref(href: string | null): string | null {
  if (!href) return null;
  let url: URL;
  try {
    url = new URL(href, 'https://www.facebook.com/');
  } catch {
    return null;
  }
  if (!/^(www|web|m)\.facebook\.com$/.test(url.hostname)) return null;
  if (url.pathname === '/profile.php') return /^\d{1,20}$/.exec(url.searchParams.get('id') ?? '')?.[0] ?? null;
  const marketplace = /^\/marketplace\/profile\/(\d{1,20})\/?$/.exec(url.pathname)?.[1];
  if (marketplace) return marketplace;
  const vanity = /^\/([A-Za-z0-9.]{1,50})\/?$/.exec(url.pathname)?.[1];
  return vanity && !SECTIONS.has(vanity.toLowerCase()) ? vanity.toLowerCase() : null;
}
