import { fill, type Format } from './format';
import type { Messages } from './messages';

interface Props {
  m: Messages;
  f: Format;
  value: number | null;
  onChange(score: number): void;
  errorId: string | undefined;
}

/** NPS, 0–10: the same native radio model as the stars; the meaning of both ends is the group's description. */
export function NpsScale({ m, f, value, onChange, errorId }: Props) {
  const scores = [];
  for (let n = 0; n <= 10; n++) {
    const score = n;
    scores.push(
      <label key={score} class={value === score ? 'on' : undefined}>
        <input type="radio" class="sr" name="clt-nps" value={String(score)} checked={value === score} onChange={() => onChange(score)} />
        <span>{f.num(score)}</span>
      </label>,
    );
  }
  return (
    <fieldset aria-describedby={'clt-nps-ends' + (errorId ? ' ' + errorId : '')}>
      <legend>{fill(fill(m.npsLegend, 'min', f.num(0)), 'max', f.num(10))}</legend>
      <div class="nps">{scores}</div>
      <p class="ends" id="clt-nps-ends">
        <span>{f.num(0) + ': ' + m.npsLow}</span>
        <span>{f.num(10) + ': ' + m.npsHigh}</span>
      </p>
    </fieldset>
  );
}
