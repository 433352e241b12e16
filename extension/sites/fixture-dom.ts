import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';

/**
 * Loads a committed fixture page into happy-dom at a site's real URL, running its script (our own committed code, hence the warning is silenced; it renders the
 * conversation the way the site does), for adapter unit tests. The real-browser tests use the same fixtures.
 */
export function loadFixture(site: string, file: string, url: string): Window {
  const html = readFileSync(resolve(import.meta.dirname, site, 'fixtures', file), 'utf8');
  const window = new Window({ url, settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true, disableCSSFileLoading: true } });
  window.document.write(html);
  return window;
}

/** Clicks the innermost element whose whole text is exactly `text`, as a person clicking that text would. */
export function clickText(window: Window, text: string): void {
  const matches = [...window.document.body.querySelectorAll('*')].filter((element) => element.textContent?.trim() === text);
  const innermost = matches.find((element) => !matches.some((other) => other !== element && element.contains(other)));
  if (!innermost) throw new Error(`No element reads exactly "${text}" in ${window.location.href}`);
  (innermost as unknown as { click(): void }).click();
}
