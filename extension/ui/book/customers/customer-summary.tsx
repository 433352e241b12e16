import { useBook } from '../app/book-context';
import { CUSTOMERS_PATH } from '../app/book-links';
import { hrefOf } from '../app/router';
import { useBookQuery } from '../data/use-book-query';
import { identityLabelKey } from '../../../i18n/labels';

/**
 * One customer at `#/clientes/<id>`: name and contacts, re-read only when a write names them (or the whole
 * book). The detail screen of the customer issue grows from here.
 */
export function CustomerSummary({ customerId }: { customerId: string }) {
  const { t } = useBook();
  const found = useBookQuery((book) => book.customers.get(customerId).then((customer) => customer ?? null), { stores: ['customers'], customerId });
  const customer = found.data;
  return (
    <section aria-busy={customer === undefined} data-testid="customer-summary">
      <p>
        <a href={hrefOf([CUSTOMERS_PATH])}>{t('allCustomers')}</a>
      </p>
      {customer === null && <p>{t('customerNotFound')}</p>}
      {customer && (
        <>
          <h2>{customer.displayName}</h2>
          <ul class="contacts">
            {customer.identities.map((identity) => (
              <li key={`${identity.kind}:${identity.value}`}>
                <span class="identity">{t(identityLabelKey(identity.kind))}:</span> {identity.raw}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
