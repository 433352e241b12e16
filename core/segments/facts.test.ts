import { describe, expect, it } from 'vitest';
import { computeBookContext } from './book-context';
import { ageCustomerBase, computeCustomerBase } from './customer-base';
import { computeCustomerFacts } from './facts';
import { NOW, csat, customer, daysAgo, factsOf, nps, order } from './testing/builders';
import { calendarOf } from '../locale/calendar';

describe('customer facts', () => {
  it('describes a customer with no orders', () => {
    const [f] = factsOf([customer('x', { createdAt: daysAgo(12), funnelStage: 'discovery', tagIds: ['lead'] })]);
    expect(f).toMatchObject({
      orderCount: 0,
      purchaseDays: 0,
      totalSpentMinor: {},
      averageTicketMinor: {},
      firstOrderAt: null,
      lastOrderAt: null,
      daysSinceLastOrder: null,
      typicalIntervalDays: null,
      rfm: null,
      activity: { status: 'prospect' },
      lifecycle: { stage: 'prospect' },
      classes: { purchase: 'potential', origin: 'store' },
      daysSinceCreated: 12,
      funnelStage: 'discovery',
      tagIds: ['lead'],
      archived: false,
    });
  });

  it('describes a customer with one order', () => {
    const placed = daysAgo(3);
    const [f] = factsOf([customer('x')], [order('x', placed, { totalMinor: 4_990 })]);
    expect(f).toMatchObject({
      orderCount: 1,
      purchaseDays: 1,
      totalSpentMinor: { BRL: 4_990 },
      averageTicketMinor: { BRL: 4_990 },
      firstOrderAt: Date.parse(placed),
      lastOrderAt: Date.parse(placed),
      daysSinceLastOrder: 3,
      typicalIntervalDays: 30,
      activity: { status: 'new' },
      productNames: ['Bolo de pote'],
      categories: ['doces'],
      channels: ['whatsapp'],
    });
    expect(f?.rfm).toMatchObject({ recency: 1, frequency: 1, monetary: 1, segment: 'lost' });
  });

  it('keeps one record for total and average when each currency has one paid order, and one empty record for all prospects', () => {
    const [once, twice, none, other] = factsOf(
      [customer('a'), customer('b'), customer('c'), customer('d')],
      [order('a', daysAgo(3), { totalMinor: 4_990 }), order('b', daysAgo(3), { totalMinor: 1_000 }), order('b', daysAgo(9), { totalMinor: 2_001 })],
    );
    expect(once?.averageTicketMinor).toBe(once?.totalSpentMinor);
    expect(twice?.averageTicketMinor).toEqual({ BRL: 1_501 });
    expect(twice?.totalSpentMinor).toEqual({ BRL: 3_001 });
    expect(none?.totalSpentMinor).toBe(other?.averageTicketMinor);
    expect(Object.isFrozen(none?.totalSpentMinor)).toBe(true);
  });

  it('counts same-day orders as one purchase day, skips refunds and never adds currencies together', () => {
    const orders = [
      order('x', '2026-05-01T09:00:00Z', { totalMinor: 1_000 }),
      order('x', '2026-05-01T20:00:00Z', { totalMinor: 3_000 }),
      order('x', '2026-05-11T09:00:00Z', { totalMinor: 2_500, currency: 'EUR' }),
      order('x', '2026-05-21T09:00:00Z', { totalMinor: 9_999, status: 'refunded' }),
      order('x', '2026-05-22T09:00:00Z', { totalMinor: 9_999, status: 'cancelled', items: [{ name: 'Torta', category: null, quantity: 1, unitPriceMinor: 1 }] }),
      order('x', '2026-05-21T09:00:00Z', { totalMinor: 5_000 }),
    ];
    const [f] = factsOf([customer('x')], orders);
    expect(f).toMatchObject({
      orderCount: 4,
      purchaseDays: 3,
      totalSpentMinor: { BRL: 9_000, EUR: 2_500 },
      averageTicketMinor: { BRL: 3_000, EUR: 2_500 },
      ownIntervalDays: 10,
      typicalIntervalDays: 10,
      daysSinceLastOrder: 11,
      lastOrderAt: Date.parse('2026-05-21T09:00:00Z'),
    });
    expect(f?.productNames).not.toContain('Torta');
    expect(f?.purchaseDayNumbers).toEqual(['2026-05-01', '2026-05-11', '2026-05-21'].map((d) => calendarOf('UTC').day(Date.parse(d))));
    // RFM monetary reads the main currency only.
    expect(f?.rfm?.values.monetaryMinor).toBe(9_000);
  });

  it('keeps the latest rating of each kind and the latest overall', () => {
    const feedback = [csat('x', 2, daysAgo(30)), csat('x', 5, daysAgo(10)), nps('x', 8, daysAgo(20))];
    const [f] = factsOf([customer('x')], [], feedback);
    expect(f).toMatchObject({ latestCsat: 5, latestNps: 8, latestFeedback: { kind: 'csat', score: 5 } });
  });

  it('copies identity kinds, custom fields and the archived flag', () => {
    const identities = [
      { kind: 'whatsapp' as const, value: '+5511', raw: '+5511', addedAt: daysAgo(3) },
      { kind: 'whatsapp' as const, value: '+5512', raw: '+5512', addedAt: daysAgo(3) },
    ];
    const [f] = factsOf([customer('x', { identities, customFields: { cidade: 'Recife' }, archivedAt: daysAgo(1) })]);
    expect(f).toMatchObject({ identityKinds: ['whatsapp'], customFields: { cidade: 'Recife' }, archived: true, classes: { origin: 'social' } });
  });

  it('computes one customer against a context built beforehand, ignoring other customers’ records', () => {
    const c = customer('x');
    const orders = [order('x', daysAgo(20)), order('y', daysAgo(2))];
    const context = computeBookContext([computeCustomerBase(c, orders, [], NOW, 'UTC')], { mainCurrency: 'BRL', timeZone: 'UTC' });
    const f = computeCustomerFacts(c, orders, [], context, new Date(NOW));
    expect(f.orderCount).toBe(1);
    expect(f.daysSinceLastOrder).toBe(20);
    // A later `now` ages the customer while the cut points stay those of the context (like stale ones).
    expect(computeCustomerFacts(c, orders, [], context, NOW + 10 * 86_400_000).daysSinceLastOrder).toBe(30);
  });
});


describe('ageCustomerBase', () => {
  it('equals a recompute on a later day without reading orders again', () => {
    const c = customer('x', { createdAt: daysAgo(50) });
    const orders = [order('x', daysAgo(40)), order('x', daysAgo(12), { status: 'refunded' }), order('x', daysAgo(9))];
    for (const later of [0, 1, 30, 400]) {
      const aged = ageCustomerBase(computeCustomerBase(c, orders, [], NOW, 'UTC'), NOW + later * 86_400_000);
      expect(aged).toEqual(computeCustomerBase(c, orders, [], NOW + later * 86_400_000, 'UTC'));
    }
    expect(ageCustomerBase(computeCustomerBase(customer('p'), [], [], NOW, 'UTC'), NOW).daysSinceLastOrder).toBeNull();
  });
});

describe('facts on the seller’s calendar', () => {
  // 2026-06-01 12:00 UTC is 09:00 in São Paulo.
  const evening = '2026-05-29T01:00:00Z'; // 22:00 on May 28th in São Paulo, already May 29th in UTC
  const morning = '2026-05-28T13:00:00Z'; // 10:00 on May 28th in São Paulo

  it('counts a 22:00 sale in São Paulo as that day’s sale', () => {
    const orders = [order('x', morning), order('x', evening)];
    const [inSaoPaulo] = factsOf([customer('x')], orders, [], { timeZone: 'America/Sao_Paulo' });
    const [inUtc] = factsOf([customer('x')], orders, [], { timeZone: 'UTC' });
    expect(inSaoPaulo).toMatchObject({ purchaseDays: 1, daysSinceLastOrder: 4, timeZone: 'America/Sao_Paulo' });
    expect(inUtc).toMatchObject({ purchaseDays: 2, daysSinceLastOrder: 3 });
    // The next purchase is due at the start of a São Paulo day (03:00 UTC), not at UTC midnight.
    expect(new Date(inSaoPaulo!.activity.nextPurchaseExpectedAt!).toISOString().slice(11)).toBe('03:00:00.000Z');
  });

  it('ages the customer on the seller’s midnight, not UTC’s', () => {
    const c = customer('x');
    const orders = [order('x', '2026-05-31T12:00:00Z')];
    // 02:00 UTC on June 1st is still May 31st, 23:00, in São Paulo: the sale was today.
    const lateEvening = Date.parse('2026-06-01T02:00:00Z');
    expect(computeCustomerBase(c, orders, [], lateEvening, 'America/Sao_Paulo').daysSinceLastOrder).toBe(0);
    expect(computeCustomerBase(c, orders, [], lateEvening, 'UTC').daysSinceLastOrder).toBe(1);
    expect(ageCustomerBase(computeCustomerBase(c, orders, [], lateEvening, 'America/Sao_Paulo'), lateEvening + 3_600_000).daysSinceLastOrder).toBe(1);
  });

  it('refuses a time zone Intl does not know, naming the field', () => {
    expect(() => factsOf([customer('x')], [], [], { timeZone: 'Mars/Olympus_Mons' })).toThrow(/timeZone/);
  });
});
