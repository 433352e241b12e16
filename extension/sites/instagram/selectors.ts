/**
 * Instagram Direct selectors (www.instagram.com/direct/t/<thread>/), alternatives in order. Class names are
 * generated; we rely on the URL, roles, aria labels and profile links. Checked against fixtures/*.html.
 */
export const instagramSelectors = {
  /** The conversation column: Instagram marks the main area with role="main" (2022+). */
  conversation: ['div[role="main"]', 'main'],
  /** The thread header: the first banner-like block in the conversation; aria-label since 2024, <header> before. */
  header: ['div[role="main"] [aria-label="Conversation information"]', 'div[role="main"] [aria-label="Informações da conversa"]', 'div[role="main"] header'],
  /** The other person's profile link in the header: href="/<username>/" (not /direct/…, /explore/…). */
  profileLink: ['a[role="link"][href^="/"]:not([href^="/direct"]):not([href^="/explore"])', 'a[href^="/"]:not([href^="/direct"])'],
  /** The shown name in the header. */
  title: ['h2 span[dir="auto"]', 'h1 span[dir="auto"]', 'span[dir="auto"]'],
  /** A group thread shows "N members" / "N membros" beside its title, or a group avatar stack. */
  groupHint: ['[data-clientela-group]', '[aria-label="Group photo"]', '[aria-label="Foto do grupo"]'],
  /** The composer: a contenteditable textbox with an aria-label ("Message…", "Mensagem…"). */
  composer: ['div[role="main"] div[contenteditable="true"][role="textbox"]'],
} as const;
