import { describe, expect, it } from 'vitest';
import { backupReminder, REMINDER_DISMISSED_KEY, reminderDismissal, type ReminderStorage } from './backup-reminder';

function memoryStorage(): ReminderStorage & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return {
    data,
    get: async (key) => (key in data ? { [key]: data[key] } : {}),
    set: async (items) => void Object.assign(data, items),
  };
}

describe('the reminder to back up', () => {
  it('reminds a book with customers that was never backed up, and never an empty one', () => {
    expect(backupReminder(null, 1)).toBe('never');
    expect(backupReminder(null, 0)).toBeNull();
  });

  it('reminds from 30 days after the last backup', () => {
    expect(backupReminder(29, 500)).toBeNull();
    expect(backupReminder(30, 500)).toBe('old');
    expect(backupReminder(400, 0)).toBe('old');
  });

  it('"remind me tomorrow" lasts until midnight in the seller’s zone, not 24 hours', async () => {
    const storage = memoryStorage();
    const dismissal = reminderDismissal(storage, 'America/Sao_Paulo');
    // 23:00 in São Paulo is already the next day in UTC.
    await dismissal.dismiss(new Date('2026-11-30T02:00:00.000Z'));
    expect(storage.data[REMINDER_DISMISSED_KEY]).toBe('2026-11-29');
    expect(await dismissal.dismissedOn(new Date('2026-11-30T02:59:00.000Z'))).toBe(true);
    expect(await dismissal.dismissedOn(new Date('2026-11-30T03:00:00.000Z'))).toBe(false);
  });
});
