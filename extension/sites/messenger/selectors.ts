/**
 * Messenger selectors: www.messenger.com/t/<id>/ and, since Meta folds messenger.com into Facebook (April 2026),
 * www.facebook.com/messages/t/<id>/ (also …/e2ee/t/<id>/). Alternatives in order. Class names are generated; we
 * rely on the URL, roles, aria labels, headings and hrefs as 2025 pages show them (fixtures/thread.html). On
 * facebook.com the page's role="banner" is Facebook's own top bar, not the thread's header.
 */
export const messengerSelectors = {
  /** The conversation column (role="main", 2020+). */
  conversation: ['div[role="main"]'],
  /**
   * The message list of a one-to-one thread, labelled with the person's name. en "Messages in conversation with "
   * seen on 2025 pages and in public scrapers; pt-BR "Mensagens na conversa com " modelled on Meta's wording.
   */
  personPane: ['div[role="main"] [aria-label^="Messages in conversation with "]', 'div[role="main"] [aria-label^="Mensagens na conversa com "]'],
  /** The message list of a group, labelled with its title (en seen; pt-BR "Mensagens na conversa intitulada " modelled). */
  groupPane: ['div[role="main"] [aria-label^="Messages in conversation titled "]', 'div[role="main"] [aria-label^="Mensagens na conversa intitulada "]'],
  /**
   * The person's profile link in the thread's top row, which holds the name's h2 (the chat list links threads,
   * not profiles): `https://www.facebook.com/<user>/` on messenger.com, `/<user>/` or `/profile.php?id=` on facebook.com.
   */
  profileLink: ['div[role="main"] a[role="link"][href*="facebook.com/"]', 'div[role="main"] a[role="link"][href^="/"]:not([href^="/messages/"]):not([href^="/t/"]):not([href^="/e2ee/"])'],
  /** The "Conversation information" button of the top row (en seen, pt-BR "Informações da conversa" seen). */
  conversationInfo: ['div[role="main"] [role="button"][aria-label="Conversation information"]', 'div[role="main"] [role="button"][aria-label="Informações da conversa"]'],
  /** The shown name: the top row's heading. */
  title: ['h2 span[dir="auto"]', 'h2'],
  /** The composer textbox (aria-label "Message" / "Mensagem"). */
  composer: ['div[role="main"] div[contenteditable="true"][role="textbox"]'],
} as const;
