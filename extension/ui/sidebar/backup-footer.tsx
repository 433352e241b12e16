import { backupAgeText } from '../backup-words';
import { useSidebar } from './sidebar-context';

/** "Última cópia há 3 dias" at the foot of the sidebar: the book's safety at a glance. */
export function BackupFooter({ daysSinceLast, known }: { daysSinceLast: number | null; known: boolean }) {
  const { t, locale } = useSidebar();
  return (
    <footer class="sidebar-footer">
      <p class="meta" data-testid="sidebar-backup-age">
        {known ? backupAgeText(t, locale, daysSinceLast) : ''}
      </p>
    </footer>
  );
}
