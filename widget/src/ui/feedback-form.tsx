import { Component, createRef } from 'preact';
import type { Ask } from '../options';
import { COMMENT_MAX, findProblem, type Answers, type Identity } from '../send/payload';
import { ContactFields } from './contact-fields';
import { fill, type Format } from './format';
import type { Messages } from './messages';
import { NpsScale } from './nps-scale';
import { StarRating } from './star-rating';

interface Props {
  m: Messages;
  f: Format;
  ask: Ask;
  /** Prefills the contact fields (still only sent with consent). */
  identity: Identity;
  sending: boolean;
  onSubmit(answers: Answers): void;
}

interface State extends Answers {
  problem: 'score' | 'email' | 'phone' | null;
}

/**
 * The questions. Validation is ours (`noValidate`): one clear message next to the problem, focus moved to it,
 * instead of each browser's own bubble. Enter in a text field submits; arrow keys in a score group never do.
 * (Class components, not hooks: preact/hooks costs ~1 KB gzipped of a 15 KB budget.)
 */
export class FeedbackForm extends Component<Props, State> {
  private form = createRef<HTMLFormElement>();

  constructor(props: Props) {
    super(props);
    const { email, phone } = props.identity;
    this.state = { csat: null, nps: null, comment: '', consent: false, email: email || '', phone: phone || '', hp: '', problem: null };
  }

  override componentDidUpdate(previous: Props): void {
    // identify() may come after the form is on screen (inline mode loads at once): fill what is still empty.
    const { email, phone } = this.props.identity;
    const fill: Partial<Answers> = {};
    if (email && email !== previous.identity.email && !this.state.email) fill.email = email;
    if (phone && phone !== previous.identity.phone && !this.state.phone) fill.phone = phone;
    if (fill.email || fill.phone) this.setState(fill);
  }

  private set(change: Partial<Answers>): void {
    this.setState({ ...change, problem: null });
  }

  private submit(event: Event): void {
    event.preventDefault();
    const { ask, sending, onSubmit } = this.props;
    const { problem: _problem, ...answers } = this.state;
    if (sending) return;
    const problem = findProblem(answers, ask);
    this.setState({ problem });
    if (!problem) return onSubmit(answers);
    const form = this.form.current;
    const target = form && form.querySelector<HTMLElement>(problem === 'score' ? 'input[type=radio]' : '#clt-' + problem);
    if (target) target.focus();
  }

  override render({ m, f, ask, sending }: Props, state: State) {
    const scoreError = state.problem === 'score' ? 'clt-score-error' : undefined;
    return (
      <form ref={this.form} noValidate onSubmit={(e) => this.submit(e)}>
        {ask !== 'nps' && <StarRating m={m} f={f} value={state.csat} errorId={scoreError} onChange={(csat) => this.set({ csat })} />}
        {ask !== 'csat' && <NpsScale m={m} f={f} value={state.nps} errorId={scoreError} onChange={(nps) => this.set({ nps })} />}
        {scoreError && (
          <p class="error" id={scoreError}>
            {m.needScore}
          </p>
        )}
        <label class="label" for="clt-comment">
          {m.comment}
        </label>
        <textarea id="clt-comment" maxLength={COMMENT_MAX} value={state.comment} aria-describedby="clt-count" onInput={(e) => this.set({ comment: e.currentTarget.value })} />
        <p class="hint" id="clt-count">
          {fill(fill(m.counter, 'n', f.num(state.comment.length)), 'max', f.num(COMMENT_MAX))}
        </p>
        <ContactFields
          m={m}
          consent={state.consent}
          email={state.email}
          phone={state.phone}
          problem={state.problem === 'score' ? null : state.problem}
          onConsent={(consent) => this.set({ consent })}
          onEmail={(email) => this.set({ email })}
          onPhone={(phone) => this.set({ phone })}
        />
        {/* Honeypot: off-screen, hidden from assistive tech and out of the tab order; bots fill it, people don't. */}
        <div class="hp" aria-hidden="true">
          <label>
            {m.honeypot}
            <input type="text" name="website" tabIndex={-1} autoComplete="off" value={state.hp} onInput={(e) => this.set({ hp: e.currentTarget.value })} />
          </label>
        </div>
        {/* aria-disabled, not disabled: a disabled button would drop the focus it holds. */}
        <button type="submit" class="send" aria-disabled={sending ? 'true' : undefined}>
          {sending ? m.sending : m.send}
        </button>
      </form>
    );
  }
}
