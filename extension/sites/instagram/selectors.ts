/**
 * Instagram Direct selectors (www.instagram.com/direct/t/<thread>/), alternatives in order. Class names are
 * generated; we rely on the URL, aria labels, headings and hrefs. The thread's top row is a plain div (no <header>
 * since 2024); the fixtures (fixtures/direct.html) follow the 2025 page structure.
 */
export const instagramSelectors = {
  /** The conversation column: role="main" (2022+). */
  conversation: ['div[role="main"]', 'main'],
  /**
   * The other person's profile link in the thread's top row, which holds the name in an h2 (inbox rows and message
   * avatars carry the same label but no h2). Sure: en "Open the profile page of " (seen on 2025 pages and in
   * public scrapers) and pt-BR "Abrir a página do perfil de ". Not verified, modelled on Meta's wording: es
   * "Abrir la página del perfil de ", pt-PT "Abrir a página de perfil de ". Last, any site-relative link
   * outside /direct/ (survives a relabelling; the h2 test still applies).
   */
  profileLink: [
    'a[aria-label^="Open the profile page of "][href]',
    'a[aria-label^="Abrir a página do perfil de "][href]',
    'a[aria-label^="Abrir la página del perfil de "][href]',
    'a[aria-label^="Abrir a página de perfil de "][href]',
    'div[role="main"] a[href^="/"]:not([href^="/direct"])',
  ],
  /**
   * The "Conversation information" button of the thread's top row: the label sits on its SVG icon (2024+).
   * en and pt-BR seen; es "Información de la conversación" modelled.
   */
  conversationInfo: [
    'svg[aria-label="Conversation information"]',
    'svg[aria-label="Informações da conversa"]',
    'svg[aria-label="Información de la conversación"]',
  ],
  /** The shown name: the top row's h2. */
  title: ['h2 span[dir="auto"]', 'h2'],
  /** The composer: a contenteditable textbox with an aria-label ("Message…", "Mensagem…"). */
  composer: ['div[role="main"] div[contenteditable="true"][role="textbox"]'],
} as const;
