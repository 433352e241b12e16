import { browser } from 'wxt/browser';
import type { BookRequest, BookResponses, ChangeMessage, Reply } from './protocol';

/** Name of the port on which the background pushes book changes to open sidebars. */
export const CHANGES_PORT = 'clientela:book-changes';

/** Asks the background; throws with the background's own words when it refuses. */
export async function askBackground<R extends BookRequest>(request: R): Promise<BookResponses[R['type']]> {
  const reply = (await browser.runtime.sendMessage(request)) as Reply<BookResponses[R['type']]> | undefined;
  if (!reply) throw new Error('Clientela’s background did not answer');
  if (!reply.ok) throw new Error(reply.error);
  return reply.data;
}

/** Narrows what arrives on the changes port; it comes from our own background, so a shape check is enough. */
export function isChangeMessage(message: unknown): message is ChangeMessage {
  return typeof message === 'object' && message !== null && (message as ChangeMessage).type === 'book/changed';
}
