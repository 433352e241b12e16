/**
 * The global `clientela(...)` function and the replay of calls made before the loader arrived.
 *
 * Stores paste a stub that pushes each call's `arguments` object onto `clientela.q`. We install the real function
 * first and then replay the queue in order, so a handler that itself calls `clientela(...)` reaches the real one.
 * Invariants: calls run in the order they were made; one bad call never stops the next; indexed loops only (the
 * host page may have added enumerable members to Array.prototype or replaced its iterators).
 */

export type Run = (name: unknown, arg: unknown) => void;

interface Installed {
  (name: string, arg?: unknown): void;
  /** Marks our function so a second copy of the tag on the same page does not install twice. */
  v?: number;
  q?: ArrayLike<ArrayLike<unknown>>;
}

function call(run: Run, name: unknown, arg: unknown): void {
  try {
    run(name, arg);
  } catch (error) {
    console.warn(error);
  }
}

/** True when a loader already replaced the stub (the tag was pasted twice). */
export function isInstalled(w: { clientela?: unknown }): boolean {
  const current = w.clientela as Installed | undefined;
  return typeof current === 'function' && !!current.v;
}

/** Installs `w.clientela` and replays its queue. The caller checks isInstalled() first. */
export function installCommands(w: { clientela?: unknown }, run: Run): void {
  const previous = w.clientela as Installed | undefined;
  const queue = previous && previous.q;
  const api: Installed = (name, arg) => call(run, name, arg);
  api.v = 1;
  w.clientela = api;
  if (queue) for (let i = 0; i < queue.length; i++) {
    const args = queue[i];
    if (args) call(run, args[0], args[1]);
  }
}
