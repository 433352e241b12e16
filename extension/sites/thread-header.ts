import { firstMatch, textOf } from './types';

/** Group threads show their size beside the title ("5 members", "5 membros", "5 miembros"). */
const MEMBER_COUNT = /\d+\s+(members|membros|miembros)\b/i;

export interface ThreadHeaderSelectors {
  header: readonly string[];
  title: readonly string[];
  groupHint: readonly string[];
}

/**
 * The open thread's header on sites that name the conversation in a header block (Instagram Direct, Messenger):
 * the element, the shown name, and whether it is a group. Null when no header matches (the site changed).
 */
export function readThreadHeader(document: Document, selectors: ThreadHeaderSelectors): { header: Element; displayName: string | null; isGroup: boolean } | null {
  const header = firstMatch(document, selectors.header);
  if (!header) return null;
  return {
    header,
    displayName: textOf(firstMatch(header, selectors.title)),
    isGroup: firstMatch(header, selectors.groupHint) !== null || MEMBER_COUNT.test(header.textContent ?? ''),
  };
}
