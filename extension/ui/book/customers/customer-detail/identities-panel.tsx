import { useState } from 'preact/hooks';
import { IDENTITY_KINDS, IdentityTakenError, type Customer, type IdentityKind } from '../../../../../core';
import { enumLabel, identityLabelKey } from '../../../../i18n/labels';
import { useBook } from '../../app/book-context';
import { CUSTOMERS_PATH } from '../../app/book-links';
import { hrefOf } from '../../app/router';
import { chatLinks } from './chat-links';
import { Field, fieldInput } from './field';
import { problemsOf } from './field-errors';

type AddProblem = { message: string; owner: { id: string; displayName: string } | null } | null;

/**
 * How the customer is reached: each contact (removable), a new one (normalized; one another customer has is
 * refused, naming them, with a link to open them and merge), and "Abrir conversa" for each chat the contacts allow.
 */
export function IdentitiesPanel({ customer }: { customer: Customer }) {
  const { book, t, locale, notify } = useBook();
  const [kind, setKind] = useState<IdentityKind>('whatsapp');
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<AddProblem>(null);
  const links = chatLinks(customer.identities);

  const add = async (event: Event) => {
    event.preventDefault();
    try {
      await book.customers.addIdentity(customer.id, { kind, value });
      setValue('');
      setProblem(null);
      notify(t('contactAdded', { contact: value.trim() }));
    } catch (error) {
      if (error instanceof IdentityTakenError) {
        const message = t('identityTaken', { kind: enumLabel(locale, 'identityKind', error.kind), name: error.owner.displayName });
        setProblem({ message, owner: error.owner });
        notify(message, 'alert');
        return;
      }
      const found = problemsOf(error, (field) => field === 'value');
      setProblem({ message: found.fields.value ?? found.other ?? '', owner: null });
    }
  };

  const remove = async (identityKind: IdentityKind, identityValue: string, raw: string) => {
    try {
      await book.customers.removeIdentity(customer.id, identityKind, identityValue);
      notify(t('contactRemoved', { contact: raw }));
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), 'alert');
    }
  };

  return (
    <section aria-labelledby="detail-identities-title" class="detail-section">
      <h3 id="detail-identities-title">{t('identities')}</h3>
      {customer.identities.length === 0 ? (
        <p class="meta">{t('noContacts')}</p>
      ) : (
        <ul class="detail-identities">
          {customer.identities.map((identity) => {
            const shown = identity.raw || identity.value;
            return (
              <li key={`${identity.kind}:${identity.value}`}>
                <span class="kind">{t(identityLabelKey(identity.kind))}</span> <span>{shown}</span>
                <button type="button" class="secondary" aria-label={t('removeContact', { contact: shown })} onClick={() => void remove(identity.kind, identity.value, shown)}>
                  {t('remove')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {links.length > 0 && (
        <ul class="chat-links" aria-label={t('openChat')}>
          {links.map((link) => (
            <li key={link.href}>
              <a href={link.href} target="_blank" rel="noopener noreferrer">
                {t('openChatOn', { channel: enumLabel(locale, 'orderChannel', link.kind) })} <span class="meta">{link.label}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
      <form class="add-identity" onSubmit={add} noValidate>
        <div class="field">
          <label for="detail-new-kind">{t('contactKind')}</label>
          <select id="detail-new-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as IdentityKind)}>
            {IDENTITY_KINDS.map((option) => (
              <option key={option} value={option}>
                {t(identityLabelKey(option))}
              </option>
            ))}
          </select>
        </div>
        <Field id="detail-new-contact" label={t('newContact')} error={problem?.message}>
          <input name="contact" value={value} required maxLength={320} autoComplete="off" {...fieldInput('detail-new-contact', problem?.message)} onInput={(e) => setValue(e.currentTarget.value)} />
        </Field>
        <button type="submit">{t('addContact')}</button>
        {problem?.owner && (
          <a class="owner-link" href={hrefOf([CUSTOMERS_PATH, problem.owner.id])}>
            {t('openOwner', { name: problem.owner.displayName })}
          </a>
        )}
      </form>
    </section>
  );
}
