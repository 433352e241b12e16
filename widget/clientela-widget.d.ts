/**
 * Clientela storefront feedback widget — the public surface of `clientela-widget.js`.
 *
 * One tag on the store's page (all attributes are described in {@link ClientelaScriptAttributes}):
 *
 * ```html
 * <script>
 *   window.clientela = window.clientela || function () { (clientela.q = clientela.q || []).push(arguments); };
 * </script>
 * <script async src="https://collector.example/clientela-widget.js" data-site="SITE_KEY"
 *         data-endpoint="https://collector.example" data-locale="pt-BR"></script>
 * ```
 *
 * The first script is the optional queue stub: calls made before the widget loads are kept in `clientela.q` and
 * replayed, in order, when it arrives. Nothing is stored in the visitor's browser (no cookie, no localStorage)
 * until they submit feedback.
 */

/** What the store knows about a signed-in visitor: `clientela('identify', …)`. */
interface ClientelaIdentity {
  /** Prefills the email field. Sent only if the visitor ticks the consent box. */
  email?: string;
  /** Prefills the phone field. Sent only if the visitor ticks the consent box. */
  phone?: string;
  /** Sent with the contact (only with consent); never shown in a field. */
  name?: string;
  /**
   * HMAC the store's backend computed over this contact with its collector secret, so the collector can mark the
   * feedback as coming from a verified customer. Passed through untouched, only together with the contact.
   */
  token?: string;
}

/** The order a post-purchase ask is about: `clientela('thankyou', …)`. */
interface ClientelaThankYou {
  /** The store's order id (up to 100 characters); shown to the visitor and sent with the feedback. */
  orderId: string | number;
}

/** The global `clientela` function, installed by the loader (or the queue stub until it arrives). */
interface ClientelaFunction {
  /** Shows the widget: launcher mode opens the dialog; inline mode moves focus to the first question. */
  (command: 'open'): void;
  /** Tells the widget who the visitor is. May be called before or after the widget loads; the last call wins. */
  (command: 'identify', identity: ClientelaIdentity): void;
  /**
   * Post-purchase ask: attaches the order id and, in launcher mode, opens the dialog. In inline mode the form is
   * already on the page, so only the order is attached (focus is not moved on page load).
   */
  (command: 'thankyou', order: ClientelaThankYou): void;
  /** Calls queued by the stub before the loader arrived. */
  q?: ArrayLike<IArguments>;
}

/**
 * The `data-*` attributes of the widget's `<script>` tag. Unknown values fall back to the default; a missing
 * `data-site` or `data-endpoint` makes the widget log a warning and stay out of the page.
 */
interface ClientelaScriptAttributes {
  /** Required. The store's public site key in the collector. */
  'data-site': string;
  /**
   * Required. The collector's base URL (absolute http or https; a trailing slash is ignored). Feedback is POSTed
   * to `${data-endpoint}/v1/feedback`; the store's CSP must allow it in `connect-src`.
   */
  'data-endpoint': string;
  /**
   * Language of the widget.
   * @default 'pt-BR'
   * Any tag is accepted: `pt`/`pt-BR` → pt-BR; other Portuguese (`pt-PT`, `pt-AO`, …) → pt-PT; `es-*` → es;
   * `en-*` → en; anything else → pt-BR.
   */
  'data-locale'?: 'pt-BR' | 'pt-PT' | 'es' | 'en' | (string & {});
  /**
   * `launcher`: a button in a corner opens a modal dialog. `inline`: the form sits in the page (see
   * `data-target`), in a box whose height is reserved up front — CSS custom property `--clientela-height` on the
   * `clientela-widget` element, default 560px — so the page never shifts when it loads.
   * @default 'launcher'
   */
  'data-mode'?: 'launcher' | 'inline';
  /**
   * Corner of the launcher button (and of the dialog). Launcher mode only.
   * @default 'bottom-right'
   */
  'data-position'?: 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';
  /**
   * Inline mode only: CSS selector of the element the form goes into (appended as its last child).
   * @default none — the form goes right after the script tag itself.
   */
  'data-target'?: string;
  /**
   * Which question(s): `csat` (1–5 stars), `nps` (0–10) or `both` (one submission per answered score).
   * @default 'csat'
   */
  'data-ask'?: 'csat' | 'nps' | 'both';
}

// A script tag's global must be a `var` to also appear as `window.clientela`.
// eslint-disable-next-line no-var
declare var clientela: ClientelaFunction;
