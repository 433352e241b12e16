import type { WireReply } from '../../../messaging/protocol';

/** Rows the first request asks for (table-rows.ts BLOCK_SIZE; kept here so this module imports nothing heavy). */
export const FIRST_BLOCK = 200;

interface Early {
  promise: Promise<WireReply | undefined>;
  /** The answer, once it arrived (undefined before, and when the request failed). */
  settled?: WireReply;
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
    const early: Early = { promise };
    promise.then(
      (wire) => {
        early.settled = wire;
      },
      () => undefined,
    );
    (globalThis as Record<string, unknown>)[TODAY_KEY] = early;
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

/**
 * The Hoje list asked for as the page started, if it has arrived: taken (once), so the screen draws its list in
 * its first render. Undefined when none was asked, it is still on its way, or it was taken already.
 */
export function takeArrivedToday(): WireReply | undefined {
  const scope = globalThis as Record<string, unknown>;
  const early = scope[TODAY_KEY] as Early | undefined;
  if (early?.settled === undefined) return undefined;
  delete scope[TODAY_KEY];
  return early.settled;
}

/**
 * Resolves when the Hoje list asked for as the page started has arrived, or after `ms` (then the screen shows
 * that it is on its way): the app waits this long before its first render rather than drawing the page twice.
 */
export function firstTodayArrived(ms: number): Promise<void> {
  const early = (globalThis as Record<string, unknown>)[TODAY_KEY] as Early | undefined;
  if (!early) return Promise.resolve();
  return new Promise<void>((done) => {
    const timer = setTimeout(done, ms);
    const settle = () => {
      clearTimeout(timer);
      done();
    };
    early.promise.then(settle, settle);
  });
}
