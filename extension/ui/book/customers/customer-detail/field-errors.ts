import { ValidationError } from '../../../../../core';

/** A failed save in words, by field: `fields` for the inputs that can show it, `other` for the live region. */
export interface SaveProblems {
  fields: Record<string, string>;
  other: string | null;
}

/**
 * Splits an error into the messages of the fields a form shows (a ValidationError names them: `displayName`,
 * `customFields.cpf`) and the rest. `known` are the form's field names; a problem on another field is said in full.
 */
export function problemsOf(error: unknown, known: (field: string) => boolean): SaveProblems {
  if (!(error instanceof ValidationError)) return { fields: {}, other: error instanceof Error ? error.message : String(error) };
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const problem of error.problems) {
    if (known(problem.field)) fields[problem.field] = problem.message;
    else rest.push(`${problem.field}: ${problem.message}`);
  }
  return { fields, other: rest.length > 0 ? rest.join('; ') : null };
}

export const NO_PROBLEMS: SaveProblems = { fields: {}, other: null };
