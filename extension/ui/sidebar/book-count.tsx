import { useEffect, useState } from 'preact/hooks';
import { fetchCustomerCount, watchBook } from '../book-summary';
import { useSidebar } from './sidebar-context';

/** "N customers in the book", kept live: proof at a glance that the sidebar reaches the book. */
export function BookCount({ signal }: { signal: AbortSignal }) {
  const { t } = useSidebar();
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    const refresh = () => void fetchCustomerCount().then(setCount, () => setCount(null));
    refresh();
    watchBook(refresh, signal);
  }, [signal]);
  return (
    <p class="meta book-count" data-testid="customer-count">
      {count === null ? t('loading') : t('customersInBook', { count })}
    </p>
  );
}
