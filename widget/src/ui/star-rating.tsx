import type { Format } from './format';
import type { Messages } from './messages';

const STAR = 'M12 2.8l2.8 5.7 6.3.9-4.55 4.45 1.07 6.27L12 17.2l-5.62 2.92 1.07-6.27L2.9 9.4l6.3-.9z';

interface Props {
  m: Messages;
  f: Format;
  value: number | null;
  onChange(score: number): void;
  /** Id of the "choose a score" error while it shows. */
  errorId: string | undefined;
}

/**
 * CSAT, 1–5 stars: a native radio group in a fieldset. Native radios give the keyboard model for free — Tab
 * enters the group once, arrow keys move AND select without submitting anything — and every screen reader knows
 * them. The inputs are visually hidden, not removed; the star drawn next to each is its visible label.
 */
export function StarRating({ m, f, value, onChange, errorId }: Props) {
  const stars = [];
  for (let n = 1; n <= 5; n++) {
    const score = n;
    stars.push(
      <label key={score} class={value !== null && score <= value ? 'on' : undefined}>
        <input type="radio" class="sr" name="clt-csat" value={String(score)} checked={value === score} onChange={() => onChange(score)} />
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d={STAR} />
        </svg>
        <span class="sr">{f.stars(score) + ', ' + m.csatWords[score - 1]}</span>
      </label>,
    );
  }
  return (
    <fieldset aria-describedby={errorId}>
      <legend>{m.csatLegend}</legend>
      <div class="stars">{stars}</div>
      {/* Repeats the checked star's word for sighted visitors; screen readers already heard it with the star. */}
      <p class="word" aria-hidden="true">
        {value === null ? '' : m.csatWords[value - 1]}
      </p>
    </fieldset>
  );
}
