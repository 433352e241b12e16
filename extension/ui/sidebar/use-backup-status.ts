import { useEffect, useState } from 'preact/hooks';
import type { BackupStatus } from '../../backup/backup-status';
import type { BookClient } from '../../messaging/client';

export interface SidebarBackupStatus {
  status: BackupStatus | null;
  customerCount: number | null;
  refresh: () => void;
}

/**
 * The backup status the background keeps (`backup/status`) and the book's size, for the sidebar's footer line
 * and its reminder. Refreshed when the book's settings change (a backup is recorded in `meta`, which reaches us
 * as a change naming no customer), when the sidebar comes back into view (the day may have turned), and on ask.
 */
export function useBackupStatus({ ask, watch }: BookClient, signal: AbortSignal): SidebarBackupStatus {
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [customerCount, setCustomerCount] = useState<number | null>(null);
  const [refresh] = useState(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = () => {
      timer = undefined;
      if (signal.aborted) return;
      void ask({ type: 'backup/status' }).then((next) => !signal.aborted && setStatus(next), () => undefined);
      void ask({ type: 'book/summary' }).then((next) => !signal.aborted && setCustomerCount(next.customerCount), () => undefined);
    };
    // Insight cut points are written to meta too, in bursts: one read per quiet second is plenty.
    return (at: 'now' | 'soon' = 'soon') => {
      if (at === 'now') {
        clearTimeout(timer);
        return read();
      }
      timer ??= setTimeout(read, 1000);
    };
  });

  useEffect(() => {
    refresh('now');
    watch((change) => {
      if (change.wholeBook || change.customerIds.length === 0) refresh();
    }, signal);
    const onVisible = () => document.visibilityState === 'visible' && refresh();
    document.addEventListener('visibilitychange', onVisible, { signal });
  }, [signal]);

  return { status, customerCount, refresh: () => refresh('now') };
}
