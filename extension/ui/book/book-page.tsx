import { useCallback, useEffect, useState } from 'preact/hooks';
import { IDENTITY_KINDS, type Book, type Customer, type IdentityKind } from '../../../core';
import { browserTimeZone } from '../../../core/locale';
import { readTimeZone } from '../../i18n/time-zone';
import { browserLocale, translate, type Locale, type MessageKey } from '../../i18n/translate';
import { identityLabelKey } from '../../i18n/labels';
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
  const [list, setList] = useState<{ first: Customer[]; count: number } | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [timeZone, setTimeZone] = useState(browserTimeZone);

  useEffect(() => {
    // The seller's zone lives in the book's settings; another page may change it.
    const load = () => void readTimeZone(book).then(setTimeZone);
    load();
    return book.onChange((change) => {
      if (change.wholeBook || change.stores.includes('meta')) load();
    });
  }, [book]);

  useEffect(() => {
    // A page of rows and a count: after a 100k restore, reading every row would hold the page for seconds.
    // Answers are applied in the order asked, so a slow early read never overwrites a later one.
    let asked = 0;
    const load = () => {
      const ticket = ++asked;
      void Promise.all([book.customers.first(LIST_LIMIT), book.customers.count()]).then(([first, count]) => {
        if (ticket === asked) setList({ first, count });
      });
    };
    load();
    return book.onChange((change) => {
      if (change.wholeBook || change.stores.includes('customers')) load();
    });
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
    <BackupPageProvider book={book} services={backups} t={t} locale={locale} timeZone={timeZone}>
      <main lang={locale}>
        <h1>{t('bookTitle')}</h1>
        <IntegrityAlert />
        <BookBackupBanner customerCount={list?.count ?? null} />
        <p>{list ? t('customersInBook', { count: list.count }) : t('loading')}</p>
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
        <section aria-label={t('bookTitle')} aria-busy={list === null} data-testid="customer-list">
          {list === null ? null : list.count === 0 ? (
            <p>{t('empty')}</p>
          ) : (
            <ul class="customers">
              {list.first.map((customer) => (
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
          {list !== null && list.count > LIST_LIMIT && <p class="meta">{t('showingFirst', { shown: LIST_LIMIT, count: list.count })}</p>}
        </section>
        <SatisfactionPanel book={book} locale={locale} timeZone={timeZone} t={t} />
        <ClaimsPanel book={book} locale={locale} timeZone={timeZone} t={t} onResult={setMessage} />
        <CollectorsPanel locale={locale} timeZone={timeZone} t={t} onResult={setMessage} />
        <SettingsSection />
      </main>
    </BackupPageProvider>
  );
}
