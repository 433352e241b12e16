/**
 * References to browser built-ins, kept so the host page cannot swap them under us.
 *
 * Why: the host page is not ours. Analytics wrappers replace `window.fetch` (some drop the init argument, turning
 * our POST into a GET), old libraries replace `JSON.stringify`, and the UI bundle arrives late, after the page has
 * had time to do all that. So the loader — the store's own tag, run early — captures fetch, JSON and storage
 * (`captureEarly`), and the UI adds the less-contested rest when it starts (`captureLate`). Each is wrapped in an
 * arrow so it is never called with a foreign `this` (fetch and setTimeout throw "Illegal invocation" otherwise).
 */
export interface EarlyGlobals {
  fetch: (input: string, init: RequestInit) => Promise<Response>;
  stringify: (value: unknown) => string;
  parse: (text: string) => unknown;
  /** null when storage is unavailable (blocked cookies, sandboxed frame, some private modes). */
  storage: Storage | null;
}

export interface SafeGlobals extends EarlyGlobals {
  keys: (value: object) => string[];
  crypto: Crypto | undefined;
  now: () => number;
  random: () => number;
  setTimeout: (run: () => void, ms: number) => number;
  clearTimeout: (handle: number) => void;
  /** Registers a listener on window (used for `online`). */
  listen: (type: string, run: () => void) => void;
}

// Capture the functions themselves, never their owner objects: `JSON.stringify = …` replaces a property of the
// one JSON object everybody shares, so a reference to JSON would still reach the page's version.
export function captureEarly(w: Window & typeof globalThis): EarlyGlobals {
  const { fetch: f } = w;
  const { stringify, parse } = w.JSON;
  let storage: Storage | null = null;
  try {
    storage = w.localStorage; // the getter itself may throw a SecurityError; we never write here
  } catch {
    // no storage: the outbox lives in memory
  }
  return { fetch: (input, init) => f(input, init), stringify: (v) => stringify(v), parse: (t) => parse(t) as unknown, storage };
}

export function captureLate(early: EarlyGlobals, w: Window & typeof globalThis): SafeGlobals {
  const { setTimeout: st, clearTimeout: ct, addEventListener: add } = w;
  const { keys } = w.Object;
  const { now } = w.Date;
  const { random } = w.Math;
  return {
    ...early,
    keys: (value) => keys(value),
    crypto: w.crypto,
    now: () => now(),
    random: () => random(),
    setTimeout: (run, ms) => st(run, ms),
    clearTimeout: (handle) => ct(handle),
    listen: (type, run) => add.call(w, type, run),
  };
}
