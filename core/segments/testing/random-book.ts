import fc from 'fast-check';
import type { Customer, Feedback, Order } from '../../model';
import { calendarOf } from '../../locale/calendar';
import { DAY_MS } from '../time';
import { NOW, csat, customer, nps, order } from './builders';

export const ZONES = ['UTC', 'America/Sao_Paulo'] as const;

export interface RandomBook {
  readonly customers: Customer[];
  readonly orders: Order[];
  readonly feedback: Feedback[];
  readonly timeZone: (typeof ZONES)[number];
  readonly mainCurrency: string;
  readonly now: number;
}

/** Days ago: mostly close together (same-day orders, short gaps), sometimes years apart. */
const ago = fc.oneof(fc.nat(6), fc.nat(60), fc.nat(900));

/**
 * Small books for property tests: several currencies, refunded and cancelled orders, same-day orders (times drawn
 * on the seller's clock, so 22:00 in São Paulo is that local day's sale), archived customers, ratings, an order of a
 * customer who is not in the book, in UTC or São Paulo, "now" at any hour.
 */
export const randomBook: fc.Arbitrary<RandomBook> = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    mainCurrency: fc.constantFrom('BRL', 'EUR'),
    nowHour: fc.nat(23),
    customers: fc.array(
      fc.record({
        archived: fc.boolean(),
        createdAgo: fc.nat(1_000),
        stage: fc.constantFrom(null, 'lead', 'customer'),
        fields: fc.constantFrom<Customer['customFields'][]>({}, { cidade: 'Recife' }, { cidade: ' recife', pedidos: 3 }, { pedidos: 7, atacado: true }),
        kinds: fc.subarray(['whatsapp', 'instagram', 'email'] as const),
      }),
      { minLength: 1, maxLength: 8 },
    ),
    orders: fc.array(
      fc.record({
        who: fc.nat(8),
        // One day shared by many orders: customers whose orders all fall on one day (one purchase day, many orders).
        ago: fc.oneof(ago, fc.constant(3)),
        hour: fc.oneof(fc.nat(23), fc.constant(22)),
        minute: fc.oneof(fc.constant(0), fc.nat(59)),
        totalMinor: fc.integer({ min: 0, max: 60_000 }),
        currency: fc.constantFrom('BRL', 'BRL', 'EUR', 'USD'),
        status: fc.constantFrom('paid' as const, 'paid' as const, 'paid' as const, 'refunded' as const, 'cancelled' as const),
      }),
      { maxLength: 50 },
    ),
    // Ratings on the hour, often at the same instant as another rating or an order (ties have rules of their own).
    feedback: fc.array(fc.record({ who: fc.nat(8), nps: fc.boolean(), score: fc.nat(10), ago, hour: fc.constantFrom(10, 22) }), { maxLength: 12 }),
  })
  .map((spec): RandomBook => {
    const calendar = calendarOf(spec.timeZone);
    const now = NOW + spec.nowHour * 3_600_000;
    const today = calendar.day(now);
    const at = (daysAgo: number, hour: number, minute = 0) => new Date(calendar.dayStart(today - daysAgo) + hour * 3_600_000 + minute * 60_000).toISOString();
    const customers = spec.customers.map((c, i) =>
      customer(`c${i}`, { archivedAt: c.archived ? new Date(now - DAY_MS).toISOString() : null, createdAt: at(c.createdAgo, 9), funnelStage: c.stage,
        tagIds: i % 2 === 0 ? ['vip'] : [],
        customFields: c.fields,
        identities: c.kinds.map((kind) => ({ kind, value: `${kind}-${i}`, raw: `${kind}-${i}`, addedAt: at(c.createdAgo, 9) })),
      }),
    );
    const orders = spec.orders.map((o) =>
      order(`c${o.who}`, at(o.ago, o.hour, o.minute), { totalMinor: o.totalMinor, currency: o.currency, status: o.status }),
    );
    const feedback = spec.feedback.map((f) => (f.nps ? nps(`c${f.who}`, f.score, at(f.ago, f.hour)) : csat(`c${f.who}`, 1 + (f.score % 5), at(f.ago, f.hour))));
    return { customers, orders, feedback, timeZone: spec.timeZone, mainCurrency: spec.mainCurrency, now };
  });
