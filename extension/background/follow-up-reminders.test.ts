import { describe, expect, it } from 'vitest';
import { openTestBook } from '../../core/store/test-book';
import { dueReminders } from './follow-up-reminders';

describe('follow-up reminders', () => {
  it('announces each due, open follow-up once, with the customer name', async () => {
    const book = await openTestBook();
    const ana = await book.customers.create({ displayName: 'Ana' });
    const late = await book.followUps.add(ana.id, '2026-11-20T12:00:00Z', 'Cobrar o PIX');
    const later = await book.followUps.add(ana.id, '2026-11-21T12:00:00Z', 'Mandar o catálogo');
    await book.followUps.add(ana.id, '2026-12-20T12:00:00Z', 'Natal');
    const done = await book.followUps.add(ana.id, '2026-11-19T12:00:00Z', 'Já feito');
    await book.followUps.setDone(done.id, true);
    const now = new Date('2026-11-22T12:00:00Z');
    const first = await dueReminders(book, now, new Set());
    expect(first.map((r) => [r.followUp.text, r.customerName])).toEqual([
      ['Cobrar o PIX', 'Ana'],
      ['Mandar o catálogo', 'Ana'],
    ]);
    expect(await dueReminders(book, now, new Set([late.id, later.id]))).toEqual([]);
  });
});
