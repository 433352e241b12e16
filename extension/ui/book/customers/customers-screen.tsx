import type { ScreenProps } from '../app/routes';
import { AddCustomerForm } from './add-customer-form';
import { CustomerSummary } from './customer-summary';
import { CustomerTable } from './customer-table';

/** Clientes: the whole clientele in a table, and a customer added by hand; `#/clientes/<id>` shows one. */
export function CustomersScreen({ route, rest }: ScreenProps) {
  const [customerId] = rest;
  if (customerId !== undefined) return <CustomerSummary customerId={customerId} />;
  return (
    <>
      <AddCustomerForm />
      <CustomerTable route={route} />
    </>
  );
}
