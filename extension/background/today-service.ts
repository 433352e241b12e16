import {
  calendarOf,
  hiddenOn,
  isoDay,
  isUrgent,
  markDone,
  markSnoozed,
  readMarks,
  todayList,
  TODAY_KINDS,
  TODAY_MARKS_KEY,
  type Book,
  type BookTable,
  type Calendar,
  type FollowUp,
  type IdentityKind,
  type LifecycleStage,
  type PredictionState,
  type TodayItem,
  type TodayKind,
  type TodayMarks,
} from '../../core';
import type { CurrencyTotal } from '../messaging/protocol';
import type { BookTableService } from './book-table-service';
import { currencyTotals } from './profiles';

/** Items sent per section: the counts say how many there are in all. */
export const TODAY_SECTION_LIMIT = 100;

/** What a Hoje row shows of its customer: the quick reply's values and the chat links are made from it. */
export interface TodayCustomerSummary {
  id: string;
  name: string;
  contacts: { kind: IdentityKind; value: string; raw: string }[];
  lifecycleStage: LifecycleStage;
  funnelStage: string | null;
  lastPurchaseAt: string | null;
  totals: CurrencyTotal[];
}

export interface TodayReply {
  /** The seller's date today (`YYYY-MM-DD`, in their zone). */
  today: string;
  /** Each section's first TODAY_SECTION_LIMIT items, in the list's order. */
  items: TodayItem[];
  /** How many items each section holds in all. */
  counts: Record<TodayKind, number>;
  /** Follow-ups due, late customers and low feedback: what the daily notification counts. */
  urgent: number;
  customers: Record<string, TodayCustomerSummary>;
  /** Late customers are ordered by predicted value once it is `ready`. */
  predictions: PredictionState;
  /** The customer table's version the list was made from (`table/updated` names the version it reached). */
  version: number;
}

/**
 * The Hoje list from what the background already holds: the customer table's rows and engine (core/today reads
 * their facts), the due follow-ups through the `due` index, and the seller's marks, one `meta` value. Nothing
 * reads the whole book per answer.
 */
export async function todayReply(book: Book, table: BookTableService, now: Date): Promise<TodayReply> {
  const calendar = calendarOf(table.timeZone);
  const today = calendar.day(now.getTime());
  const [marks, followUps] = await Promise.all([
    book.meta.get(TODAY_MARKS_KEY).then(readMarks),
    book.followUps.listDue(new Date(calendar.dayStart(today + 1) - 1)),
  ]);
  return table.read((built) => {
    const inputs = { calendar, today, marks, followUps };
    const key = keyOf(built, inputs);
    const last = lastLists.get(built);
    if (last?.key === key) return last.reply;
    const all = todayListOf(built, inputs);
    const counts = Object.fromEntries(TODAY_KINDS.map((kind) => [kind, 0])) as Record<TodayKind, number>;
    const items: TodayItem[] = [];
    const customers: Record<string, TodayCustomerSummary> = {};
    for (const item of all) {
      counts[item.kind] += 1;
      if (counts[item.kind] > TODAY_SECTION_LIMIT) continue;
      items.push(item);
      if (customers[item.customerId]) continue;
      const held = built.customerOf(item.customerId);
      if (!held) continue;
      customers[item.customerId] = {
        id: item.customerId,
        name: held.customer.displayName,
        contacts: held.customer.identities.map(({ kind, value, raw }) => ({ kind, value, raw })),
        lifecycleStage: held.row.stage,
        funnelStage: held.row.funnelStage,
        lastPurchaseAt: held.row.lastPurchaseAt,
        totals: currencyTotals(held.orders),
      };
    }
    const reply: TodayReply = { today: isoDay(today), items, counts, urgent: all.filter(isUrgent).length, customers, predictions: built.predictions, version: built.table.version };
    lastLists.set(built, { key, reply });
    return reply;
  });
}

type TodayInputs = { calendar: Calendar; today: number; marks: TodayMarks; followUps: readonly FollowUp[] };

/**
 * The last list computed from each table, what it was computed from, and the answer made of it: Hoje opened again
 * unchanged is answered as it was (a book of 100k customers has tens of thousands of late customers, and the
 * answer's customer summaries read each listed customer's orders).
 */
const lastLists = new WeakMap<BookTable, { key: string; reply: TodayReply }>();

/**
 * What the list depends on: it is kept until the table changes (its version counts every row it re-places, feedback,
 * names, contacts and predictions included), the day turns, or the seller's marks or follow-ups differ.
 */
function keyOf(built: BookTable, { calendar, today, marks, followUps }: TodayInputs): string {
  return JSON.stringify([built.table.version, built.predictions, today, calendar.timeZone, marks, followUps.map(({ id, due, done, text, customerId }) => [id, due, done, text, customerId])]);
}

/** The whole list (core/today `todayList`) from the table's candidates. */
function todayListOf(built: BookTable, { calendar, today, marks, followUps }: TodayInputs): TodayItem[] {
  return todayList({ calendar, today, customers: built.todayCandidates(), listed: (id) => built.isListed(id), followUps, feedback: built.allFeedback(), hidden: hiddenOn(marks, today) });
}

/**
 * The seller's "done" on an item: a follow-up is marked done in the book; anything else is remembered in `meta`
 * (a late customer until they buy again).
 */
export async function markTodayDone(book: Book, timeZone: string, now: Date, key: string): Promise<void> {
  const followUp = /^follow-up:(.+)$/.exec(key);
  if (followUp) {
    await book.followUps.setDone(followUp[1] as string, true);
    return;
  }
  const today = calendarOf(timeZone).day(now.getTime());
  await book.meta.set(TODAY_MARKS_KEY, markDone(readMarks(await book.meta.get(TODAY_MARKS_KEY)), key, today));
}

/** The seller's "snooze": the item is hidden until `days` days after today, in their zone. */
export async function snoozeTodayItem(book: Book, timeZone: string, now: Date, key: string, days: number): Promise<void> {
  const today = calendarOf(timeZone).day(now.getTime());
  await book.meta.set(TODAY_MARKS_KEY, markSnoozed(readMarks(await book.meta.get(TODAY_MARKS_KEY)), key, today, days));
}
