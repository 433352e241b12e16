// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UI_FILE, boot } from './boot';
import { UI_ENTRY_KEY, type StartUi, type WidgetContext } from './handoff';

type TestWindow = Window & typeof globalThis & { happyDOM?: { settings: Record<string, unknown> } };
const w = window as TestWindow;
/** window.clientela as the page sees it before and after the loader (the public d.ts types only the "after"). */
const slot = window as unknown as { clientela?: unknown };
const LOADER_URL = 'https://cdn.example/widget/clientela-widget.js';
const UI_URL = 'https://cdn.example/widget/' + UI_FILE;

/** Puts the store's tag (and optionally the queue stub with calls) on the page, the way a store would. */
function page(attrs: Record<string, string>, queued: unknown[][] = []) {
  if (queued.length) {
    const stub = (...args: unknown[]) => (stub.q = stub.q || []).push(args);
    stub.q = [] as unknown[][];
    for (const call of queued) stub(...call);
    slot.clientela = stub;
  }
  const script = document.createElement('script');
  for (const [name, value] of Object.entries({ src: LOADER_URL, 'data-site': 'demo', 'data-endpoint': 'https://collector.example', ...attrs })) script.setAttribute(name, value);
  // happy-dom has no `nonce` IDL attribute; browsers expose the tag's nonce only through it.
  Object.defineProperty(script, 'nonce', { value: 'abc123', configurable: true });
  document.body.appendChild(script);
  return script;
}

const injected = () => [...document.querySelectorAll('script')].filter((s) => s.getAttribute('src') === UI_URL);
const host = () => document.querySelector('clientela-widget');
const launcher = () => host()?.shadowRoot?.querySelector('button') ?? null;

/** What the UI bundle would leave on window; records how the loader drives it. */
function fakeUi() {
  const calls: string[] = [];
  let ctx: WidgetContext | undefined;
  const start: StartUi = (context) => {
    ctx = context;
    calls.push('start');
    return { open: () => calls.push('open'), refresh: () => calls.push('refresh') };
  };
  (w as unknown as Record<symbol, StartUi>)[Symbol.for(UI_ENTRY_KEY)] = start;
  return { calls, context: () => ctx };
}
const loadInjected = () => injected().forEach((s) => s.dispatchEvent(new Event('load')));
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the loader', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
    document.head.innerHTML = '';
    delete slot.clientela;
    delete (w as unknown as Record<symbol, unknown>)[Symbol.for(UI_ENTRY_KEY)];
    localStorage.clear();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    // happy-dom runs no script files: have it report them loaded, as a browser would (the fake UI stands in).
    w.happyDOM!.settings.handleDisabledFileLoadingAsSuccess = true;
  });
  afterEach(() => vi.restoreAllMocks());

  it('draws only the launcher, fetches no UI and stores nothing until the visitor reaches for it', () => {
    page({});
    boot(w, document);
    expect(launcher()?.textContent).toBe('Dê sua opinião');
    expect(launcher()?.getAttribute('aria-expanded')).toBe('false');
    expect(launcher()?.getAttribute('aria-haspopup')).toBe('dialog');
    expect(host()?.parentNode).toBe(document.body);
    expect(injected()).toHaveLength(0);
    expect(localStorage.length).toBe(0);
    expect(document.cookie).toBe('');
  });

  it.each(['pointerenter', 'focus'])('prefetches the UI from its own folder, with its own nonce, on %s', async (type) => {
    page({ 'data-position': 'top-left', 'data-locale': 'en' });
    boot(w, document);
    expect(launcher()?.className).toBe('l top left');
    expect(launcher()?.textContent).toBe('Give feedback');
    launcher()?.dispatchEvent(new Event(type));
    await settle();
    expect(injected()).toHaveLength(1);
    expect(injected()[0]?.nonce).toBe('abc123');
    expect(injected()[0]?.async).toBe(true);
  });

  it('opens on click, once the UI has loaded, and passes the tag to it', async () => {
    const ui = fakeUi();
    page({ 'data-ask': 'both' });
    boot(w, document);
    launcher()?.click();
    await settle();
    loadInjected();
    await settle();
    expect(ui.calls).toEqual(['start', 'open']);
    const ctx = ui.context();
    expect(ctx?.options).toMatchObject({ site: 'demo', mode: 'launcher', locale: 'pt-BR' });
    expect(ctx?.attr('data-ask')).toBe('both');
    expect(ctx?.nonce).toBe('abc123');
    expect(ctx?.launcher).toBe(launcher());
  });

  it('replays the queue: identify is remembered, thankyou attaches the order and opens', async () => {
    const ui = fakeUi();
    page({}, [['identify', { email: 'ana@example.com' }], ['thankyou', { orderId: '1042' }]]);
    boot(w, document);
    await settle();
    expect(injected()).toHaveLength(1); // thankyou wants the widget shown: fetched without any hover
    loadInjected();
    await settle();
    expect(ui.calls).toEqual(['start', 'open']);
    expect(ui.context()).toMatchObject({ identity: { email: 'ana@example.com' }, order: { orderId: '1042' } });
    clientela('identify', { email: 'outra@example.com' });
    await settle();
    expect(ui.calls).toEqual(['start', 'open', 'refresh']);
    expect(ui.context()?.identity).toEqual({ email: 'outra@example.com' });
  });

  it('inline: reserves the box in the target at once and fetches the UI without waiting', async () => {
    const target = document.createElement('div');
    target.id = 'avaliacao';
    document.body.appendChild(target);
    page({ 'data-mode': 'inline', 'data-target': '#avaliacao' });
    boot(w, document);
    await settle();
    expect(host()?.parentNode).toBe(target);
    expect(launcher()).toBeNull();
    const css = [...(host()?.shadowRoot?.adoptedStyleSheets ?? [])].map((sheet) => [...sheet.cssRules].map((r) => r.cssText).join('')).join('');
    expect(css).toMatch(/height:\s*var\(--clientela-height,\s*560px\)\s*!important/);
    expect(injected()).toHaveLength(1);
  });

  it('inline without data-target: the box goes right after the tag', () => {
    const script = page({ 'data-mode': 'inline' });
    boot(w, document);
    expect(script.nextSibling).toBe(host());
  });

  it('fetches the UI at once when an earlier page left a submission in the outbox', async () => {
    localStorage.setItem('clientela:outbox:demo', '{"x":{}}');
    page({});
    boot(w, document);
    await settle();
    expect(injected()).toHaveLength(1);
  });

  it('stays out of the page, with a warning, when the tag lacks its site or endpoint', () => {
    page({ 'data-site': '' });
    boot(w, document);
    expect(host()).toBeNull();
    expect(slot.clientela).toBeUndefined();
    expect(console.warn).toHaveBeenCalledWith('clientela:', expect.stringContaining('data-site'));
  });

  it('installs once even when the tag is pasted twice', () => {
    page({});
    boot(w, document);
    boot(w, document);
    expect(document.querySelectorAll('clientela-widget')).toHaveLength(1);
  });

  it('lets a click try again after the UI failed to load', async () => {
    page({});
    boot(w, document);
    w.happyDOM!.settings.handleDisabledFileLoadingAsSuccess = false; // the UI file fails
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    launcher()?.click();
    await settle();
    expect(injected()).toHaveLength(0); // the failed tag is gone
    expect(console.warn).toHaveBeenCalledWith('clientela:', expect.objectContaining({ message: expect.stringContaining('could not load') }));
    w.happyDOM!.settings.handleDisabledFileLoadingAsSuccess = true;
    launcher()?.click();
    await settle();
    expect(injected()).toHaveLength(1);
  });
});
