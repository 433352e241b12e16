import type { BackupDocument } from '../../io/backup-format';

/** A calendar month's figures worked out directly from a book's rows, apart from the engine. */
export interface MonthAnswer {
  revenueMinor: Record<string, number>;
  orders: number;
  averageTicketMinor: Record<string, number>;
  revenuePerCustomerMinor: Record<string, number>;
  newCustomers: number;
  /** Who paid for an order in the month. */
  buyers: Set<string>;
}

/** `YYYY-MM` of an instant on the wall clock of `timeZone`, read from Intl alone. */
export function monthKey(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(ms);
  return `${parts.find((p) => p.type === 'year')?.value}-${parts.find((p) => p.type === 'month')?.value}`;
}

/** Retention of a month: the share of the month before's buyers who bought in it (null when nobody bought before). */
export function retentionOf(month: MonthAnswer, before: MonthAnswer): number | null {
  if (before.buyers.size === 0) return null;
  return [...before.buyers].filter((id) => month.buyers.has(id)).length / before.buyers.size;
}

/** The month before a `YYYY-MM`. */
export function monthBefore(key: string): string {
  const [year, month] = key.split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/**
 * Revenue, orders, average ticket, revenue per customer (per currency) and new customers of one calendar month in
 * `timeZone`: paid orders only, every customer of the book (archived ones too), by plain loops over the rows.
 */
export function monthAnswer(document: Pick<BackupDocument, 'orders'>, month: string, timeZone: string): MonthAnswer {
  const revenueMinor: Record<string, number> = {};
  const ordersIn: Record<string, number> = {};
  const buyersIn: Record<string, Set<string>> = {};
  const firstPaid = new Map<string, number>();
  let orders = 0;
  for (const order of document.orders) {
    if (order.status !== 'paid') continue;
    const ms = Date.parse(order.placedAt);
    firstPaid.set(order.customerId, Math.min(ms, firstPaid.get(order.customerId) ?? Infinity));
    if (monthKey(ms, timeZone) !== month) continue;
    revenueMinor[order.currency] = (revenueMinor[order.currency] ?? 0) + order.totalMinor;
    ordersIn[order.currency] = (ordersIn[order.currency] ?? 0) + 1;
    (buyersIn[order.currency] ??= new Set()).add(order.customerId);
    orders += 1;
  }
  const per = (counts: (currency: string) => number) => Object.fromEntries(Object.entries(revenueMinor).map(([currency, minor]) => [currency, Math.round(minor / counts(currency))]));
  return {
    revenueMinor,
    orders,
    averageTicketMinor: per((currency) => ordersIn[currency] as number),
    revenuePerCustomerMinor: per((currency) => (buyersIn[currency] as Set<string>).size),
    newCustomers: [...firstPaid.values()].filter((ms) => monthKey(ms, timeZone) === month).length,
    buyers: new Set(Object.values(buyersIn).flatMap((set) => [...set])),
  };
}
