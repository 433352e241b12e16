/**
 * Inserts text into the host's composer as if typed: focus it and use execCommand('insertText'), which the
 * host's own editor (React/Lexical on WhatsApp) observes through its input events. It never sends the message.
 */
export function insertIntoComposer(composer: HTMLElement, text: string): boolean {
  composer.focus();
  return composer.ownerDocument.execCommand('insertText', false, text);
}
