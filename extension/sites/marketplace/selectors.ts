/**
 * Facebook Marketplace conversation selectors (www.facebook.com/marketplace/t/<thread>/, and web.facebook.com),
 * alternatives in order. Modelled on the Messenger thread layout Facebook reuses for Marketplace (roles, headings,
 * hrefs); no saved Marketplace page was available to check against, see fixtures/inbox.html.
 */
export const marketplaceSelectors = {
  /** The conversation column (role="main", as on facebook.com/messages). */
  conversation: ['div[role="main"]'],
  /** The thread's title, "<buyer> · <item>" ("Ana Souza · Bicicleta aro 29"). */
  title: ['div[role="main"] h2 span[dir="auto"]', 'div[role="main"] h2'],
  /** The buyer's profile: their Marketplace profile (/marketplace/profile/<id>/, 2019+) or Facebook profile. */
  buyerLink: ['div[role="main"] a[href*="/marketplace/profile/"]', 'div[role="main"] a[href*="/profile.php?id="]'],
  /** The listing the conversation is about (/marketplace/item/<id>/): its text names the item. */
  itemLink: ['div[role="main"] a[href*="/marketplace/item/"]'],
  /** The composer textbox (aria-label "Message" / "Mensagem"). */
  composer: ['div[role="main"] div[contenteditable="true"][role="textbox"]'],
} as const;
