import type { Customer } from '../../../../../core';
import { useBook } from '../../app/book-context';
import { CUSTOMERS_PATH } from '../../app/book-links';
import { hrefOf } from '../../app/router';
import { useBookQuery } from '../../data/use-book-query';
import { sharedKeyText } from './merge-words';

/** Groups drawn at once; the rest are counted (the seller merges from the top, and the list shrinks). */
export const GROUPS_SHOWN = 50;

/**
 * `#/clientes/duplicados`: every group of customers who may be one person (a shared contact, or the same name with
 * the same phone ending), each customer a link to their detail, where the seller merges them.
 */
export function DuplicatesScreen() {
  const { t, locale } = useBook();
  const found = useBookQuery(
    async (book) => {
      // The book-wide grouping reads every customer once: run on this screen only, never on the list.
      const groups = await book.customers.findDuplicates();
      const shown = groups.slice(0, GROUPS_SHOWN);
      const customers = new Map<string, Customer>();
      for (const group of shown) for (const id of group.customerIds) customers.set(id, (await book.customers.get(id)) as Customer);
      return { total: groups.length, groups: shown.map((group) => ({ ...group, customers: group.customerIds.map((id) => customers.get(id)).filter((c): c is Customer => !!c) })) };
    },
    { stores: ['customers'] },
  );
  const data = found.data;
  return (
    <section aria-labelledby="duplicates-title" data-testid="duplicates-screen" aria-busy={data === undefined}>
      <p>
        <a href={hrefOf([CUSTOMERS_PATH])}>{t('allCustomers')}</a>
      </p>
      <h2 id="duplicates-title">{t('possibleDuplicates')}</h2>
      {data === undefined && <p>{t('loading')}</p>}
      {data && <p>{t('duplicateGroups', { count: data.total })}</p>}
      {data && data.groups.length > 0 && (
        <ul class="duplicate-groups">
          {data.groups.map((group) => (
            <li key={group.customerIds.join(' ')}>
              <ul class="duplicate-names">
                {group.customers.map((customer) => (
                  <li key={customer.id}>
                    <a href={hrefOf([CUSTOMERS_PATH, customer.id])}>{customer.displayName}</a>
                  </li>
                ))}
              </ul>
              <p class="meta">{group.sharedKeys.map((key) => sharedKeyText(key, t, locale)).join(' · ')}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
