// Shared plumbing of the widget's end-to-end tests: Chromium, what a page reports, and where focus is.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CLIENTELA_CHROMIUM ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

export interface Watched {
  page: Page;
  context: BrowserContext;
  /** Console errors and warnings, uncaught exceptions. */
  problems: string[];
  /** `securitypolicyviolation` events (directive and blocked URI). */
  violations: string[];
  /** Every request the page made, in order. */
  requests: string[];
}

/** A fresh context (empty storage) and page that records everything a strict-CSP test must see stay empty. */
export async function watchedPage(browser: Browser, options: { bypassCSP?: boolean } = {}): Promise<Watched> {
  const context = await browser.newContext({ bypassCSP: options.bypassCSP ?? false, locale: 'pt-BR' });
  const page = await context.newPage();
  const watched: Watched = { page, context, problems: [], violations: [], requests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') watched.problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => watched.problems.push(`pageerror: ${error.message}`));
  page.on('request', (request) => watched.requests.push(`${request.method()} ${request.url()}`));
  // A binding, not a page global: it works whatever the page did to its own globals.
  await page.exposeFunction('__reportViolation', (text: string) => watched.violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (event) => (window as unknown as { __reportViolation(text: string): void }).__reportViolation(`${event.violatedDirective} ${event.blockedURI}`),
      true,
    );
  });
  return watched;
}

export interface Focused {
  /** True when focus is inside the widget's shadow root. */
  inWidget: boolean;
  tag: string;
  id: string;
  className: string;
  name: string | null;
  value: string | null;
}

/** The element that really has focus, looking through shadow roots. */
export function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    let inWidget = false;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) {
      inWidget = inWidget || el.tagName === 'CLIENTELA-WIDGET';
      el = el.shadowRoot.activeElement;
    }
    if (!el) return null;
    return { inWidget, tag: el.tagName.toLowerCase(), id: el.id, className: String(el.className), name: el.getAttribute('name'), value: (el as HTMLInputElement).value ?? null };
  });
}

/** Presses Tab until `match` says yes (or gives up); returns how many presses it took. */
export async function tabUntil(page: Page, match: (f: Focused | null) => boolean, max = 40, key = 'Tab'): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press(key);
    if (match(await focused(page))) return presses;
  }
  throw new Error(`focus never matched after ${max} × ${key}; last: ${JSON.stringify(await focused(page))}`);
}

/** The outbox of the demo site as stored in the page's localStorage (null when absent). */
export function outbox(page: Page, site = 'demo'): Promise<Record<string, { payload: { id: string } }> | null> {
  return page.evaluate((key) => {
    const raw = localStorage.getItem(key);
    return raw === null ? null : (JSON.parse(raw) as Record<string, { payload: { id: string } }>);
  }, `clientela:outbox:${site}`);
}
