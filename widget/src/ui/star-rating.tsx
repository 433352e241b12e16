import type { Format } from './format';
import type { Messages } from './messages';
import { ScoreRadios } from './score-radios';

const STAR = 'M12 2.8l2.8 5.7 6.3.9-4.55 4.45 1.07 6.27L12 17.2l-5.62 2.92 1.07-6.27L2.9 9.4l6.3-.9z';

interface Props {
  m: Messages;
  f: Format;
  value: number | null;
  onChange(score: number): void;
  /** Id of the "choose a score" error while it shows. */
  errorId: string | undefined;
}

/** CSAT, 1–5 stars in a fieldset (see ScoreRadios for the keyboard model); the star drawn is each radio's label. */
export function StarRating({ m, f, value, onChange, errorId }: Props) {
  return (
    <fieldset aria-describedby={errorId}>
      <legend>{m.csatLegend}</legend>
      <div class="stars">
        <ScoreRadios
          name="clt-csat"
          from={1}
          to={5}
          value={value}
          onChange={onChange}
          lit={(score) => value !== null && score <= value}
          face={(score) => (
            <>
              <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                <path d={STAR} />
              </svg>
              <span class="sr">{f.stars(score) + ', ' + m.csatWords[score - 1]}</span>
            </>
          )}
        />
      </div>
      {/* Repeats the checked star's word for sighted visitors; screen readers already heard it with the star. */}
      <p class="word" aria-hidden="true">
        {value === null ? '' : m.csatWords[value - 1]}
      </p>
    </fieldset>
  );
}
