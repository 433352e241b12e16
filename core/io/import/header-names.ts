import type { ImportError } from './types';

/**
 * A header cell as presets name it: lower case, accents and ordinal signs folded (`N.º de venda` → `n.o de venda`),
 * spaces collapsed, a BOM or Excel's text apostrophe dropped.
 */
export function headerKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\ufeff]/g, '')
    .replace(/^'/, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Where each field's column is. `aliases` lists the header names a field may have, best first; `name::2` is the
 * second column of that name (Mercado Livre names two columns `Estado`), also found as SheetJS's `name_1`.
 */
export function findColumns<F extends string>(header: readonly string[], aliases: Readonly<Partial<Record<F, readonly string[]>>>): Partial<Record<F, number>> {
  const places = new Map<string, number[]>();
  header.forEach((cell, index) => {
    const key = headerKey(cell);
    places.set(key, [...(places.get(key) ?? []), index]);
  });
  const columns: Partial<Record<F, number>> = {};
  for (const field of Object.keys(aliases) as F[]) {
    for (const alias of aliases[field] ?? []) {
      const index = columnOf(places, alias);
      if (index !== undefined) {
        columns[field] = index;
        break;
      }
    }
  }
  return columns;
}

function columnOf(places: Map<string, number[]>, alias: string): number | undefined {
  const [name, nth] = alias.split('::') as [string, string | undefined];
  const occurrence = nth === undefined ? 0 : Number(nth) - 1;
  return places.get(name)?.[occurrence] ?? (occurrence > 0 ? places.get(`${name}_${occurrence}`)?.[0] : undefined);
}

/** True when every name is a header cell. */
export function hasColumns(header: readonly string[], names: readonly string[]): boolean {
  const keys = new Set(header.map(headerKey));
  return names.every((name) => keys.has(name));
}

/**
 * The preset's columns with the seller's choices over them: a chosen column replaces the found one, null removes it.
 * A column past the end of the header is reported (to `problems`) and the found one kept.
 */
export function chooseColumns<F extends string>(found: Partial<Record<F, number>>, header: readonly string[], choices: ReadonlyMap<string, number | null>, problems: ImportError[]): Partial<Record<F, number>> {
  if (choices.size === 0) return found;
  const columns = { ...found };
  for (const [field, column] of choices as ReadonlyMap<F, number | null>) {
    if (column === null) delete columns[field];
    else if (column < header.length) columns[field] = column;
    else problems.push({ line: 0, code: 'unknown-column', value: String(column + 1), message: `Column ${column + 1} chosen for ${field} is past the header's ${header.length} columns; the layout's column was kept` });
  }
  return columns;
}
