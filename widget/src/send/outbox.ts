import type { FeedbackPayload } from './payload';

/** One submission waiting for the collector. The payload (and so its id) never changes once queued. */
export interface OutboxItem {
  payload: FeedbackPayload;
  /** Failed attempts so far. */
  attempts: number;
  /** Epoch ms before which backoff says wait (an `online` event may skip it). */
  nextAt: number;
  /** Epoch ms before which the collector said wait (Retry-After): nothing skips it. */
  holdUntil: number;
  createdAt: number;
}

/** Items by payload id. An object, not an array: Prototype.js-era pages add Array.prototype.toJSON. */
export type OutboxItems = Record<string, OutboxItem>;

export interface OutboxDeps {
  storage: Storage | null;
  stringify: (value: unknown) => string;
  parse: (text: string) => unknown;
  keys: (value: object) => string[];
}

export interface Outbox {
  read(): OutboxItems;
  put(item: OutboxItem): void;
  remove(id: string): void;
}

/** More than this many waiting submissions means something is wrong; the oldest go first. */
export const OUTBOX_LIMIT = 50;

const isNumber = (value: unknown): value is number => typeof value === 'number' && value === value;

function isItem(id: string, value: unknown): value is OutboxItem {
  if (!value || typeof value !== 'object') return false;
  const item = value as OutboxItem;
  const payload = item.payload as Partial<FeedbackPayload> | null;
  return !!payload && typeof payload === 'object' && payload.id === id && isNumber(item.attempts) && isNumber(item.nextAt) && isNumber(item.holdUntil) && isNumber(item.createdAt);
}

/**
 * The outbox in localStorage under `key` (`clientela:outbox:<site>`), re-read on every operation because other
 * tabs of the same store share it. Written only by put/remove, which only run after the visitor submitted.
 * When storage is missing, full or throwing, it carries on in memory for the life of the page.
 */
export function createOutbox(deps: OutboxDeps, key: string): Outbox {
  let memory: OutboxItems | null = deps.storage ? null : {};

  const read = (): OutboxItems => {
    if (memory) return memory;
    const items: OutboxItems = {};
    try {
      const raw = deps.storage!.getItem(key);
      const parsed = raw ? deps.parse(raw) : null;
      if (parsed && typeof parsed === 'object') {
        const ids = deps.keys(parsed);
        for (let i = 0; i < ids.length; i++) {
          const value = (parsed as Record<string, unknown>)[ids[i]!];
          if (isItem(ids[i]!, value)) items[ids[i]!] = value; // anything malformed is dropped, not retried forever
        }
      }
    } catch {
      // Unreadable JSON or storage: treat as empty; the next write replaces it.
    }
    return items;
  };

  const write = (items: OutboxItems): void => {
    if (memory) {
      memory = items;
      return;
    }
    try {
      if (deps.keys(items).length) deps.storage!.setItem(key, deps.stringify(items));
      else deps.storage!.removeItem(key); // leave no trace once everything is delivered
    } catch {
      memory = items; // quota or a storage that refuses writes
    }
  };

  return {
    read,
    put(item) {
      const items = read();
      items[item.payload.id] = item;
      const ids = deps.keys(items);
      if (ids.length > OUTBOX_LIMIT) {
        let oldest = ids[0]!;
        for (let i = 1; i < ids.length; i++) if (items[ids[i]!]!.createdAt < items[oldest]!.createdAt) oldest = ids[i]!;
        delete items[oldest];
      }
      write(items);
    },
    remove(id) {
      const items = read();
      if (!(id in items)) return;
      delete items[id];
      write(items);
    },
  };
}
