import type { FieldErrors } from './field-errors';

/** The error line of one field (see invalidProps), or nothing when the field is fine. */
export function FieldError({ errors, field, id }: { errors: FieldErrors; field: string; id: string }) {
  const message = errors[field];
  if (message === undefined) return null;
  return (
    <p id={`${id}-error`} class="error field-error">
      {message}
    </p>
  );
}
