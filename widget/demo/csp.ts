/**
 * The strict Content-Security-Policy of the demo store, sent both as a header and in a <meta> tag. It is the
 * policy widget/README.md tells stores they can keep: nonce-based scripts and styles, nothing inline without the
 * nonce, no eval, and the collector as the only place the page may connect to. It leaves out directives a <meta>
 * policy ignores with a console warning (frame-ancestors, report-uri, sandbox), so both copies stay identical.
 */
export function demoCsp(nonce: string, collectorOrigin: string): string {
  // Both values end up in a header: refuse anything that could smuggle in another directive or header line.
  if (!/^[A-Za-z0-9+/_=-]{8,}$/.test(nonce)) throw new Error(`not a CSP nonce: ${nonce}`);
  if (!/^https?:\/\/[A-Za-z0-9.-]+(:\d+)?$/.test(collectorOrigin)) throw new Error(`not an origin: ${collectorOrigin}`);
  return [
    "default-src 'none'",
    `script-src 'self' 'nonce-${nonce}'`,
    `style-src 'self' 'nonce-${nonce}'`,
    `connect-src ${collectorOrigin}`,
    "img-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
