import { firstMatch, textOf } from './types';

/** Group threads may show their size beside the title ("5 members", "5 membros", "5 miembros"). */
export const MEMBER_COUNT = /\d+\s+(members|membros|miembros)\b/i;

/**
 * The first element matched by the first alternative that has one holding a `heading`, e.g. the thread's profile
 * link on Instagram and Messenger: inbox rows and message avatars link to the same profile, but only the thread's
 * top row puts the name heading inside the link.
 */
export function linkWithHeading(root: ParentNode, alternatives: readonly string[], heading: string): Element | null {
  for (const selector of alternatives) {
    for (const element of root.querySelectorAll(selector)) if (element.querySelector(heading)) return element;
  }
  return null;
}

/**
 * The thread's top row around one of its controls (e.g. the "Conversation information" button): the nearest
 * ancestor, a few levels up at most, that also holds a `heading`. Null when the control is missing.
 */
export function rowAround(root: ParentNode, controls: readonly string[], heading: string): Element | null {
  let element: Element | null = firstMatch(root, controls);
  for (let depth = 0; element && depth < 8; depth++, element = element.parentElement) {
    if (element.querySelector(heading)) return element;
  }
  return null;
}

/** The shown name under `root`: the first title alternative, as text (trimmed, capped). */
export function titleIn(root: Element | null, titles: readonly string[]): string | null {
  return root ? textOf(firstMatch(root, titles)) : null;
}
