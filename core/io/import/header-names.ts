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
