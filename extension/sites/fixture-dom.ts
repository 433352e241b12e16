import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';

/**
 * Loads a committed fixture page into happy-dom at a site's real URL, running its script (which renders the
 * conversation the way the site does), for adapter unit tests. The real-browser tests use the same fixtures.
 */
export function loadFixture(site: string, file: string, url: string): Window {
  const html = readFileSync(resolve(import.meta.dirname, site, 'fixtures', file), 'utf8');
  const window = new Window({ url, settings: { enableJavaScriptEvaluation: true, disableCSSFileLoading: true } });
  window.document.write(html);
  return window;
}
