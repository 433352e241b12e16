import { calendarOf } from '../locale/calendar';
import type { FactColumns } from './fact-columns';
import { NO_SLOT, type OrderColumnsView } from './order-columns';
import { DAY_MS, type Instant, toEpochMs } from './time';

/** What the dashboard's monthly charts read: the engine's order and fact columns, its time zone and "now". */
export interface MonthlyInput {
  readonly orders: OrderColumnsView;
  readonly facts: FactColumns;
  readonly timeZone: string;
  readonly now: Instant;
}

export interface MonthlyRevenue {
  /** Calendar months of the seller's zone, `YYYY-MM`, from the first paid order's to now's (or the last order's). */
  readonly months: readonly string[];
  /** Paid revenue per currency, minor units, one entry per month (0 in a month without sales in it). */
  readonly revenueMinor: Readonly<Record<string, readonly number[]>>;
}

export interface MonthlyCohort {
  /** The month of the cohort's first paid orders, `YYYY-MM`. */
  readonly month: string;
  /** Customers whose first paid order is in that month. */
  readonly customers: number;
  /** buyers[k]: how many of them paid for an order in month + k, k = 0 … the last month; share[k] = buyers[k] ÷ customers. */
  readonly buyers: readonly number[];
  readonly share: readonly number[];
}

/** Each order slot's month (−1: not a paid order of the book), and the months spanned: first, count. */
interface Months {
  readonly monthOfSlot: Int32Array;
  readonly first: number;
  readonly count: number;
}

/**
 * Months as numbers (year · 12 + month − 1) of the days of the orders, on the seller's calendar, and the range they
 * span with now's month: the one place both charts cut months.
 */
function monthsOf(input: MonthlyInput): Months {
  const calendar = calendarOf(input.timeZone);
  const { orders, facts } = input;
  const paid = orders.codeOf('paid');
  const monthOfSlot = new Int32Array(orders.slots).fill(-1);
  const monthOfDay = new Map<number, number>();
  let first = Number.POSITIVE_INFINITY;
  let last = monthNumber(calendar.day(toEpochMs(input.now)));
  for (let slot = 0; slot < orders.slots; slot++) {
    const c = orders.owner[slot] as number;
    if (c === NO_SLOT || facts.present[c] !== 1 || orders.status[slot] !== paid) continue;
    const at = orders.placedAtMs[slot] as number;
    if (!Number.isFinite(at)) continue;
    const day = calendar.day(at);
    let month = monthOfDay.get(day);
    if (month === undefined) monthOfDay.set(day, (month = monthNumber(day)));
    monthOfSlot[slot] = month;
    first = Math.min(first, month);
    last = Math.max(last, month);
  }
  return { monthOfSlot, first, count: first > last ? 0 : last - first + 1 };
}

/** Both monthly figures from one cut of the orders into months (the dashboard reads them together). */
export function monthlyFigures(input: MonthlyInput): { revenue: MonthlyRevenue; cohorts: MonthlyCohort[] } {
  const months = monthsOf(input);
  return { revenue: monthlyRevenue(input, months), cohorts: monthlyCohorts(input, months) };
}

/** Paid revenue per calendar month and currency (customers in the book, archived ones included: history stays). */
export function monthlyRevenue(input: MonthlyInput, months: Months = monthsOf(input)): MonthlyRevenue {
  const { monthOfSlot, first, count } = months;
  const { orders } = input;
  const revenueMinor: Record<string, number[]> = {};
  for (let slot = 0; slot < orders.slots; slot++) {
    const month = monthOfSlot[slot] as number;
    if (month < 0) continue;
    const currency = orders.texts[orders.currency[slot] as number] as string;
    const series = (revenueMinor[currency] ??= new Array<number>(count).fill(0));
    series[month - first] = (series[month - first] as number) + (orders.totalMinor[slot] as number);
  }
  return { months: Array.from({ length: count }, (_, k) => monthLabel(first + k)), revenueMinor };
}

/**
 * Monthly cohort retention: customers grouped by the month of their first paid order, and for each later month
 * how many of them bought in it. Months without a first purchase have no cohort. Each customer's orders are read
 * along their chain, once.
 */
export function monthlyCohorts(input: MonthlyInput, months: Months = monthsOf(input)): MonthlyCohort[] {
  const { monthOfSlot, first, count } = months;
  const { orders, facts } = input;
  const customers = new Int32Array(count);
  const buyers = Array.from({ length: count }, (_, m) => new Int32Array(count - m));
  // seen[k] = c + 1 once customer c is counted in month k of their cohort.
  const seen = new Int32Array(count);
  for (let c = 0; c < facts.size; c++) {
    if (facts.present[c] !== 1 || facts.orderCount[c] === 0) continue;
    let cohort = Number.POSITIVE_INFINITY;
    for (let slot = orders.head[c] as number; slot !== NO_SLOT; slot = orders.next[slot] as number) {
      if ((monthOfSlot[slot] as number) >= 0) cohort = Math.min(cohort, monthOfSlot[slot] as number);
    }
    const m = cohort - first;
    customers[m]! += 1;
    for (let slot = orders.head[c] as number; slot !== NO_SLOT; slot = orders.next[slot] as number) {
      const month = monthOfSlot[slot] as number;
      if (month < 0 || seen[month - cohort] === c + 1) continue;
      seen[month - cohort] = c + 1;
      buyers[m]![month - cohort]! += 1;
    }
  }
  const cohorts: MonthlyCohort[] = [];
  for (let m = 0; m < count; m++) {
    const n = customers[m] as number;
    if (n === 0) continue;
    const row = Array.from(buyers[m]!);
    cohorts.push({ month: monthLabel(first + m), customers: n, buyers: row, share: row.map((b) => b / n) });
  }
  return cohorts;
}

/** A day number's month: day numbers count local dates from 1970-01-01, which is what the UTC date of day·DAY_MS is. */
function monthNumber(day: number): number {
  const date = new Date(day * DAY_MS);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

function monthLabel(month: number): string {
  return `${String(Math.floor(month / 12)).padStart(4, '0')}-${String((month % 12) + 1).padStart(2, '0')}`;
}
