import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JSON_MODULE_MIN_CHARS, asJsonParse } from './json-modules';

const require = createRequire(import.meta.url);
const ROOT = resolve(import.meta.dirname, '..');

describe('json-modules', () => {
  it("rewrites libphonenumber's max metadata to JSON.parse of the same value", async () => {
    const code = await readFile(resolve(ROOT, 'node_modules/libphonenumber-js/metadata.max.json.js'), 'utf8');
    const rewritten = asJsonParse(code)!;
    // One raw template (what JSON.parse is given), holding the JSON text of the value as is.
    const text = /^export default JSON\.parse\(String\.raw`([^`]*)`\);\n$/.exec(rewritten)?.[1];
    expect(text).toBeDefined();
    // The library's own JSON copy of the metadata, as Node reads it: the value is the same, key for key.
    expect(JSON.parse(text!)).toEqual(require('libphonenumber-js/metadata.max.json'));
  });

  it('leaves code alone, and small or non-JSON literals', () => {
    const big = 'x'.repeat(JSON_MODULE_MIN_CHARS);
    expect(asJsonParse(`export default { "a": "${big}" }`)).toBe(`export default JSON.parse(String.raw\`{"a":"${big}"}\`);\n`);
    // What a raw template cannot hold as is is quoted, and still reads back as the same value.
    // Backslashes stay raw: String.raw hands JSON.parse the escape as written.
    const escaped = asJsonParse(`export default { "a": ${JSON.stringify(`${big}\\"\n`)} }`)!;
    expect(JSON.parse(/^export default JSON\.parse\(String\.raw`(.*)`\);\n$/s.exec(escaped)![1]!)).toEqual({ a: `${big}\\"\n` });
    for (const awkward of ['`', '${x}']) {
      const module = asJsonParse(`export default { "a": ${JSON.stringify(big + awkward)} }`)!;
      expect(module).toMatch(/^export default JSON\.parse\("/);
      expect(JSON.parse(JSON.parse(module.slice('export default JSON.parse('.length, -');\n'.length)) as string)).toEqual({ a: big + awkward });
    }
    expect(asJsonParse(`export default { a: "${big}" }`)).toBeNull();
    expect(asJsonParse(`export default { "a": 1 }`)).toBeNull();
    expect(asJsonParse(`export const a = { "a": "${big}" };`)).toBeNull();
    expect(asJsonParse(`import b from './b';\nexport default { "a": "${big}" }`)).toBeNull();
    expect(asJsonParse(`export default [1, 2]; console.log("${big}")`)).toBeNull();
  });
});
