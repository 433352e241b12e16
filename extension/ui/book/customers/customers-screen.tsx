import type { ScreenProps } from '../app/routes';
import { useBook } from '../app/book-context';
import { CUSTOMERS_PATH } from '../app/book-links';
import { hrefOf } from '../app/router';
import { useBookQuery } from '../data/use-book-query';
import { identityLabelKey } from '../../../i18n/labels';
import { AddCustomerForm } from './add-customer-form';
import { CustomerDetail } from './customer-detail/customer-detail';
import { DUPLICATES_PATH } from './customer-detail/duplicates-panel';
import { DuplicatesScreen } from './customer-detail/duplicates-screen';

/**
 * Rows drawn: the first page by name. A book of 100k customers must not become 100k list items; the
 * virtualized table replaces this list.
 */
export const FIRST_PAGE = 50;

/** Clientes: how many, the first page by name, and a customer added by hand; `#/clientes/<id>` shows one. */
export function CustomersScreen({ rest }: ScreenProps) {
  const { t } = useBook();
  const [customerId] = rest;
  if (customerId === DUPLICATES_PATH) return <DuplicatesScreen />;
  if (customerId !== undefined) return <CustomerDetail customerId={customerId} />;
  return (
    <>
      <p class="screen-links">
        <a href={hrefOf([CUSTOMERS_PATH, DUPLICATES_PATH])}>{t('possibleDuplicates')}</a>
      </p>
      <AddCustomerForm />
      <CustomerList />
    </>
  );
}

function CustomerList() {
  const { t } = useBook();
  // A page from the name index and a count from index counts: neither reads the whole book.
  const list = useBookQuery(
    async (book) => {
      const [page, count] = await Promise.all([book.customers.page({ orderBy: 'name', direction: 'asc', limit: FIRST_PAGE }), book.customers.countBy()]);
      return { customers: page.customers, count };
    },
    { stores: ['customers'] },
  );
  const data = list.data;
  return (
    <section aria-labelledby="customers-title" aria-busy={data === undefined} data-testid="customer-list">
      <h2 id="customers-title">{t('bookTitle')}</h2>
      <p data-testid="customer-count">{data ? t('customersInBook', { count: data.count }) : t('loading')}</p>
      {data === undefined ? null : data.count === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <ul class="customers">
          {data.customers.map((customer) => (
            <li key={customer.id}>
              <a href={hrefOf([CUSTOMERS_PATH, customer.id])}>
                <strong>{customer.displayName}</strong>
              </a>
              {customer.identities.map((identity) => (
                <span key={`${identity.kind}:${identity.value}`} class="identity">
                  {t(identityLabelKey(identity.kind))}: {identity.raw}
                </span>
              ))}
            </li>
          ))}
        </ul>
      )}
      {data !== undefined && data.count > data.customers.length && <p class="meta">{t('showingFirst', { shown: data.customers.length, count: data.count })}</p>}
    </section>
  );
}
