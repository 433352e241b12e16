import type { LoaderOptions, Locale } from './options';

/** The launcher's visible label; the rest of the strings live in the UI bundle (fetched only when shown). */
const LABELS: Record<Locale, string> = {
  'pt-BR': 'Dê sua opinião',
  'pt-PT': 'Dê a sua opinião',
  es: 'Danos tu opinión',
  en: 'Give feedback',
};

/**
 * Host rules come with !important because author rules such as `* { all: unset !important }` also match our host
 * element; for !important declarations the shadow tree's own rules win over the page's. `all` never touches
 * custom properties, so a store can still size the inline widget with `--clientela-height`.
 */
export function hostCss(inline: boolean): string {
  return (
    ':host{all:initial!important;display:block!important' +
    (inline
      ? ';height:var(--clientela-height,560px)!important;contain:content!important}'
      : '}.l{position:fixed;z-index:2147483000;bottom:16px;right:16px;padding:10px 16px;border:2px solid #fff;border-radius:99px;' +
        'background:#0b5d57;color:#fff;font:600 15px system-ui,sans-serif;cursor:pointer;box-shadow:0 2px 9px #0006}' +
        '.l:focus-visible{outline:3px solid #0b5d57;outline-offset:2px}.top{top:16px;bottom:auto}.left{left:16px;right:auto}')
  );
}

/**
 * The launcher: a real button whose visible text is its name (no icon to describe, nothing for a screen reader
 * to guess). Built with DOM calls, no innerHTML, so a page enforcing Trusted Types has nothing to object to.
 */
export function createLauncher(d: Document, root: ShadowRoot, options: LoaderOptions): HTMLButtonElement {
  const button = d.createElement('button');
  // No type="button" needed: in a shadow root the button has no form owner, so it can never submit one.
  button.className = 'l ' + options.position.replace('-', ' '); // 'bottom-left' → classes bottom, left
  button.setAttribute('aria-haspopup', 'dialog');
  button.setAttribute('aria-expanded', 'false');
  button.textContent = LABELS[options.locale];
  root.appendChild(button);
  return button;
}
