import type { Customer } from '../../../../../core';
import { useBook } from '../../app/book-context';

/** Archives the customer (they keep everything but leave the active counts and lists) or brings them back. */
export function ArchiveButton({ customer }: { customer: Customer }) {
  const { book, t, notify } = useBook();
  const archived = customer.archivedAt !== null;
  const toggle = async () => {
    try {
      await book.customers.setArchived([customer.id], !archived);
      notify(t(archived ? 'customerUnarchived' : 'customerArchived', { name: customer.displayName }));
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), 'alert');
    }
  };
  return (
    <button type="button" class="secondary" onClick={() => void toggle()}>
      {t(archived ? 'unarchiveCustomer' : 'archiveCustomer')}
    </button>
  );
}
