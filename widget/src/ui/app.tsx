import { Component, createRef } from 'preact';
import type { WidgetContext } from '../handoff';
import type { WidgetOptions } from '../options';
import type { SafeGlobals } from '../safe-globals';
import type { Delivery } from '../send/delivery';
import { newId } from '../send/ids';
import { buildPayloads, readIdentity, readOrderId, type Answers } from '../send/payload';
import { FeedbackForm } from './feedback-form';
import { focusFirstScore, trapTab } from './focus';
import { createFormat, fill, type Format } from './format';
import { CONSENT_VERSION, MESSAGES, type Messages } from './messages';

interface Props {
  ctx: WidgetContext;
  /** The full options (the UI's own reading of the tag). */
  options: WidgetOptions;
  safe: SafeGlobals;
  delivery: Delivery;
  /** Incremented by each `open()`; 0 until the first. */
  openSeq: number;
}

interface State {
  done: boolean;
  sending: boolean;
  /** Text of the live region. */
  status: string;
  /** Bumped to start a fresh form after a completed one. */
  formKey: number;
}

/**
 * The widget: a modal dialog next to the launcher, or a section in the page (inline). The status paragraph is a
 * live region present from the first render, so the "Obrigado!" or error written into it later is announced.
 */
export class App extends Component<Props, State> {
  private m: Messages;
  private f: Format;
  private openedAt: number;
  /** The dialog is showing as far as the launcher is concerned (close() and the `close` event both end it). */
  private isOpen = false;
  private panel = createRef<HTMLDialogElement>();
  private closeButton = createRef<HTMLButtonElement>();
  private statusLine = createRef<HTMLParagraphElement>();

  constructor(props: Props) {
    super(props);
    const { locale } = props.options;
    this.m = MESSAGES[locale];
    this.f = createFormat(locale, this.m);
    this.openedAt = props.safe.now();
    this.state = { done: false, sending: false, status: '', formKey: 0 };
  }

  override componentDidMount(): void {
    if (this.props.openSeq) this.show();
  }

  override componentDidUpdate(previous: Props, before: State): void {
    if (this.props.openSeq !== previous.openSeq) this.show();
    // The form (and the button that had focus) is gone: put focus on what replaced it.
    const inline = this.props.options.mode === 'inline';
    if (this.state.done && !before.done) (inline ? this.statusLine : this.closeButton).current?.focus();
  }

  private show(): void {
    const { options, safe } = this.props;
    const el = this.panel.current;
    if (!el) return;
    if (options.mode !== 'inline' && !el.open) {
      this.openedAt = safe.now();
      if (typeof el.showModal === 'function') el.showModal();
      else el.setAttribute('open', ''); // no <dialog> support: our trap and Escape handler still apply
      this.isOpen = true;
      this.expanded(true);
    }
    if (!this.state.done) focusFirstScore(el);
  }

  private expanded(open: boolean): void {
    const { launcher } = this.props.ctx;
    if (launcher) launcher.setAttribute('aria-expanded', String(open));
  }

  /**
   * Every close we start (button, Escape, backdrop) hides the dialog and updates the launcher in one go. Not via
   * the `close` event: browsers fire it in a later task, and in between the dialog is hidden while the launcher
   * still says aria-expanded="true" (a test reading it there failed about half the time on a busy machine).
   */
  private close(): void {
    const el = this.panel.current;
    if (!el) return;
    if (typeof el.close === 'function') el.close();
    else el.removeAttribute('open');
    this.closed();
  }

  /** The `close` event: catches the closes we did not start (a native Escape that never reached our keydown). */
  private closeEvent(): void {
    const el = this.panel.current;
    if (el && !el.open) this.closed();
  }

  /** Runs once per close, whichever of close() and the later `close` event comes first. */
  private closed(): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.expanded(false);
    const { launcher } = this.props.ctx;
    // After a completed feedback, the next open starts a new one instead of showing the old thanks.
    if (this.state.done) this.setState((s) => ({ done: false, status: '', formKey: s.formKey + 1 }));
    if (launcher) launcher.focus();
  }

  private async submit(answers: Answers): Promise<void> {
    const { ctx, options, safe, delivery } = this.props;
    const m = this.m;
    const payloads = buildPayloads(answers, {
      site: options.site,
      locale: options.locale,
      ask: options.ask,
      href: location.href,
      identity: readIdentity(ctx.identity),
      orderId: readOrderId(ctx.order),
      consentText: m.consent,
      consentVersion: CONSENT_VERSION,
      elapsedMs: safe.now() - this.openedAt,
      newId: () => newId(safe.crypto, safe.random),
    });
    this.setState({ sending: true, status: '' }); // cleared first so the same message twice is announced twice
    const outcome = await delivery.submit(payloads);
    if (outcome === 'rejected') return this.setState({ sending: false, status: m.failed });
    this.setState({ sending: false, status: outcome === 'sent' ? m.thanks : m.queued, done: true });
  }

  private keyDown(e: KeyboardEvent): void {
    const el = this.panel.current;
    if (!el) return;
    if (e.key === 'Tab') trapTab(e, el, this.props.ctx.root);
    if (e.key === 'Escape') {
      // Ours rather than the browser's: a cancelled keydown is not a close request, so the dialog closes once,
      // here, with the launcher updated in the same task. The fallback without <dialog> needs this anyway.
      e.preventDefault();
      this.close();
    }
  }

  private click(e: MouseEvent): void {
    // A click on the backdrop (outside the panel's box) closes, as on any modal.
    const el = this.panel.current;
    if (!el || e.target !== el) return;
    const box = el.getBoundingClientRect();
    if (e.clientX < box.left || e.clientX > box.right || e.clientY < box.top || e.clientY > box.bottom) this.close();
  }

  override render({ ctx, options }: Props, { done, sending, status, formKey }: State) {
    const { m, f } = this;
    const inline = options.mode === 'inline';
    const orderId = readOrderId(ctx.order);
    const body = (
      <>
        <div class="head">
          <div>
            <h2 id="clt-title">{m.title}</h2>
            {orderId && <p class="order">{fill(m.order, 'id', orderId)}</p>}
          </div>
          {!inline && (
            <button type="button" class="x" ref={this.closeButton} aria-label={m.close} onClick={() => this.close()}>
              <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                <path d="M6 6l12 12M18 6L6 18" />
              </svg>
            </button>
          )}
        </div>
        {!done && <FeedbackForm key={formKey} m={m} f={f} ask={options.ask} identity={readIdentity(ctx.identity)} sending={sending} onSubmit={(a) => void this.submit(a)} />}
        <p class="status" role="status" ref={this.statusLine} tabIndex={done && inline ? -1 : undefined}>
          {status}
        </p>
      </>
    );
    const state = done ? ' done' : '';
    if (inline)
      return (
        <section ref={this.panel} class={'panel inline' + state} aria-labelledby="clt-title">
          {body}
        </section>
      );
    return (
      <dialog
        ref={this.panel}
        class={'panel ' + options.position.replace('-', ' ') + state}
        aria-labelledby="clt-title"
        aria-modal="true"
        onClose={() => this.closeEvent()}
        onKeyDown={(e) => this.keyDown(e)}
        onClick={(e) => this.click(e)}
      >
        {body}
      </dialog>
    );
  }
}
