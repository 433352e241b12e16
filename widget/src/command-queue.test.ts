import { afterEach, describe, expect, it, vi } from 'vitest';
import { installCommands, isInstalled } from './command-queue';

/** The stub stores paste, verbatim: calls become `arguments` objects in `clientela.q`. */
function pageWithStub(): { clientela?: unknown } {
  const w: { clientela?: unknown } = {};
  const stub = function (this: unknown) {
    // eslint-disable-next-line prefer-rest-params -- this is the stores' snippet, which pushes `arguments`
    ((stub as unknown as { q: IArguments[] }).q = (stub as unknown as { q?: IArguments[] }).q || []).push(arguments);
  };
  w.clientela = stub;
  return w;
}
const call = (w: { clientela?: unknown }, ...args: unknown[]) => (w.clientela as (...a: unknown[]) => void)(...args);

describe('the clientela() queue', () => {
  afterEach(() => {
    delete (Array.prototype as unknown as Record<string, unknown>).foo;
    vi.restoreAllMocks();
  });

  it('replays calls made before the loader, in order, then takes new calls directly', () => {
    const w = pageWithStub();
    call(w, 'identify', { email: 'a@b.co' });
    call(w, 'thankyou', { orderId: '1042' });
    call(w, 'open');
    const seen: unknown[][] = [];
    installCommands(w, (name, arg) => seen.push([name, arg]));
    expect(seen).toEqual([
      ['identify', { email: 'a@b.co' }],
      ['thankyou', { orderId: '1042' }],
      ['open', undefined],
    ]);
    call(w, 'open');
    expect(seen).toHaveLength(4);
    expect(isInstalled(w)).toBe(true);
  });

  it('works without the stub (tag pasted alone)', () => {
    const w: { clientela?: unknown } = {};
    const seen: unknown[] = [];
    installCommands(w, (name) => seen.push(name));
    expect(isInstalled(w)).toBe(true);
    call(w, 'open');
    expect(seen).toEqual(['open']);
  });

  it('keeps going when one queued call throws', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const w = pageWithStub();
    call(w, 'bad');
    call(w, 'open');
    const seen: unknown[] = [];
    installCommands(w, (name) => {
      if (name === 'bad') throw new Error('boom');
      seen.push(name);
    });
    expect(seen).toEqual(['open']);
    expect(console.warn).toHaveBeenCalledOnce();
  });

  it('ignores enumerable junk on Array.prototype (no for-in over the queue)', () => {
    Object.defineProperty(Array.prototype, 'foo', { value: () => 'foo', enumerable: true, configurable: true, writable: true });
    const w = pageWithStub();
    call(w, 'open');
    const seen: unknown[] = [];
    installCommands(w, (name) => seen.push(name));
    expect(seen).toEqual(['open']);
  });

  it('is not fooled by a stub into thinking it is installed', () => {
    expect(isInstalled(pageWithStub())).toBe(false);
    expect(isInstalled({})).toBe(false);
  });
});
