/**
 * Telegram Web selectors for both clients: K (web.telegram.org/k/, morethanwords/tweb) and A (web.telegram.org/a/,
 * Ajaxy/telegram-tt). The open chat is in the URL hash (see index.ts); the header gives the name. Checked against
 * fixtures/*.html.
 */
export const telegramSelectors = {
  /**
   * The chat header's title. K: `.chat-info .peer-title`, a PeerTitle span carrying `data-peer-id` (negative for
   * groups and channels; tweb src/components/peerTitle.ts, 2021+). A: `.ChatInfo .fullName` (2022+).
   */
  title: ['.chat-info .peer-title', '.ChatInfo .fullName', '.MiddleHeader .title h3'],
  /** The conversation column: `.chat` in K, `#MiddleColumn` in A. */
  conversation: ['#column-center .chat', '#MiddleColumn', '.chat.active'],
  /** The composer: K `.input-message-input[contenteditable]`, A `#editable-message-text`. */
  composer: ['.input-message-input[contenteditable="true"]', '#editable-message-text'],
  /** Dark theme: K sets `night` on <html>, A sets `theme-dark`. */
  darkTheme: ['html.night', 'html.theme-dark'],
} as const;
