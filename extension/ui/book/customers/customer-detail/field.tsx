import type { ComponentChildren } from 'preact';

/**
 * A labelled input with its error beside it: the label names the input alone (`for`), and the error is tied to it
 * by `aria-describedby` (the input takes `errorId(id)` when `error` is set), so a screen reader hears both.
 */
export function Field({ id, label, error, children }: { id: string; label: string; error?: string | null; children: ComponentChildren }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children}
      {error && (
        <span class="field-error" id={errorId(id)}>
          {error}
        </span>
      )}
    </div>
  );
}

export const errorId = (id: string): string => `${id}-error`;

/** The attributes an input in a Field takes: its id, and its error's when there is one. */
export function fieldInput(id: string, error: string | null | undefined): { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string } {
  return error ? { id, 'aria-invalid': true, 'aria-describedby': errorId(id) } : { id, 'aria-invalid': false };
}
