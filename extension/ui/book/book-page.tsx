import { useCallback, useEffect, useState } from 'preact/hooks';
import { IDENTITY_KINDS, type Book, type Customer, type IdentityKind } from '../../../core';
import { browserLocale, translate, type Locale, type MessageKey } from '../i18n';
import { identityLabelKey } from '../identity-label';
import { BackupPageProvider } from './backup/backup-page';
import type { BackupServices } from './backup/backup-services';
import { BookBackupBanner } from './backup/book-backup-banner';
import { IntegrityAlert } from './backup/integrity-alert';
import { ClaimsPanel } from './claims-panel';
import { CollectorsPanel } from './collectors-panel';
import { SatisfactionPanel } from './satisfaction-panel';
import { SettingsSection } from './settings/settings-section';

/** Rows drawn at once: a book of 100k customers must not become 100k list items. */
const LIST_LIMIT = 100;

/** The whole clientele. For now: add a customer, see the list, settings with storage, backups and restore. */
export function BookPage({ book, backups, locale = browserLocale() }: { book: Book; backups: BackupServices; locale?: Locale }) {
  const t = useCallback((key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params), [locale]);
  const [customers, setCustomers] = useState<Customer[] | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  useEffect(() => {
    const load = () => void book.customers.list().then(setCustomers);
    load();
    return book.onChange(load);
  }, [book]);

  const onAdd = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const displayName = String(data.get('displayName') ?? '');
    const contact = String(data.get('contact') ?? '').trim();
    const kind = String(data.get('kind')) as IdentityKind;
    try {
      const customer = await book.customers.create({ displayName, identities: contact ? [{ kind, value: contact }] : [] });
      setMessage({ kind: 'ok', text: t('added', { name: customer.displayName }) });
      form.reset();
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <BackupPageProvider book={book} services={backups} t={t} locale={locale}>
      <main lang={locale}>
        <h1>{t('bookTitle')}</h1>
        <IntegrityAlert />
        <BookBackupBanner customerCount={customers?.length ?? null} />
        <p>{customers ? t('customersInBook', { count: customers.length }) : t('loading')}</p>
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
          {message && (
            <p role={message.kind === 'error' ? 'alert' : 'status'} class={message.kind}>
              {message.text}
            </p>
          )}
        </section>
        <section aria-label={t('bookTitle')} aria-busy={customers === null} data-testid="customer-list">
          {customers === null ? null : customers.length === 0 ? (
            <p>{t('empty')}</p>
          ) : (
            <ul class="customers">
              {customers.slice(0, LIST_LIMIT).map((customer) => (
                <li key={customer.id}>
                  <strong>{customer.displayName}</strong>
                  {customer.identities.map((identity) => (
                    <span key={`${identity.kind}:${identity.value}`} class="identity">
                      {t(identityLabelKey(identity.kind))}: {identity.raw}
                    </span>
                  ))}
                </li>
              ))}
            </ul>
          )}
          {customers !== null && customers.length > LIST_LIMIT && <p class="meta">{t('showingFirst', { shown: LIST_LIMIT, count: customers.length })}</p>}
        </section>
        <SatisfactionPanel book={book} locale={locale} t={t} />
        <ClaimsPanel book={book} locale={locale} t={t} onResult={setMessage} />
        <CollectorsPanel locale={locale} t={t} onResult={setMessage} />
        <SettingsSection />
      </main>
    </BackupPageProvider>
  );
}
