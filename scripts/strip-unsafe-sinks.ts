// A Vite plugin for the extension build: takes out of two libraries the only code that turns strings into markup
// or code, so the Firefox build passes `web-ext lint` (and AMO review) with no warning, and so no reviewer has to
// take our word that the code is unreachable. Each edit is an exact match on the installed library's published
// file; when an upgrade changes that code the build fails, naming the edit to revisit (see the unit test beside).
import type { Plugin } from 'vite';

export interface SinkEdit {
  /** Path suffix of the library file, as Vite resolves it inside node_modules. */
  file: string;
  /** What is replaced (exactly one match expected) and why that is sound. */
  find: RegExp;
  replace: string;
  why: string;
}

export const SINK_EDITS: readonly SinkEdit[] = [
  {
    // Preact's diff writes `dangerouslySetInnerHTML.__html` into `innerHTML` (dist/preact.mjs, minified by Preact:
    // `(t.innerHTML=h.__html)`). Our code never passes that prop (an ESLint rule forbids it), so the branch is
    // dead; if it were ever reached, it now throws instead of parsing HTML.
    file: '/node_modules/preact/dist/preact.mjs',
    find: /\((\w+)\.innerHTML=(\w+)\.__html\)/g,
    replace: '(()=>{throw Error("dangerouslySetInnerHTML is not supported in Clientela")})()',
    why: 'Preact dangerouslySetInnerHTML → innerHTML (web-ext UNSAFE_VAR_ASSIGNMENT)',
  },
  {
    // zod's JIT probe, `new Function("")` in a try (v4/core/util.js `allowsEval`). Answering false is what the probe
    // itself answers under an extension's CSP (no 'unsafe-eval') and what zod does under `jitless`, which
    // core/zod.ts sets before any schema is built: zod then validates with its interpreter.
    file: '/node_modules/zod/v4/core/util.js',
    find: /try\s*\{\s*const F = Function;\s*new F\(""\);\s*return true;\s*\}\s*catch \(_\) \{\s*return false;\s*\}/g,
    replace: 'return false;',
    why: 'zod allowsEval probe → Function("") (web-ext DANGEROUS_EVAL)',
  },
  {
    // The compiler behind that JIT (v4/core/doc.js `Doc.compile`, `new Function(...args, body)`): only called when
    // allowsEval is true, which the edit above makes impossible.
    file: '/node_modules/zod/v4/core/doc.js',
    find: /compile\(\) \{\s*const F = Function;[\s\S]*?return factory\(\.\.\.Object\.values\(this\.closed\)\);\s*\}/g,
    replace: 'compile() { throw Error("zod JIT is off in Clientela (jitless)"); }',
    why: 'zod Doc.compile → new Function(...) (the JIT compiler)',
  },
];

/** Applies the edits for `id` to `code`; throws when an edit does not match exactly once. */
export function applySinkEdits(id: string, code: string): string | null {
  const path = id.replace(/\?.*$/, '').replaceAll('\\', '/');
  const edits = SINK_EDITS.filter((edit) => path.endsWith(edit.file));
  if (!edits.length) return null;
  for (const edit of edits) {
    const matches = code.match(edit.find)?.length ?? 0;
    if (matches !== 1) throw new Error(`strip-unsafe-sinks: ${edit.why}: expected 1 match in ${edit.file}, found ${matches}. The library changed: check the edit still holds.`);
    code = code.replace(edit.find, edit.replace);
  }
  return code;
}

export function stripUnsafeSinks(): Plugin {
  return {
    name: 'clientela:strip-unsafe-sinks',
    transform(code, id) {
      const edited = applySinkEdits(id, code);
      return edited === null ? null : { code: edited, map: null };
    },
  };
}
