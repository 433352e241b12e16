import type { CustomFieldValue } from './customer-base';
import type { SegmentCondition } from './rule-conditions';

// The tests each condition kind applies, over any row: a customer's facts (evaluate.ts) or a customer number in
// the fact columns (evaluate-columns.ts), so both paths judge a rule alike.

export type NumberOp = 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte' | 'between' | 'in' | 'notIn' | 'exists';

export const fold = (text: string) => text.trim().toLowerCase();

/** A set field (tags, kinds, signals…) against the listed values, each side normalized by `norm`. */
export function setTest<R, T extends string>(get: (row: R) => readonly T[], op: 'hasAny' | 'hasAll' | 'hasNone', values: readonly string[], norm: (v: string) => string): (row: R) => boolean {
  const wanted = new Set(values.map(norm));
  const hits = (f: R) => {
    let n = 0;
    const seen = new Set<string>();
    for (const v of get(f)) {
      const key = norm(v);
      if (wanted.has(key) && !seen.has(key)) {
        seen.add(key);
        n += 1;
      }
    }
    return n;
  };
  if (op === 'hasAll') return (f) => hits(f) === wanted.size;
  if (op === 'hasAny') return (f) => get(f).some((v) => wanted.has(norm(v)));
  return (f) => !get(f).some((v) => wanted.has(norm(v)));
}

/** One value among choices; a missing value (null) fails eq and in, passes neq and notIn. */
export function choiceTest<R>(get: (row: R) => string | null, op: 'eq' | 'neq' | 'in' | 'notIn', value: string | readonly string[]): (row: R) => boolean {
  const set = new Set(typeof value === 'string' ? [value] : value);
  const positive = op === 'eq' || op === 'in';
  return (f) => {
    const v = get(f);
    return positive ? v !== null && set.has(v) : v === null || !set.has(v);
  };
}

/** A number the row may lack (null): comparisons fail on it, neq and notIn pass, exists tells. */
export function numberTest<R>(get: (row: R) => number | null, op: NumberOp, value: number | boolean | readonly number[]): (row: R) => boolean {
  if (op === 'exists') return (f) => (get(f) !== null) === value;
  if (op === 'neq' || op === 'notIn') {
    const set = new Set(typeof value === 'number' ? [value] : (value as readonly number[]));
    return (f) => {
      const v = get(f);
      return v === null || !set.has(v);
    };
  }
  const test = compare(op, value as number | readonly number[]);
  return (f) => {
    const v = get(f);
    return v !== null && test(v);
  };
}

function compare(op: Exclude<NumberOp, 'exists' | 'neq' | 'notIn'>, value: number | readonly number[]): (v: number) => boolean {
  if (op === 'between') {
    const [low, high] = value as readonly [number, number];
    return (v) => v >= low && v <= high;
  }
  if (op === 'in') {
    const set = new Set(value as readonly number[]);
    return (v) => set.has(v);
  }
  const x = value as number;
  if (op === 'eq') return (v) => v === x;
  if (op === 'gt') return (v) => v > x;
  if (op === 'gte') return (v) => v >= x;
  if (op === 'lt') return (v) => v < x;
  return (v) => v <= x;
}

/**
 * Custom fields: text compares ignoring case and surrounding spaces; numbers and booleans compare exactly;
 * `eq null` matches a missing field; gt/lt/between hold only for numbers; contains only for text.
 */
export function customFieldTest<R>(c: Extract<SegmentCondition, { field: 'customField' }>, fieldsOf: (row: R) => Readonly<Record<string, CustomFieldValue>>): (row: R) => boolean {
  const key = c.key;
  const read = (f: R) => fieldsOf(f)[key] ?? null;
  switch (c.op) {
    case 'exists':
      return (f) => (read(f) !== null && read(f) !== '') === c.value;
    case 'contains': {
      const needle = fold(c.value);
      return (f) => {
        const v = read(f);
        return typeof v === 'string' && v.toLowerCase().includes(needle);
      };
    }
    case 'eq':
    case 'neq': {
      const want = c.value;
      const same = (v: string | number | boolean | null) =>
        typeof want === 'string' && typeof v === 'string' ? fold(v) === fold(want) : v === want;
      return c.op === 'eq' ? (f) => same(read(f)) : (f) => !same(read(f));
    }
    default: {
      const test = compare(c.op, c.value);
      return (f) => {
        const v = read(f);
        return typeof v === 'number' && test(v);
      };
    }
  }
}
