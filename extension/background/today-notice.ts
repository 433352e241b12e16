import { calendarOf, dailyNoticeDue, isoDay, TODAY_NOTICE_KEY, TODAY_NOTICE_SENT_KEY, type Book } from '../../core';
import type { BookTableService } from './book-table-service';
import { todayReply } from './today-service';

/** The background's hourly check for the Hoje notification. */
export const TODAY_NOTICE_ALARM = 'clientela:today';

/**
 * Shows the day's Hoje notification when it is due (core/today `dailyNoticeDue`: once per day of the seller, only
 * with urgent items, unless turned off) and remembers the date. The setting and the date are read first, so the
 * list (and the table it reads, built if the background slept) is made at most once a day, only when a notice
 * could follow. True when it notified.
 */
export async function noticeTodayIfDue(book: Book, table: BookTableService, now: Date, notify: (urgent: number) => Promise<void>): Promise<boolean> {
  const [enabled, lastSentOn] = await Promise.all([book.meta.get<boolean>(TODAY_NOTICE_KEY), book.meta.get<string>(TODAY_NOTICE_SENT_KEY)]);
  const today = isoDay(calendarOf(table.timeZone).day(now.getTime()));
  if (!dailyNoticeDue({ enabled, lastSentOn, today, urgent: 1 })) return false;
  const { urgent } = await todayReply(book, table, now);
  if (!dailyNoticeDue({ enabled, lastSentOn, today, urgent })) return false;
  await notify(urgent);
  await book.meta.set(TODAY_NOTICE_SENT_KEY, today);
  return true;
}

/** Whether the seller left the Hoje notification on (the default). */
export async function todayNoticeEnabled(book: Pick<Book, 'meta'>): Promise<boolean> {
  return (await book.meta.get<boolean>(TODAY_NOTICE_KEY)) !== false;
}

export async function setTodayNotice(book: Pick<Book, 'meta'>, enabled: boolean): Promise<void> {
  await book.meta.set(TODAY_NOTICE_KEY, enabled);
}
