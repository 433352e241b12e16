// A Vite plugin for the extension build: a library module whose whole body is `export default <a JSON value>` is
// emitted as `export default JSON.parse('<the same value>')`. V8 reads a string and JSON.parse far faster than it
// parses and runs an object literal (V8's own advice for literals of 10 kB and more), and every extension page
// pays that cost each time it opens: extension scripts get no code cache. The one such module we ship is
// libphonenumber's `metadata.max.json.js` (157 kB, in the book page's first chunk): as an object literal it cost
// the page ~30 ms of a 2-core machine before its first render. The value is unchanged: the module is only
// rewritten when its text parses as JSON, and the unit test beside compares the two readings.
import type { Plugin } from 'vite';

/** Below this, an object literal costs too little to be worth the rewrite (and the modules are mostly code). */
export const JSON_MODULE_MIN_CHARS = 10_000;

const EXPORTED_VALUE = /^(?:\s*\/\/[^\n]*\n)*\s*export default\s+([[{][\s\S]*[\]}])\s*;?\s*$/;

/** The module rewritten to parse its value from a string, or null when it is not a large `export default <JSON>`. */
export function asJsonParse(code: string): string | null {
  if (code.length < JSON_MODULE_MIN_CHARS) return null;
  const literal = EXPORTED_VALUE.exec(code)?.[1];
  if (literal === undefined) return null;
  let value: unknown;
  try {
    value = JSON.parse(literal);
  } catch {
    return null;
  }
  const text = JSON.stringify(value);
  // String.raw keeps the JSON text byte for byte (its backslashes are not doubled, as in a quoted string); a text
  // that a template cannot hold as is (a backtick or `${`) is quoted instead.
  const source = /`|\$\{/.test(text) ? JSON.stringify(text) : `String.raw\`${text}\``;
  return `export default JSON.parse(${source});\n`;
}

export function jsonModules(): Plugin {
  return {
    name: 'clientela:json-modules',
    transform(code, id) {
      if (!id.includes('/node_modules/') || !/\.m?js(\?|$)/.test(id)) return null;
      const rewritten = asJsonParse(code);
      return rewritten === null ? null : { code: rewritten, map: null };
    },
  };
}
