/**
 * The background tells open extension pages that the collectors' state changed (a pull started, moved a page or
 * ended; a collector was added or removed) on a BroadcastChannel of the extension's origin, the way the book's
 * change feed does: the pull's progress lives only in the background's memory, so no write to the book would say
 * it. A page hearing it asks `collectors/list` again.
 */
const CHANNEL = 'clientela:collectors';

let announcer: BroadcastChannel | null = null;

/** The background's side: one channel for its lifetime. */
export function announceCollectorsChanged(): void {
  if (typeof BroadcastChannel !== 'function') return;
  announcer ??= new BroadcastChannel(CHANNEL);
  announcer.postMessage({ type: 'collectors/changed' });
}

/** A page's side: calls back on each announcement until the returned function is called. */
export function watchCollectors(onChange: () => void): () => void {
  if (typeof BroadcastChannel !== 'function') return () => undefined;
  const channel = new BroadcastChannel(CHANNEL);
  channel.addEventListener('message', () => onChange());
  return () => channel.close();
}
