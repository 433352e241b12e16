// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WidgetContext } from '../handoff';
import { createLauncher } from '../launcher';
import { completeOptions, readLoaderOptions, type LoaderOptions, type WidgetOptions } from '../options';
import { captureEarly, captureLate } from '../safe-globals';
import type { Delivery } from '../send/delivery';
import { App } from './app';

/**
 * A <dialog> as browsers have it (HTML standard, "close the dialog"): close() hides it at once and fires `close`
 * in a later task; an Escape keydown that nobody cancelled is a close request the browser carries out itself.
 * happy-dom fires `close` synchronously and ignores Escape, which would hide the very ordering under test.
 */
function browserLikeDialogs(): void {
  vi.spyOn(HTMLDialogElement.prototype, 'close').mockImplementation(function (this: HTMLDialogElement) {
    if (!this.open) return;
    this.removeAttribute('open');
    setTimeout(() => this.dispatchEvent(new Event('close')), 0);
  });
}

function pressEscape(target: Element, dialog: HTMLDialogElement): void {
  const event = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true, composed: true });
  target.dispatchEvent(event);
  if (!event.defaultPrevented) dialog.close(); // the browser's own handling of Escape on a modal dialog
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

function mount() {
  const attr = (name: string) => ({ 'data-site': 'demo', 'data-endpoint': 'https://collector.example', 'data-locale': 'pt-BR' })[name] ?? null;
  const basics = readLoaderOptions(attr) as LoaderOptions;
  const options = completeOptions(basics, attr) as WidgetOptions;
  const host = document.createElement('clientela-widget');
  document.body.appendChild(host);
  const root = host.attachShadow({ mode: 'open' });
  const launcher = createLauncher(document, root, options);
  const early = captureEarly(window);
  const ctx: WidgetContext = { options: basics, attr, nonce: '', root, launcher, early };
  const delivery: Delivery = { submit: vi.fn(async () => 'sent' as const), flush: vi.fn(async () => undefined) };
  const container = document.createElement('div');
  root.appendChild(container);
  const draw = (openSeq: number) => render(<App ctx={ctx} options={options} safe={captureLate(early, window)} delivery={delivery} openSeq={openSeq} />, container);
  draw(1);
  const dialog = root.querySelector('dialog')!;
  return { root, launcher, dialog, draw, expanded: () => launcher.getAttribute('aria-expanded') };
}

describe('the launcher follows the dialog', () => {
  beforeEach(() => browserLikeDialogs());
  afterEach(() => {
    vi.restoreAllMocks();
    document.body.replaceChildren();
  });

  it('opening shows the dialog and sets aria-expanded="true" at once', () => {
    const { dialog, expanded } = mount();
    expect(dialog.open).toBe(true);
    expect(expanded()).toBe('true');
  });

  it('Escape hides the dialog, sets aria-expanded="false" and focuses the launcher in the same task', async () => {
    const { root, launcher, dialog, expanded } = mount();
    pressEscape(root.activeElement ?? dialog, dialog);
    expect(dialog.open).toBe(false);
    expect(expanded()).toBe('false');
    expect(root.activeElement).toBe(launcher);
    await nextTask(); // the `close` event, if any, changes nothing more
    expect(expanded()).toBe('false');
  });

  it('the close button hides the dialog and updates the launcher in the same task', () => {
    const { root, dialog, expanded } = mount();
    root.querySelector<HTMLButtonElement>('button.x')!.click();
    expect(dialog.open).toBe(false);
    expect(expanded()).toBe('false');
  });

  it('a close the widget did not start still updates the launcher, on the `close` event', async () => {
    const { dialog, expanded } = mount();
    dialog.close();
    await nextTask();
    expect(expanded()).toBe('false');
  });

  it('a `close` event arriving after the dialog was opened again leaves it expanded', async () => {
    const { root, dialog, draw, expanded } = mount();
    root.querySelector<HTMLButtonElement>('button.x')!.click();
    draw(2); // reopened before the browser fired `close` for the first close
    expect(dialog.open).toBe(true);
    await nextTask();
    expect(expanded()).toBe('true');
  });
});
