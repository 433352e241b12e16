/**
 * Telegram Web selectors for both clients: K (web.telegram.org/k/) and A (web.telegram.org/a/). The open chat is
 * in the URL hash (`#@username`, `#<peerId>`; negative ids are groups and channels); the header gives the name.
 * Checked against fixtures/*.html.
 */
export const telegramSelectors = {
  /** Web K: the chat header's title (`.chat-info .peer-title`, 2021+). Web A: `.ChatInfo .fullName` (2022+). */
  title: ['.chat-info .peer-title', '.ChatInfo .fullName', '.MiddleHeader .title h3'],
  /** The conversation column: `.chat` in K, `#MiddleColumn` in A. */
  conversation: ['#column-center .chat', '#MiddleColumn', '.chat.active'],
  /** The composer: K `.input-message-input[contenteditable]`, A `#editable-message-text`. */
  composer: ['.input-message-input[contenteditable="true"]', '#editable-message-text'],
  /** Dark theme: K sets `night` on <html>, A sets `theme-dark`. */
  darkTheme: ['html.night', 'html.theme-dark'],
} as const;
