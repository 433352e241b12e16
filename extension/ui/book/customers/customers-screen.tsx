import type { ScreenProps } from '../app/routes';
import { AddCustomerForm } from './add-customer-form';
import { useBook } from '../app/book-context';
import { CUSTOMERS_PATH } from '../app/book-links';
import { hrefOf } from '../app/router';
import { CustomerDetail } from './customer-detail/customer-detail';
import { DUPLICATES_PATH } from './customer-detail/duplicates-panel';
import { DuplicatesScreen } from './customer-detail/duplicates-screen';
import { CustomerTable } from './customer-table';

/** Clientes: the whole clientele in a table, and a customer added by hand; `#/clientes/<id>` shows one. */
export function CustomersScreen({ route, rest }: ScreenProps) {
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
      <CustomerTable route={route} />
    </>
  );
}
