import type { z } from '../zod';

export interface FieldProblem {
  /** Dotted path to the bad field, e.g. `customers[3].identities[0].value`. */
  field: string;
  message: string;
}

/** Thrown when a record fails its schema; the message names every bad field. */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  constructor(
    readonly problems: FieldProblem[],
    readonly what: string,
  ) {
    super(`${what} is invalid: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
  }

  /** The same problems seen from a containing record: `value` becomes `identities[2].value`. */
  within(prefix: string, what: string = this.what): ValidationError {
    return new ValidationError(
      this.problems.map((p) => ({ field: p.field === '(record)' ? prefix : `${prefix}.${p.field}`, message: p.message })),
      what,
    );
  }
}

/** Renders a zod path as `a.b[2].c`, prefixed with `base` when given. */
export function fieldPath(path: readonly PropertyKey[], base = ''): string {
  let out = base;
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(record)';
}

/** zod's issues as field problems, with their paths under `base`. */
export function fieldProblems(error: z.ZodError, base = ''): FieldProblem[] {
  return error.issues.map((issue) => ({ field: fieldPath(issue.path, base), message: issue.message }));
}

/** Parses `value` with `schema` or throws a ValidationError naming each bad field. */
export function parseRecord<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(fieldProblems(result.error), what);
  return result.data;
}
