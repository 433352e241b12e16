// Mozilla's own linter (web-ext lint = addons-linter, what addons.mozilla.org runs on upload) on the built Firefox
// add-on: no error and no warning. Offline: the programmatic API runs the linter alone (the CLI would also ask
// the npm registry for a newer web-ext).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import webExt, { type LintMessage } from 'web-ext';
import { describe, expect, it, vi } from 'vitest';

const FIREFOX_BUILD = resolve(import.meta.dirname, '../../.output/firefox-mv2');

const describeMessage = (m: LintMessage) => `${m.code} ${m.file ?? ''}${m.line ? `:${m.line}:${m.column ?? 0}` : ''} — ${m.message}${m.description ? `: ${m.description}` : ''}`;

describe('the Firefox build', () => {
  it('passes web-ext lint with 0 errors and 0 warnings', async () => {
    expect(existsSync(resolve(FIREFOX_BUILD, 'manifest.json')), 'no .output/firefox-mv2: run npm run build:firefox').toBe(true);
    const print = vi.spyOn(console, 'log').mockImplementation(() => undefined); // the linter also prints its JSON
    const result = await webExt.cmd.lint({ sourceDir: FIREFOX_BUILD, output: 'json', boring: true }, { shouldExitProgram: false }).finally(() => print.mockRestore());
    expect([...result.errors, ...result.warnings].map(describeMessage)).toEqual([]);
    expect(result.summary).toMatchObject({ errors: 0, warnings: 0 });
  });
});
