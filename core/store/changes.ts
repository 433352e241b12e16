import type { BookStoreName } from './schema';

/** What a committed write touched, so open views can refresh what they show. */
export interface BookChange {
  stores: BookStoreName[];
  /** Customers whose profile may look different now; empty when the write was book-wide (a restore). */
  customerIds: string[];
  /** True for writes that replaced everything (restore, erase of all): views should reload whole. */
  wholeBook?: boolean;
}

/** `here`: written through this context's book; `elsewhere`: heard from another context of the extension. */
export type ChangeOrigin = 'here' | 'elsewhere';
export type ChangeListener = (change: BookChange, origin: ChangeOrigin) => void;

/**
 * Delivers change notifications to listeners in this context and, through a BroadcastChannel named after the
 * database, to every other context of the same origin (the background and each open extension page).
 */
export class ChangeFeed {
  private readonly listeners = new Set<ChangeListener>();
  private readonly channel: BroadcastChannel | null;

  constructor(databaseName: string) {
    this.channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(`clientela:${databaseName}`) : null;
    this.channel?.addEventListener('message', (event: MessageEvent<BookChange>) => this.deliver(event.data, 'elsewhere'));
  }

  /** Announces a committed write here and everywhere else. Call only after the transaction is done. */
  publish(change: BookChange): void {
    this.deliver(change, 'here');
    this.channel?.postMessage(change);
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.listeners.clear();
    this.channel?.close();
  }

  private deliver(change: BookChange, origin: ChangeOrigin): void {
    for (const listener of this.listeners) {
      try {
        listener(change, origin);
      } catch {
        // One broken view must not keep the others from refreshing.
      }
    }
  }
}
