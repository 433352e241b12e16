import { useEffect, useState } from 'preact/hooks';
import { useSidebar } from './sidebar-context';

/** "N customers in the book", kept live: proof at a glance that the sidebar reaches the book. */
export function BookCount({ signal }: { signal: AbortSignal }) {
  const { t, ask, watch } = useSidebar();
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    const refresh = () => void ask({ type: 'book/summary' }).then(({ customerCount }) => setCount(customerCount), () => setCount(null));
    refresh();
    watch((change) => {
      if (change.wholeBook || change.customerIds.length) refresh();
    }, signal);
  }, [signal]);
  return (
    <p class="meta book-count" data-testid="customer-count">
      {count === null ? t('loading') : t('customersInBook', { count })}
    </p>
  );
}
