/**
 * WhatsApp Web selectors, each a list of alternatives tried in order. WhatsApp's class names are generated and
 * change every release, so we lean on ids, data-* attributes, roles and aria labels. Checked against
 * fixtures/*.html (see whatsapp.test.ts for the expected match counts).
 */
export const whatsappSelectors = {
  /** The app shell; present once WhatsApp has loaded (id since 2015). */
  app: ['#app'],
  /** The chat list pane; present whenever the app is logged in (id since 2016). */
  chatList: ['#side', '[aria-label="Lista de conversas"]', '[aria-label="Chat list"]'],
  /** The conversation pane; exists only while a chat is open (id since 2016). */
  conversation: ['#main'],
  /** The open chat's title in the header: `title` holds the full name (2023+), a plain span before. */
  title: ['#main header span[dir="auto"][title]', '#main header [data-testid="conversation-info-header-chat-title"]', '#main header span[dir="auto"]'],
  /**
   * Messages carry `data-id="<fromMe>_<chat JID>_<message id>[_<author JID>]"`, e.g. `false_5511987654321@c.us_3EB0…`
   * for a person, `…@lid_…` for a hidden-number account, `…@g.us_…` for a group (2021+; `data-testid` removed 2024).
   */
  messageIds: ['#main [data-id]'],
  /** The message composer: the contenteditable in the footer (`data-tab="10"` since 2023). */
  composer: ['#main footer div[contenteditable="true"][data-tab="10"]', '#main footer div[contenteditable="true"][role="textbox"]'],
  /** Dark theme: WhatsApp toggles the `dark` class on body (2020+). */
  darkTheme: ['body.dark'],
} as const;
