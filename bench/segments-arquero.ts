// The peer of the columnar recompute: arquero computing the same per-customer aggregates and window metrics from
// the same order columns (the engine's), then checked against ours before any figure is printed.
import { op, table } from 'arquero';
import { DAY_MS, type FactColumns, type Metrics, type OrderColumnsView, type WindowMetrics } from '../core/segments';

/** The engine's order columns as arquero's input: one row per filed order, codes as numbers. */
export interface PeerInput {
  readonly customer: Int32Array;
  readonly at: Float64Array;
  readonly amount: Float64Array;
  readonly currency: Uint16Array;
  readonly paid: Uint8Array;
  readonly texts: readonly string[];
  readonly main: number;
  /** By customer number. */
  readonly archived: Uint8Array;
  readonly createdAt: Float64Array;
  readonly feedback: { readonly kind: string[]; readonly score: Int32Array; readonly at: Float64Array };
}

export interface PeerAnswer {
  readonly customers: { customer: ArrayLike<number>; orderCount: ArrayLike<number>; purchaseDays: ArrayLike<number>; firstDay: ArrayLike<number>; lastDay: ArrayLike<number>; mainSpend: ArrayLike<number>; ownInterval: ArrayLike<number | undefined> };
  readonly windows: Partial<WindowMetrics>[];
}

/** Copies the live slots out of the engine's columns (untimed: both sides get the same input). */
export function peerInput(view: OrderColumnsView, facts: FactColumns, main: string, feedback: readonly { kind: string; score: number; receivedAt: string }[]): PeerInput {
  const live: number[] = [];
  for (let slot = 0; slot < view.slots; slot++) if (view.owner[slot]! >= 0) live.push(slot);
  const paid = view.codeOf('paid');
  return {
    customer: Int32Array.from(live, (s) => view.owner[s]!),
    at: Float64Array.from(live, (s) => view.placedAtMs[s]!),
    amount: Float64Array.from(live, (s) => view.totalMinor[s]!),
    currency: Uint16Array.from(live, (s) => view.currency[s]!),
    paid: Uint8Array.from(live, (s) => (view.status[s] === paid ? 1 : 0)),
    texts: view.texts,
    main: view.codeOf(main),
    archived: facts.archived,
    createdAt: facts.createdAt,
    feedback: { kind: feedback.map((f) => f.kind), score: Int32Array.from(feedback, (f) => f.score), at: Float64Array.from(feedback, (f) => Date.parse(f.receivedAt)) },
  };
}

/** Per-customer aggregates (UTC days) and the current and previous window's figures, in arquero's verbs. */
export function arqueroRecompute(input: PeerInput, start: number, end: number): PeerAnswer {
  const length = end - start;
  const bounds = { b0: start - 2 * length, b1: start - length, start, end, dayMs: DAY_MS, main: input.main };
  const paid = table({ customer: input.customer, at: input.at, amount: input.amount, currency: input.currency, paid: input.paid })
    .params(bounds)
    .filter('d => d.paid === 1')
    .derive({ day: '(d, $) => op.floor(d.at / $.dayMs)' });
  const days = paid.groupby('customer', 'day').rollup({ firstAt: 'd => op.min(d.at)' });
  const rhythm = days
    .groupby('customer')
    .orderby('day')
    .derive({ gap: 'd => d.day - op.lag(d.day)', nth: () => op.row_number() })
    .rollup({
      purchaseDays: () => op.count(),
      firstDay: 'd => op.min(d.day)',
      lastDay: 'd => op.max(d.day)',
      ownInterval: 'd => op.median(d.gap)',
      secondDayAt: 'd => op.min(d.nth === 2 ? d.firstAt : 1e300)',
    });
  const customers = paid
    .groupby('customer')
    .rollup({ orderCount: () => op.count(), mainSpend: '(d, $) => op.sum(d.currency === $.main ? d.amount : 0)', firstAt: 'd => op.min(d.at)' })
    .join(rhythm, 'customer');
  const windowed = paid.derive({ w: '(d, $) => d.at < $.b0 || d.at >= $.end ? -1 : d.at < $.b1 ? 0 : d.at < $.start ? 1 : 2' });
  const byCurrency = windowed.filter('d => d.w >= 1').groupby('w', 'currency').rollup({ revenue: 'd => op.sum(d.amount)', orders: () => op.count(), buyers: 'd => op.distinct(d.customer)' });
  const presence = windowed
    .filter('d => d.w >= 0')
    .groupby('customer')
    .rollup({ in0: 'd => op.max(d.w === 0 ? 1 : 0)', in1: 'd => op.max(d.w === 1 ? 1 : 0)', in2: 'd => op.max(d.w === 2 ? 1 : 0)' })
    .join(customers.select('customer', 'secondDayAt'), 'customer');
  const firstIn = paid.groupby('customer', 'currency').rollup({ first: 'd => op.min(d.at)' });
  const feedback = table({ kind: input.feedback.kind, score: input.feedback.score, at: input.feedback.at })
    .params(bounds)
    .derive({ w: '(d, $) => d.at < $.b0 || d.at >= $.end ? -1 : d.at < $.b1 ? 0 : d.at < $.start ? 1 : 2' });
  const people = table({ archived: input.archived, createdAt: input.createdAt });

  const windows = [1, 2].map((w) => {
    const wStart = w === 1 ? bounds.b1 : start;
    const wEnd = w === 1 ? start : end;
    const money = byCurrency.params({ w }).filter('(d, $) => d.w === $.w').objects() as { currency: number; revenue: number; orders: number; buyers: number }[];
    const record = (field: 'revenue' | 'orders' | 'buyers') => Object.fromEntries(money.map((row) => [input.texts[row.currency]!, row[field]]));
    const counts = presence
      .params({ wEnd })
      .rollup({
        buyers: `d => op.sum(d.in${w})`,
        base: `d => op.sum(d.in${w - 1})`,
        retained: `d => op.sum(d.in${w - 1} * d.in${w})`,
        repeaters: `(d, $) => op.sum(d.in${w} === 1 && d.secondDayAt < $.wEnd ? 1 : 0)`,
      })
      .object() as { buyers: number; base: number; retained: number; repeaters: number };
    const newCustomers = customers.params({ wStart, wEnd }).filter('(d, $) => d.firstAt >= $.wStart && d.firstAt < $.wEnd').numRows();
    const revenueToDate = paid.params({ wEnd }).filter('(d, $) => d.at < $.wEnd').groupby('currency').rollup({ revenue: 'd => op.sum(d.amount)' });
    const buyersToDate = firstIn.params({ wEnd }).filter('(d, $) => d.first < $.wEnd').groupby('currency').rollup({ n: () => op.count() });
    const history = revenueToDate.join(buyersToDate, 'currency').objects() as { currency: number; revenue: number; n: number }[];
    const scores = feedback.params({ w }).filter('(d, $) => d.w === $.w');
    const csat = scores.filter("d => d.kind === 'csat'").rollup({ n: () => op.count(), good: 'd => op.sum(d.score >= 4 ? 1 : 0)' }).object() as { n: number; good: number };
    const nps = scores.filter("d => d.kind === 'nps'").rollup({ n: () => op.count(), promoters: 'd => op.sum(d.score >= 9 ? 1 : 0)', detractors: 'd => op.sum(d.score <= 6 ? 1 : 0)' }).object() as { n: number; promoters: number; detractors: number };
    return {
      revenueMinor: record('revenue'),
      ordersByCurrency: record('orders'),
      buyingCustomersByCurrency: record('buyers'),
      buyingCustomers: counts.buyers,
      retentionBase: counts.base,
      retained: counts.retained,
      repurchaseRate: counts.buyers === 0 ? null : counts.repeaters / counts.buyers,
      newCustomers,
      historicalValuePerCustomerMinor: Object.fromEntries(history.map((row) => [input.texts[row.currency]!, Math.round(row.revenue / row.n)])),
      csatResponses: csat.n,
      csatPercent: csat.n === 0 ? null : (100 * csat.good) / csat.n,
      npsResponses: nps.n,
      nps: nps.n === 0 ? null : (100 * (nps.promoters - nps.detractors)) / nps.n,
      activeCustomers: people.params({ wEnd }).filter('(d, $) => d.archived === 0 && d.createdAt < $.wEnd').numRows(),
    } satisfies Partial<WindowMetrics>;
  });
  return {
    customers: {
      customer: customers.array('customer') as ArrayLike<number>,
      orderCount: customers.array('orderCount') as ArrayLike<number>,
      purchaseDays: customers.array('purchaseDays') as ArrayLike<number>,
      firstDay: customers.array('firstDay') as ArrayLike<number>,
      lastDay: customers.array('lastDay') as ArrayLike<number>,
      mainSpend: customers.array('mainSpend') as ArrayLike<number>,
      ownInterval: customers.array('ownInterval') as ArrayLike<number | undefined>,
    },
    windows,
  };
}

/** Throws, naming the first difference, unless arquero's answer is ours. */
export function assertSameRecompute(peer: PeerAnswer, facts: FactColumns, metrics: Metrics): void {
  const c = peer.customers;
  let buyers = 0;
  for (let n = 0; n < facts.size; n++) if (facts.present[n] === 1 && facts.orderCount[n]! > 0) buyers++;
  if (c.customer.length !== buyers) throw new Error(`arquero found ${c.customer.length} buyers, ours ${buyers}`);
  for (let k = 0; k < c.customer.length; k++) {
    const n = c.customer[k]!;
    const interval = c.ownInterval[k];
    const theirs = [c.orderCount[k], c.purchaseDays[k], c.firstDay[k], c.lastDay[k], c.mainSpend[k], interval === undefined || interval === null ? Number.NaN : interval];
    const ours = [facts.orderCount[n], facts.purchaseDays[n], facts.firstDay[n], facts.lastDay[n], facts.mainSpend[n], facts.ownInterval[n]];
    if (!theirs.every((v, i) => Object.is(v, ours[i]))) throw new Error(`arquero and ours disagree on customer ${facts.ids[n]}: ${theirs.join()} vs ${ours.join()}`);
  }
  [metrics.previous, metrics.current].forEach((window, i) => {
    const theirs = peer.windows[i]!;
    for (const [key, value] of Object.entries(theirs)) {
      const mine = window[key as keyof WindowMetrics];
      if (JSON.stringify(sorted(value)) !== JSON.stringify(sorted(mine))) {
        throw new Error(`arquero and ours disagree on ${i === 0 ? 'previous' : 'current'}.${key}: ${JSON.stringify(value)} vs ${JSON.stringify(mine)}`);
      }
    }
  });
}

const sorted = (value: unknown) => (value !== null && typeof value === 'object' ? Object.fromEntries(Object.entries(value).sort()) : value);
