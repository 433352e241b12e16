import { ValidationError } from '../../../../core';

/** What went wrong, by field (`''` for the form as a whole), for the form to show beside each input. */
export type FieldErrors = Record<string, string>;

/**
 * The problems of a refused save, by field: a ValidationError names each one; the stores' own checks write
 * `field: message` (`name: a tag named "VIP" already exists`); anything else belongs to the whole form.
 */
export function fieldErrorsOf(error: unknown): FieldErrors {
  if (error instanceof ValidationError) return Object.fromEntries(error.problems.map((problem) => [problem.field, problem.message]));
  const message = error instanceof Error ? error.message : String(error);
  const named = /^([a-zA-Z]+(?:\.[a-zA-Z]+)*): (.+)$/s.exec(message);
  return named ? { [named[1] as string]: named[2] as string } : { '': message };
}

/** The props that tie an input to its error line (`<p id=…>` rendered by FieldError). */
export function invalidProps(errors: FieldErrors, field: string, id: string): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
  return errors[field] === undefined ? {} : { 'aria-invalid': true, 'aria-describedby': `${id}-error` };
}
