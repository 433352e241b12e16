import { fill, type Format } from './format';
import type { Messages } from './messages';
import { ScoreRadios } from './score-radios';

interface Props {
  m: Messages;
  f: Format;
  value: number | null;
  onChange(score: number): void;
  errorId: string | undefined;
}

/** NPS, 0–10: the same native radio model as the stars; the meaning of both ends is the group's description. */
export function NpsScale({ m, f, value, onChange, errorId }: Props) {
  return (
    <fieldset aria-describedby={'clt-nps-ends' + (errorId ? ' ' + errorId : '')}>
      <legend>{fill(fill(m.npsLegend, 'min', f.num(0)), 'max', f.num(10))}</legend>
      <div class="nps">
        <ScoreRadios name="clt-nps" from={0} to={10} value={value} onChange={onChange} lit={(score) => value === score} face={(score) => <span>{f.num(score)}</span>} />
      </div>
      <p class="ends" id="clt-nps-ends">
        <span>{f.num(0) + ': ' + m.npsLow}</span>
        <span>{f.num(10) + ': ' + m.npsHigh}</span>
      </p>
    </fieldset>
  );
}
