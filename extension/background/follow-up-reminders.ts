import type { Book, FollowUp } from '../../core';

export interface Reminder {
  followUp: FollowUp;
  customerName: string;
}

/**
 * Follow-ups that are due and not yet announced, oldest first. `announced` is the set of ids already shown, kept
 * by the caller across service-worker restarts, so each follow-up is announced once.
 */
export async function dueReminders(book: Book, now: Date, announced: ReadonlySet<string>): Promise<Reminder[]> {
  const due = (await book.followUps.listDue(now)).filter((followUp) => !announced.has(followUp.id));
  const reminders: Reminder[] = [];
  for (const followUp of due.sort((a, b) => a.due.localeCompare(b.due))) {
    const customer = await book.customers.get(followUp.customerId);
    if (customer) reminders.push({ followUp, customerName: customer.displayName });
  }
  return reminders;
}
