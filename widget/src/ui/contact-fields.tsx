import type { Messages } from './messages';

interface Props {
  m: Messages;
  consent: boolean;
  email: string;
  phone: string;
  problem: 'email' | 'phone' | null;
  onConsent(given: boolean): void;
  onEmail(value: string): void;
  onPhone(value: string): void;
}

/**
 * Consent first, contact second: the fields only appear once the visitor ticks the box, so nobody types an email
 * that would silently not be sent. The box's text is sent verbatim with the feedback as the consent record.
 */
export function ContactFields({ m, consent, email, phone, problem, onConsent, onEmail, onPhone }: Props) {
  return (
    <>
      <label class="check">
        <input type="checkbox" checked={consent} aria-controls="clt-fields" onChange={(e) => onConsent(e.currentTarget.checked)} />
        <span>{m.consent}</span>
      </label>
      <div class="fields" id="clt-fields" hidden={!consent}>
        <label class="label" for="clt-email">
          {m.email}
        </label>
        <input
          id="clt-email"
          type="email"
          autoComplete="email"
          inputMode="email"
          maxLength={320}
          value={email}
          aria-invalid={problem === 'email' ? 'true' : undefined}
          aria-describedby={problem === 'email' ? 'clt-email-error' : undefined}
          onInput={(e) => onEmail(e.currentTarget.value)}
        />
        {problem === 'email' && (
          <p class="error" id="clt-email-error">
            {m.badEmail}
          </p>
        )}
        <label class="label" for="clt-phone">
          {m.phone}
        </label>
        <input
          id="clt-phone"
          type="tel"
          autoComplete="tel"
          maxLength={40}
          value={phone}
          aria-invalid={problem === 'phone' ? 'true' : undefined}
          aria-describedby={problem === 'phone' ? 'clt-phone-error' : undefined}
          onInput={(e) => onPhone(e.currentTarget.value)}
        />
        {problem === 'phone' && (
          <p class="error" id="clt-phone-error">
            {m.badPhone}
          </p>
        )}
      </div>
    </>
  );
}
