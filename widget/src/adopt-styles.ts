/**
 * Gives a shadow root its CSS without any inline style attribute.
 *
 * Constructable stylesheets (`adoptedStyleSheets`) are not subject to the page's `style-src`, so they work under a
 * strict CSP with nothing to allow. Browsers without them (Safari < 16.4, Firefox < 101) get a `<style>` element
 * carrying the nonce of our own script tag, which a nonce-based `style-src` accepts.
 */
export function adoptStyles(root: ShadowRoot, css: string, nonce: string): void {
  const sheets = root.adoptedStyleSheets;
  // Engines shipped adoptedStyleSheets together with constructable sheets (Chrome 73, Firefox 101, Safari 16.4).
  if (sheets) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    // Invariant: the loader adopts exactly one sheet and the UI one more. Indexing, not spread or concat: the
    // host page may have replaced the array iterator or Array.prototype methods. Older engines expose a frozen
    // array, hence the reassignment.
    root.adoptedStyleSheets = sheets[0] ? [sheets[0], sheet] : [sheet];
    return;
  }
  const style = document.createElement('style');
  if (nonce) style.nonce = nonce;
  style.textContent = css;
  root.appendChild(style);
}
