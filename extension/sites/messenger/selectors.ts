/**
 * Messenger selectors (www.messenger.com/t/<id>, www.facebook.com/messages/t/<id>, …/e2ee/t/<id>), alternatives
 * in order. Class names are generated; we rely on the URL, roles and aria labels. Checked against fixtures/*.html.
 */
export const messengerSelectors = {
  /** The conversation column (role="main", 2020+). */
  conversation: ['div[role="main"]'],
  /** The thread header: a banner region labelled with the conversation (2023+), or the first heading row. */
  header: ['div[role="main"] [role="banner"]', 'div[role="main"] [aria-label="Conversation information"]', 'div[role="main"] [aria-label="Informações da conversa"]'],
  /** The shown name: the header's heading. */
  title: ['h2 span[dir="auto"]', 'h2', 'h1'],
  /** A one-to-one header links to the person's profile (facebook.com/<user> or /profile.php?id=…). */
  profileLink: ['a[role="link"][href*="facebook.com/"]:not([href*="/messages/"])', 'a[href*="/profile.php?id="]'],
  /** Groups show a members line or a group avatar. */
  groupHint: ['[data-clientela-group]', '[aria-label="Group photo"]', '[aria-label="Foto do grupo"]'],
  /** The composer textbox (aria-label "Message" / "Mensagem"). */
  composer: ['div[role="main"] div[contenteditable="true"][role="textbox"]'],
} as const;
