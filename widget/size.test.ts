import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOADER_BUDGET, TOTAL_BUDGET, buildWidget, describeBuild } from './build';

const SRC = join(import.meta.dirname, 'src');

// Budgets of issue #5, checked on a fresh in-memory build (nothing written), gzip level 9.
describe('widget size budget', () => {
  it('keeps the loader within 2 KB and all widget scripts within 15 KB, gzipped', async () => {
    const build = await buildWidget({ write: false });
    console.log(describeBuild(build));
    expect(build.loader.gzip, 'loader, gzip -9 bytes').toBeLessThanOrEqual(LOADER_BUDGET);
    expect(build.totalGzip, 'all scripts, gzip -9 bytes').toBeLessThanOrEqual(TOTAL_BUDGET);
  });

  it('ships no eval and no Function constructor', async () => {
    const { loader, ui } = await buildWidget({ write: false });
    for (const file of [loader, ui]) expect(new TextDecoder().decode(file.code), file.name).not.toMatch(/\beval\(|new Function\(|\bFunction\(["']/);
  });

  it('writes no HTML strings, inline handlers or style attributes in its own code (CSP and Trusted Types)', async () => {
    const sources = (await readdir(SRC, { recursive: true })).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));
    expect(sources.length).toBeGreaterThan(10);
    for (const file of sources) {
      // Comments may name what the code avoids; only code counts.
      const code = (await readFile(join(SRC, file), 'utf8')).replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
      expect(code, file).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write|\bstyle=\{|setAttribute\(['"](on\w+|style)['"]/);
    }
  });
});
