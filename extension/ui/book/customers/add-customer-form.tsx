import { IDENTITY_KINDS, type IdentityKind } from '../../../../core';
import { identityLabelKey } from '../../../i18n/labels';
import { useBook } from '../app/book-context';

/** A new customer: name, and optionally one contact of a chosen kind. The result is told in the page's live region. */
export function AddCustomerForm() {
  const { book, t, notify } = useBook();
  const onAdd = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const displayName = String(data.get('displayName') ?? '');
    const contact = String(data.get('contact') ?? '').trim();
    const kind = String(data.get('kind')) as IdentityKind;
    try {
      const customer = await book.customers.create({ displayName, identities: contact ? [{ kind, value: contact }] : [] });
      notify(t('added', { name: customer.displayName }));
      form.reset();
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), 'alert');
    }
  };
  return (
    <section aria-labelledby="add-title">
      <h2 id="add-title">{t('addCustomer')}</h2>
      <form onSubmit={onAdd}>
        <label>
          {t('name')}
          <input name="displayName" required maxLength={200} autoComplete="off" />
        </label>
        {/* Labelled by id, not wrapped: a wrapping label's text would carry every option's words. */}
        <div class="field">
          <label for="add-kind">{t('contactKind')}</label>
          <select id="add-kind" name="kind" defaultValue="whatsapp">
            {IDENTITY_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(identityLabelKey(kind))}
              </option>
            ))}
          </select>
        </div>
        <label>
          {t('contact')}
          <input name="contact" maxLength={320} autoComplete="off" />
        </label>
        <button type="submit">{t('save')}</button>
      </form>
    </section>
  );
}
