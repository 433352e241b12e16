import { adoptStyles } from './adopt-styles';
import { installCommands, isInstalled } from './command-queue';
import { UI_ENTRY_KEY, type StartUi, type WidgetContext, type WidgetUi } from './handoff';
import { createLauncher, hostCss } from './launcher';
import { outboxKey, readLoaderOptions } from './options';
import { captureEarly } from './safe-globals';

/** File name of the UI bundle; it is always fetched from the loader's own directory. */
export const UI_FILE = 'clientela-widget-ui.js';

type Win = Window & typeof globalThis & { clientela?: unknown };

const warn = (message: unknown): void => console.warn('clientela:', message);
const noop = (): void => undefined;

/**
 * The loader's whole job: read its tag, install `clientela(...)`, draw the launcher (or reserve the inline box),
 * and fetch the UI bundle only when the widget is about to show — or when an earlier page left a submission in
 * the outbox, which only exists because the visitor already submitted. It writes no storage, ever.
 */
export function boot(w: Win, d: Document): void {
  const script = (d.currentScript || d.querySelector('script[data-site]')) as HTMLScriptElement | null;
  if (!script || isInstalled(w)) return;
  const attr = (name: string) => script.getAttribute(name);
  const options = readLoaderOptions(attr);
  if (typeof options === 'string') return warn(options);
  const inline = options.mode === 'inline';
  const nonce = script.nonce || '';
  const host = d.createElement('clientela-widget');
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(root, hostCss(inline), nonce);
  const launcher = inline ? null : createLauncher(d, root, options);
  const ctx: WidgetContext = {
    options,
    attr,
    nonce,
    root,
    launcher,
    early: captureEarly(w),
  };

  // Launcher: end of body. Inline: inside data-target, or right after the script tag when there is none. Tried at
  // once (an inline box reserved early is a box that never shifts the page) and again when the DOM is complete.
  const attached = new Promise<void>((resolve) => {
    const attach = (last?: boolean) => {
      let parent: Node | null = inline ? script.parentNode : d.body;
      if (inline && options.target)
        try {
          parent = d.querySelector(options.target);
        } catch {
          parent = null; // invalid selector: reported like a missing element
        }
      if (parent) {
        parent.insertBefore(host, inline && !options.target ? script.nextSibling : null);
        resolve();
      } else if (last) warn('no element for data-target ' + options.target);
      return parent;
    };
    if (attach()) return;
    if (d.readyState === 'loading') d.addEventListener('DOMContentLoaded', () => attach(true));
    else attach(true);
  });

  const uiUrl = new URL(UI_FILE, script.src || d.baseURI).href;
  let ui: Promise<WidgetUi> | undefined;
  const inject = () =>
    new Promise<void>((resolve, reject) => {
      const tag = d.createElement('script');
      tag.async = true;
      if (nonce) tag.nonce = nonce; // the page's script-src trusts this nonce; the UI inherits it
      tag.onload = () => resolve();
      tag.onerror = () => {
        ui = undefined; // let a later click try again
        tag.remove();
        reject(Error('could not load ' + uiUrl));
      };
      // A plain string: a page enforcing Trusted Types (require-trusted-types-for) would refuse it (see README).
      tag.src = uiUrl;
      d.head.appendChild(tag); // parsers always create <head>
    });
  const load = (): Promise<WidgetUi> =>
    ui ||
    (ui = attached.then(inject).then(() => {
      const start = (w as unknown as Record<symbol, StartUi | undefined>)[Symbol.for(UI_ENTRY_KEY)];
      if (typeof start !== 'function') throw Error('UI version mismatch');
      return start(ctx);
    }));
  const show = () => void load().then((widget) => widget.open(), warn);

  const refresh = () => ui && ui.then((widget) => widget.refresh(), noop);
  installCommands(w, (name, arg) => {
    if (name === 'identify') {
      ctx.identity = arg;
      refresh();
    } else if (name === 'thankyou') {
      ctx.order = arg;
      // Inline, the form is already on the page: attaching the order must not pull focus on page load.
      if (inline) refresh();
      else show();
    } else if (name === 'open') show();
    else warn('unknown command ' + name);
  });

  if (launcher) {
    const prefetch = () => void load().catch(noop);
    launcher.addEventListener('pointerenter', prefetch);
    launcher.addEventListener('focus', prefetch);
    launcher.addEventListener('click', show);
  }
  if (inline) void load().catch(warn);
  try {
    if (ctx.early.storage && ctx.early.storage.getItem(outboxKey(options.site))) void load().catch(noop);
  } catch {
    // Storage refused to read: nothing queued that we could send anyway.
  }
}
