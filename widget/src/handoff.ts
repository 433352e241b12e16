import type { Attr, LoaderOptions } from './options';
import type { EarlyGlobals } from './safe-globals';

/**
 * The contract between the loader (`clientela-widget.js`) and the UI bundle (`clientela-widget-ui.js`), which
 * are built and shipped separately. The UI bundle, when evaluated, leaves a `StartUi` function on `window` under
 * `Symbol.for(UI_ENTRY_KEY)` (a symbol: invisible to for-in and unlikely to collide); the loader calls it once.
 * Bump the key's version when this contract changes, so a cached UI of another version is never started.
 */
export const UI_ENTRY_KEY = 'clientela.widget.ui.v1';

export interface WidgetContext {
  /** What the loader read; the UI completes it with completeOptions(options, attr). */
  readonly options: LoaderOptions;
  /** Attribute reader over the loader's script tag (`attr('data-ask')`). */
  readonly attr: Attr;
  /** Nonce of the loader's own script tag ('' when none): for the `<style>` fallback. */
  readonly nonce: string;
  /** Shadow root the loader made; the UI renders inside it, beside the launcher. */
  readonly root: ShadowRoot;
  /**
   * The launcher button (launcher mode): where focus returns when the dialog closes; the UI keeps its
   * aria-expanded in step with the dialog. Null in inline mode.
   */
  readonly launcher: HTMLButtonElement | null;
  /** fetch, JSON and storage as they were when the loader ran (see safe-globals.ts). */
  readonly early: EarlyGlobals;
  /** Raw argument of the last `identify` call. Untrusted: the UI validates it at submit time. */
  identity?: unknown;
  /** Raw argument of the last `thankyou` call. Untrusted, like `identity`. */
  order?: unknown;
}

export interface WidgetUi {
  /** Shows the widget (launcher mode: opens the dialog; inline: focuses the form). */
  open(): void;
  /** Re-renders after `identity` or `order` changed. */
  refresh(): void;
}

export type StartUi = (ctx: WidgetContext) => WidgetUi;
