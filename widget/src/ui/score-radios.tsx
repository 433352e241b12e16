import type { ComponentChildren } from 'preact';

interface Props {
  /** The radio group's name (one per question). */
  name: string;
  from: number;
  to: number;
  value: number | null;
  onChange(score: number): void;
  /** Whether a score's label is drawn lit (the chosen one; for stars, every one up to it). */
  lit(score: number): boolean;
  /** What the visitor sees (and a screen reader hears) for a score, beside its visually hidden radio. */
  face(score: number): ComponentChildren;
}

/**
 * One native radio per score, `from` to `to`. Native radios give the keyboard model for free — Tab enters the
 * group once, arrow keys move AND select without submitting anything — and every screen reader knows them.
 * The inputs are visually hidden, not removed; `face` draws each one's visible label.
 */
export function ScoreRadios({ name, from, to, value, onChange, lit, face }: Props) {
  const labels = [];
  for (let score = from; score <= to; score++) {
    const chosen = score;
    labels.push(
      <label key={chosen} class={lit(chosen) ? 'on' : undefined}>
        <input type="radio" class="sr" name={name} value={String(chosen)} checked={value === chosen} onChange={() => onChange(chosen)} />
        {face(chosen)}
      </label>,
    );
  }
  return labels;
}
