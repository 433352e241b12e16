import type { WireReply } from '../../../messaging/protocol';

/** Rows the first request asks for (table-rows.ts BLOCK_SIZE; kept here so this module imports nothing heavy). */
export const FIRST_BLOCK = 200;

interface Early {
  promise: Promise<WireReply | undefined>;
}

const KEY = '__clientelaFirstRows';
const TODAY_KEY = '__clientelaFirstToday';

/**
 * Whether the page opens on the Clientes list as it opens by default (no search, filter or sort in the address).
 * An empty address opens Hoje (routes.ts HOME), which asks for its own list: only `#/clientes` is the table's.
 */
export function opensOnDefaultList(hash: string): boolean {
  return /^#\/?clientes\/?$/.test(hash);
}

/**
 * Asks the background for the first rows of the default list as the page starts, before the app's scripts are
 * evaluated (~0.25 s at 100k customers on a 2-core machine): the answer arrives while they are. The request
 * names no query, so the background's own defaults (the protocol's schema) make it; the table takes the answer
 * only if it opens on that same query (takeFirstRows).
 */
export function askFirstRows(send: (request: unknown) => Promise<unknown>, hash = location.hash): void {
  if (opensOnToday(hash)) {
    // Hoje, where the book opens: its list is asked for the same way, while the app's scripts are evaluated.
    const promise = send({ type: 'today/list' }) as Promise<WireReply | undefined>;
    promise.catch(() => undefined);
    (globalThis as Record<string, unknown>)[TODAY_KEY] = { promise } satisfies Early;
    return;
  }
  if (!opensOnDefaultList(hash)) return;
  const promise = send({ type: 'table/query', offset: 0, limit: FIRST_BLOCK }) as Promise<WireReply | undefined>;
  // A refusal is the table's own request's business: it asks again.
  promise.catch(() => undefined);
  (globalThis as Record<string, unknown>)[KEY] = { promise } satisfies Early;
}

/** The early answer, once: undefined when none was asked (or it was taken already). */
export function takeFirstRows(): Promise<WireReply | undefined> | undefined {
  const scope = globalThis as Record<string, unknown>;
  const early = scope[KEY] as Early | undefined;
  delete scope[KEY];
  return early?.promise;
}

/** Whether the page opens on Hoje: an empty address (routes.ts HOME) or `#/hoje`. */
export function opensOnToday(hash: string): boolean {
  return /^(#\/?(hoje\/?)?)?$/.test(hash);
}

/** The Hoje list asked for as the page started, once: undefined when none was asked (or it was taken already). */
export function takeFirstToday(): Promise<WireReply | undefined> | undefined {
  const scope = globalThis as Record<string, unknown>;
  const early = scope[TODAY_KEY] as Early | undefined;
  delete scope[TODAY_KEY];
  return early?.promise;
}
