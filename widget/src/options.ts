/**
 * The widget's options, read from its own `<script>` tag's data-* attributes. Defaults are the values documented
 * in `clientela-widget.d.ts`; an unknown value falls back to the default rather than failing, because a typo in a
 * store's template must not take the widget (or the page) down. Only `data-site` and `data-endpoint` are required.
 *
 * Read in two steps: the loader reads only what it needs to draw the launcher (`readLoaderOptions`; bytes count
 * there), and the UI bundle completes that reading with the endpoint and the questions (`completeOptions`).
 * Each attribute is read by exactly one function, so the two bundles can never disagree.
 */

export type Mode = 'launcher' | 'inline';
export type Position = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';
export type Ask = 'csat' | 'nps' | 'both';
export type Locale = 'pt-BR' | 'pt-PT' | 'es' | 'en';

/** What the loader needs: where and how to draw, and whose outbox to look at. */
export interface LoaderOptions {
  /** Public site key of the store in the collector. */
  site: string;
  locale: Locale;
  mode: Mode;
  position: Position;
  /** CSS selector of the element that receives the inline widget; null: right after the script tag. */
  target: string | null;
}

export interface WidgetOptions extends LoaderOptions {
  /** Collector base URL without a trailing slash; submissions go to `${endpoint}/v1/feedback`. */
  endpoint: string;
  ask: Ask;
}

/** Reads `data-<name>` of the widget's script tag. */
export type Attr = (name: string) => string | null | undefined;

/**
 * `value` when it is one of the `|`-separated `allowed` words, else the first word (the default). A string rather
 * than an array: no Array.prototype method the host page might have replaced, and fewer bytes in the loader.
 */
function pick<T extends string>(value: string | null | undefined, allowed: string): T {
  return (value && ('|' + allowed + '|').indexOf('|' + value + '|') >= 0 ? value : allowed.split('|')[0]) as T;
}

/**
 * Maps any language tag to one we translate. Brazil is the default market, so bare `pt` is pt-BR; every other
 * Portuguese variant (pt-PT, pt-AO, pt-MZ…) follows European spelling, so it gets pt-PT.
 */
export function matchLocale(tag: string | null | undefined): Locale {
  const t = (tag || '').toLowerCase();
  return /^es(-|$)/.test(t) ? 'es' : /^en(-|$)/.test(t) ? 'en' : /^pt-(?!br)/.test(t) ? 'pt-PT' : 'pt-BR';
}

/** Absolute http(s) URL without query or hash → the same without trailing slashes; otherwise null. */
export function normalizeEndpoint(raw: string | null | undefined): string | null {
  return /^https?:\/\/[^\s/?#]+[^\s?#]*$/i.test(raw || '') ? raw!.replace(/\/+$/, '') : null;
}

/** The loader's subset. Returns the options or a message saying what is wrong. */
export function readLoaderOptions(attr: Attr): LoaderOptions | string {
  const get = (name: string) => (attr('data-' + name) || '').trim();
  const site = get('site');
  // The endpoint is only checked for presence here; its URL form is checked by readOptions in the UI bundle.
  if (!site || !get('endpoint')) return 'data-site and data-endpoint are required';
  return {
    site,
    locale: matchLocale(get('locale')),
    mode: pick<Mode>(get('mode'), 'launcher|inline'),
    position: pick<Position>(get('position'), 'bottom-right|bottom-left|top-right|top-left'),
    target: get('target') || null,
  };
}

/** Adds what only the UI needs to the loader's reading: the endpoint (validated) and the questions to ask. */
export function completeOptions(basics: LoaderOptions, attr: Attr): WidgetOptions | string {
  const endpoint = normalizeEndpoint((attr('data-endpoint') || '').trim());
  if (!endpoint) return 'data-endpoint must be an http(s) URL';
  return { ...basics, endpoint, ask: pick<Ask>((attr('data-ask') || '').trim(), 'csat|nps|both') };
}

/** Every option, validated (the loader's reading completed). Returns the options or what is wrong. */
export function readOptions(attr: Attr): WidgetOptions | string {
  const basics = readLoaderOptions(attr);
  return typeof basics === 'string' ? basics : completeOptions(basics, attr);
}

/** localStorage key of the outbox of one site (shared by the loader, which only reads it, and the sender). */
export function outboxKey(site: string): string {
  return 'clientela:outbox:' + site;
}
