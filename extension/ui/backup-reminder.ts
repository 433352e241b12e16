import { browserTimeZone } from '../../core/locale';
import { localTime } from '../backup/local-time';

/** After this many days without a backup, the book page and the sidebar remind the seller. */
export const REMINDER_AFTER_DAYS = 30;

/** Where the day the seller said "remind me tomorrow" is kept (shared by the book page and every sidebar). */
export const REMINDER_DISMISSED_KEY = 'backup.reminderDismissedOn';

/**
 * Whether to remind the seller to back up: never backed up while the book has customers (an empty book has
 * nothing to lose), or the last backup is REMINDER_AFTER_DAYS old or older.
 */
export function backupReminder(daysSinceLast: number | null, customerCount: number): 'never' | 'old' | null {
  if (daysSinceLast === null) return customerCount > 0 ? 'never' : null;
  return daysSinceLast >= REMINDER_AFTER_DAYS ? 'old' : null;
}

/** The part of browser.storage.local the reminder uses (a stand-in in tests). */
export interface ReminderStorage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/**
 * "Remind me tomorrow", kept as the seller's calendar day: dismissing at 23:00 brings the reminder back after
 * midnight, not 24 hours later. storage.local (not the book's meta) so a sidebar frame denied storage can read it;
 * a day is all it holds.
 */
export function reminderDismissal(storage: ReminderStorage, timeZone: string = browserTimeZone()) {
  const dayIn = (now: Date) => {
    const { year, month, day } = localTime(now, timeZone);
    return `${year}-${month}-${day}`;
  };
  return {
    async dismissedOn(now: Date): Promise<boolean> {
      return (await storage.get(REMINDER_DISMISSED_KEY))[REMINDER_DISMISSED_KEY] === dayIn(now);
    },
    async dismiss(now: Date): Promise<void> {
      await storage.set({ [REMINDER_DISMISSED_KEY]: dayIn(now) });
    },
  };
}
