import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

function stylesheets(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return stylesheets(path);
    return entry.name.endsWith('.css') ? [path] : [];
  });
}

/**
 * Where a style rule opens inside another style rule, or a block is left open. Browsers read a missing `}` as CSS
 * nesting, so every rule after it silently stops matching: no error anywhere, only a screen that lost its styles.
 * We write no nested rules (only at-rules such as @media hold rules), so any is that mistake.
 */
function openRules(css: string): string[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' ')).replace(/(["'])(?:\\.|(?!\1)[^\\\n])*\1/g, (quoted) => quoted.replace(/[{}]/g, ' '));
  const problems: string[] = [];
  const open: { kind: 'at' | 'rule'; line: number; prelude: string }[] = [];
  let prelude = '';
  let line = 1;
  for (const char of text) {
    if (char === '\n') line += 1;
    if (char === '{') {
      const name = prelude.trim();
      const parent = open.at(-1);
      if (parent?.kind === 'rule') problems.push(`line ${line}: "${name}" opens inside "${parent.prelude}" (line ${parent.line}): a } is missing`);
      open.push({ kind: name.startsWith('@') ? 'at' : 'rule', line, prelude: name });
      prelude = '';
    } else if (char === '}') {
      if (!open.pop()) problems.push(`line ${line}: } closes nothing`);
      prelude = '';
    } else if (char === ';') prelude = '';
    else prelude += char;
  }
  for (const block of open) problems.push(`line ${block.line}: "${block.prelude}" is never closed`);
  return problems;
}

describe('the stylesheets', () => {
  it('finds a rule left open, as a browser would nest what follows it', () => {
    expect(openRules('.a { color: red; }\n.b::before { content: "}";\n.c { color: blue; }\n')).toEqual([
      'line 3: ".c" opens inside ".b::before" (line 2): a } is missing',
      'line 2: ".b::before" is never closed',
    ]);
    expect(openRules('@media (prefers-color-scheme: dark) {\n  .a { color: red; }\n}\n')).toEqual([]);
  });

  for (const file of stylesheets(ROOT)) {
    it(`${relative(ROOT, file)} closes every rule`, () => {
      expect(openRules(readFileSync(file, 'utf8'))).toEqual([]);
    });
  }
});
