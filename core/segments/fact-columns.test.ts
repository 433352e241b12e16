import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVITY_STATUSES } from './activity';
import { SegmentationEngine } from './engine';
import { type FactColumns, NO_CODE } from './fact-columns';
import { type CustomerFacts, computeBookFacts } from './facts';
import { LIFECYCLE_STAGES, type RetentionSignal } from './lifecycle';
import { RFM_SEGMENT_IDS } from './rfm-segments';
import { NOW, csat, customer, nps, order } from './testing/builders';
import { randomBook } from './testing/random-book';
import { calendarOf } from '../locale/calendar';

const SIGNALS: readonly RetentionSignal[] = ['at-risk', 'falling-frequency', 'bad-rating'];
const orNull = (v: number) => (Number.isNaN(v) ? null : v);

/** One customer's figures as the columns hold them, names decoded. */
function fromColumns(columns: FactColumns, c: number) {
  const scored = columns.recency[c] !== 0;
  return {
    archived: columns.archived[c] === 1,
    createdAt: columns.createdAt[c],
    daysSinceCreated: columns.daysSinceCreated[c],
    orderCount: columns.orderCount[c],
    purchaseDays: columns.purchaseDays[c],
    firstDay: columns.purchaseDays[c] === 0 ? null : columns.firstDay[c],
    lastDay: columns.purchaseDays[c] === 0 ? null : columns.lastDay[c],
    firstOrderAt: orNull(columns.firstOrderAt[c]!),
    lastOrderAt: orNull(columns.lastOrderAt[c]!),
    daysSinceLastOrder: columns.daysSinceLastOrder[c] === -1 ? null : columns.daysSinceLastOrder[c],
    ownIntervalDays: orNull(columns.ownInterval[c]!),
    mainSpend: columns.mainSpend[c],
    averageTicketMain: orNull(columns.averageTicketMain[c]!),
    activity: ACTIVITY_STATUSES[columns.activity[c]!],
    typicalIntervalDays: orNull(columns.intervalDays[c]!),
    daysLate: orNull(columns.daysLate[c]!),
    rfm: scored ? [columns.recency[c], columns.frequency[c], columns.monetary[c], RFM_SEGMENT_IDS[columns.rfmSegment[c]!]] : null,
    stage: LIFECYCLE_STAGES[columns.lifecycle[c]!],
    signals: SIGNALS.filter((_, bit) => (columns.signals[c]! & (1 << bit)) !== 0),
    highValue: columns.highValue[c] === 1,
    worthRecovering: columns.worthRecovering[c] === 1,
    latestCsat: columns.latestCsat[c] === NO_CODE ? null : columns.latestCsat[c],
    latestNps: columns.latestNps[c] === NO_CODE ? null : columns.latestNps[c],
  };
}

/** The same figures read from deriveFacts(computeCustomerBase(…), context). */
function fromFacts(f: CustomerFacts, main: string) {
  const calendar = calendarOf(f.timeZone);
  const due = f.activity.nextPurchaseExpectedAt === null ? null : calendar.day(f.activity.nextPurchaseExpectedAt);
  return {
    archived: f.archived,
    createdAt: f.createdAt,
    daysSinceCreated: f.daysSinceCreated,
    orderCount: f.orderCount,
    purchaseDays: f.purchaseDays,
    firstDay: f.purchaseDayNumbers[0] ?? null,
    lastDay: f.purchaseDayNumbers[f.purchaseDayNumbers.length - 1] ?? null,
    firstOrderAt: f.firstOrderAt,
    lastOrderAt: f.lastOrderAt,
    daysSinceLastOrder: f.daysSinceLastOrder,
    ownIntervalDays: f.ownIntervalDays,
    mainSpend: f.totalSpentMinor[main] ?? 0,
    averageTicketMain: f.averageTicketMinor[main] ?? null,
    activity: f.activity.status,
    typicalIntervalDays: f.typicalIntervalDays,
    daysLate: due === null ? null : f.today - due,
    rfm: f.rfm === null ? null : [f.rfm.recency, f.rfm.frequency, f.rfm.monetary, f.rfm.segment],
    stage: f.lifecycle.stage,
    signals: f.lifecycle.signals,
    highValue: f.lifecycle.highValue,
    worthRecovering: f.lifecycle.worthRecovering,
    latestCsat: f.latestCsat,
    latestNps: f.latestNps,
  };
}

function expectSameFacts(engine: SegmentationEngine, facts: readonly CustomerFacts[], main: string): void {
  const columns = engine.factColumns();
  const number = new Map(columns.ids.map((id, c) => [id, c]));
  expect(columns.present.reduce((a, b) => a + b, 0)).toBe(facts.length);
  for (const f of facts) {
    const c = number.get(f.customerId)!;
    expect(columns.ids[c]).toBe(f.customerId);
    expect(fromColumns(columns, c), f.customerId).toEqual(fromFacts(f, main));
    // Days late is how far past the due day; the facts only say it once it is positive.
    expect(Math.max(0, columns.daysLate[c]!)).toBe(f.activity.daysOverdue ?? Number.NaN);
  }
}

describe('fact columns', () => {
  it('equal deriveFacts(computeCustomerBase(…)) for every customer of random books (property)', () => {
    fc.assert(
      fc.property(randomBook, (book) => {
        const options = { mainCurrency: book.mainCurrency, timeZone: book.timeZone };
        const engine = new SegmentationEngine(book, { ...options, now: book.now });
        const { facts, context } = computeBookFacts(book, options, book.now);
        expectSameFacts(engine, facts, book.mainCurrency);
        expect(engine.factColumns().context.rfmCutPoints).toEqual(context.rfmCutPoints);
      }),
      { numRuns: 300 },
    );
  });

  it('follow the engine through updates and a new day, made again only after a change', () => {
    fc.assert(
      fc.property(randomBook, randomBook, fc.nat(40), (book, later, days) => {
        const options = { mainCurrency: book.mainCurrency, timeZone: book.timeZone };
        const engine = new SegmentationEngine(book, { ...options, now: book.now });
        const first = engine.factColumns();
        expect(engine.factColumns()).toBe(first);
        for (const o of later.orders) engine.upsertOrder(o);
        for (const f of later.feedback) engine.upsertFeedback(f);
        engine.removeCustomer('c1');
        const now = book.now + days * 86_400_000;
        engine.setNow(now);
        const customers = book.customers.filter((c) => c.id !== 'c1');
        const { facts } = computeBookFacts({ customers, orders: [...book.orders, ...later.orders], feedback: [...book.feedback, ...later.feedback] }, options, now);
        expectSameFacts(engine, facts, book.mainCurrency);
      }),
      { numRuns: 100 },
    );
  });

  it('takes the nps when a csat and an nps arrive at the same instant, and a complaint at the instant of the last order as unanswered, as the facts do', () => {
    const at = '2026-05-30T10:00:00Z';
    const feedback = [csat('a', 5, at), nps('a', 3, at), csat('b', 1, at), nps('b', 9, at), csat('c', 1, at)];
    const book = { customers: [customer('a'), customer('b'), customer('c')], orders: [order('c', at)], feedback };
    const engine = new SegmentationEngine(book, { mainCurrency: 'BRL', timeZone: 'UTC', now: NOW });
    expect([...engine.factColumns().signals]).toEqual([4, 0, 4]);
    expectSameFacts(engine, engine.allFacts(), 'BRL');
  });

  it('counts a 22:00 sale in São Paulo on that local day', () => {
    // 22:00 on May 20 in São Paulo is 01:00 on May 21 in UTC; the 09:00 sale the next morning is another day there.
    const orders = [order('a', '2026-05-21T01:00:00Z'), order('a', '2026-05-21T12:00:00Z')];
    const book = { customers: [customer('a')], orders, feedback: [] };
    const local = new SegmentationEngine(book, { mainCurrency: 'BRL', timeZone: 'America/Sao_Paulo', now: NOW }).factColumns();
    const utc = new SegmentationEngine(book, { mainCurrency: 'BRL', timeZone: 'UTC', now: NOW }).factColumns();
    const may20 = Date.UTC(2026, 4, 20) / 86_400_000;
    expect([local.purchaseDays[0], local.firstDay[0], local.lastDay[0], local.ownInterval[0]]).toEqual([2, may20, may20 + 1, 1]);
    expect([utc.purchaseDays[0], utc.firstDay[0], utc.orderCount[0]]).toEqual([1, may20 + 1, 2]);
  });
});
