import { describe, expect, it } from 'vitest';
import { dailyNoticeDue } from './daily-notice';
import { dayOfIso, hiddenOn, isoDay, markDone, markSnoozed, NO_MARKS, readMarks } from './today-marks';

const TODAY = dayOfIso('2026-12-01');

describe('today marks', () => {
  it('hides a done item for good, and a late customer again only after a new purchase changes their key', () => {
    const marks = markDone(NO_MARKS, 'late:ana:20400', TODAY);
    expect(hiddenOn(marks, TODAY + 100)('late:ana:20400')).toBe(true);
    expect(hiddenOn(marks, TODAY)('late:ana:20450')).toBe(false);
    // Done after the new purchase forgets the older one.
    expect(Object.keys(markDone(marks, 'late:ana:20450', TODAY).done)).toEqual(['late:ana:20450']);
  });

  it('hides a snoozed item until the chosen day, which shows it again', () => {
    const marks = markSnoozed(NO_MARKS, 'feedback:f1', TODAY, 3);
    expect(marks.snoozed['feedback:f1']).toBe('2026-12-04');
    expect(hiddenOn(marks, TODAY + 2)('feedback:f1')).toBe(true);
    expect(hiddenOn(marks, TODAY + 3)('feedback:f1')).toBe(false);
    // Ended snoozes are dropped on the next write.
    expect(markSnoozed(marks, 'feedback:f2', TODAY + 5, 1).snoozed).toEqual({ 'feedback:f2': '2026-12-07' });
    expect(() => markSnoozed(NO_MARKS, 'x', TODAY, 0)).toThrow(RangeError);
  });

  it('reads anything else stored as no marks', () => {
    expect(readMarks(undefined)).toEqual(NO_MARKS);
    expect(readMarks({ done: { a: '2026-12-01', b: 3 }, snoozed: 'no' })).toEqual({ done: { a: '2026-12-01' }, snoozed: {} });
    expect(isoDay(TODAY)).toBe('2026-12-01');
  });
});

describe('dailyNoticeDue', () => {
  it('notifies once per day of the seller, only with urgent items, unless turned off', () => {
    expect(dailyNoticeDue({ enabled: undefined, lastSentOn: undefined, today: '2026-12-01', urgent: 2 })).toBe(true);
    expect(dailyNoticeDue({ enabled: true, lastSentOn: '2026-12-01', today: '2026-12-01', urgent: 2 })).toBe(false);
    expect(dailyNoticeDue({ enabled: true, lastSentOn: '2026-11-30', today: '2026-12-01', urgent: 2 })).toBe(true);
    expect(dailyNoticeDue({ enabled: true, lastSentOn: '2026-11-30', today: '2026-12-01', urgent: 0 })).toBe(false);
    expect(dailyNoticeDue({ enabled: false, lastSentOn: undefined, today: '2026-12-01', urgent: 5 })).toBe(false);
  });
});
