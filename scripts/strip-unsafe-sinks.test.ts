import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SINK_EDITS, applySinkEdits } from './strip-unsafe-sinks';

const ROOT = resolve(import.meta.dirname, '..');

describe('strip-unsafe-sinks', () => {
  for (const edit of SINK_EDITS) {
    it(`still matches the installed library exactly once: ${edit.why}`, async () => {
      const file = resolve(ROOT, edit.file.slice(1));
      const code = await readFile(file, 'utf8');
      const edited = applySinkEdits(file, code)!;
      expect(edited).toContain(edit.replace);
      expect(edited.match(edit.find)).toBeNull();
    });
  }

  it('leaves no innerHTML write and no Function constructor in the edited files', async () => {
    for (const file of new Set(SINK_EDITS.map((edit) => edit.file))) {
      const path = resolve(ROOT, file.slice(1));
      const edited = applySinkEdits(path, await readFile(path, 'utf8'))!;
      expect(edited, file).not.toMatch(/\.innerHTML\s*=[^=]|\bFunction\s*\(|=\s*Function\b/);
    }
  });

  it('refuses to build when an edit no longer matches (a library upgrade changed the code)', () => {
    expect(() => applySinkEdits('/x/node_modules/zod/v4/core/util.js', 'export const allowsEval = 1;')).toThrow(/expected 1 match/);
  });

  it('leaves other files alone', () => {
    expect(applySinkEdits('/x/node_modules/preact/hooks/dist/hooks.mjs', 'a.innerHTML=b.__html')).toBeNull();
  });
});
