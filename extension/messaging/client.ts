import { browser } from 'wxt/browser';
import { fromWire, type BookRequest, type BookResponses, type ChangeMessage, type Reply, type TableUpdatedMessage, type WireReply } from './protocol';

/** Name of the port on which the background pushes book changes to extension pages that do not open the book. */
export const CHANGES_PORT = 'clientela:book-changes';

/**
 * How a screen reaches the book: `ask` runs one request of the protocol, `watch` calls back after every committed
 * write anywhere, `watchTable` after the background's customer table changed. The sidebar frame and the popup
 * answer most requests themselves from the book they open (frame-client.ts); the background answers the rest.
 */
export interface BookClient {
  ask<R extends BookRequest>(request: R): Promise<BookResponses[R['type']]>;
  watch(onChange: (change: ChangeMessage) => void, signal: AbortSignal): void;
  /**
   * Hears the customer table change in the background (`table/query`, `table/ids` and `table/facets` are asked
   * with `ask`) and keeps the service worker awake meanwhile; null after a reconnection (see table-port.ts).
   */
  watchTable(onUpdated: (update: TableUpdatedMessage | null) => void, signal: AbortSignal): void;
}

/** Turns a protocol reply into its data, or an error in the answerer's own words. */
export function unwrapReply<T>(reply: Reply<T> | undefined): T {
  if (!reply) throw new Error('Clientela’s background did not answer');
  if (!reply.ok) throw new Error(reply.error);
  return reply.data;
}

/** Asks the background; throws with the background's own words when it refuses. Extension pages only. */
export async function askBackground<R extends BookRequest>(request: R): Promise<BookResponses[R['type']]> {
  return unwrapReply(fromWire<BookResponses[R['type']]>((await browser.runtime.sendMessage(request)) as WireReply | undefined));
}

/** Narrows what arrives on the changes port; it comes from our own background, so a shape check is enough. */
export function isChangeMessage(message: unknown): message is ChangeMessage {
  return typeof message === 'object' && message !== null && (message as ChangeMessage).type === 'book/changed';
}
