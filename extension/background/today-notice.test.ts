import { describe, expect, it, vi } from 'vitest';
import { restoreBackupFile, serializeBackupLines, TODAY_NOTICE_SENT_KEY } from '../../core';
import { openTestBook } from '../../core/store/test-book';
import { todayBookDocument } from '../../core/today/testing/today-book';
import { BookTableService } from './book-table-service';
import { CustomerSearch } from './customer-search';
import { noticeTodayIfDue, setTodayNotice } from './today-notice';

describe('the Hoje notification', () => {
  it('comes once per day of the seller with the urgent count, and never when turned off', async () => {
    let now = new Date('2026-12-01T13:00:00.000Z');
    const book = await openTestBook(now);
    await restoreBackupFile(book, serializeBackupLines(todayBookDocument(now).document).join(''));
    const table = new BookTableService(book, new CustomerSearch(book), { mainCurrency: 'BRL', timeZone: 'America/Sao_Paulo', locale: 'pt-BR', now: () => now });
    const notify = vi.fn(async () => undefined);
    expect(await noticeTodayIfDue(book, table, now, notify)).toBe(true);
    expect(notify).toHaveBeenCalledWith(5);
    expect(await book.meta.get(TODAY_NOTICE_SENT_KEY)).toBe('2026-12-01');
    // Later that evening in São Paulo (already 2 December in UTC): the same day, no second notice.
    now = new Date('2026-12-02T02:30:00.000Z');
    expect(await noticeTodayIfDue(book, table, now, notify)).toBe(false);
    now = new Date('2026-12-02T13:00:00.000Z');
    await setTodayNotice(book, false);
    expect(await noticeTodayIfDue(book, table, now, notify)).toBe(false);
    await setTodayNotice(book, true);
    expect(await noticeTodayIfDue(book, table, now, notify)).toBe(true);
    expect(notify).toHaveBeenCalledTimes(2);
  });
});
