import type { Feedback, FollowUp } from '../model';
import type { Calendar } from '../locale/calendar';
import type { ActivityStatus } from '../segments';

/** How long feedback and store prospects stay "new" on the Hoje list, in the seller's days (today included). */
export const TODAY_NEW_DAYS = 7;

/**
 * What the Hoje list reads of a customer: the segmentation engine's facts, as the background's table holds them.
 * Day numbers count the seller's local dates (core/locale/calendar.ts).
 */
export interface TodayCustomer {
  readonly id: string;
  readonly archived: boolean;
  /** Epoch ms the customer entered the book. */
  readonly createdAt: number;
  /** The seller's day of their latest paid order; null without one. */
  readonly lastPurchaseDay: number | null;
  /** Their own typical days between purchases (two purchase days or more); null otherwise. */
  readonly ownIntervalDays: number | null;
  readonly activity: ActivityStatus;
  /** Predicted value of the next 90 days in the main currency's minor units; null when not (yet) predicted. */
  readonly predictedMinor: number | null;
  /** Whether the store brought them: a storefront feedback, an order on the store channel (any status) or a storefront contact. */
  readonly fromStore: boolean;
}

interface ItemBase {
  /** Stable per item: what done and snooze remember (see today-marks.ts). */
  readonly key: string;
  readonly customerId: string;
}
export interface FollowUpItem extends ItemBase {
  readonly kind: 'follow-up';
  readonly followUpId: string;
  readonly due: string;
  readonly text: string;
}
export interface LateItem extends ItemBase {
  readonly kind: 'late';
  readonly daysLate: number;
  /** Start of the day their next purchase was expected (epoch ms, the seller's local 00:00). */
  readonly expectedAt: number;
  readonly intervalDays: number;
  readonly predictedMinor: number | null;
}
export interface LowFeedbackItem extends ItemBase {
  readonly kind: 'low-feedback';
  readonly feedbackId: string;
  readonly scale: Feedback['kind'];
  readonly score: number;
  readonly receivedAt: string;
  readonly comment: string | null;
}
export interface ProspectItem extends ItemBase {
  readonly kind: 'new-prospect';
  /** When they entered the book (ISO). */
  readonly since: string;
}
export type TodayItem = FollowUpItem | LateItem | LowFeedbackItem | ProspectItem;
export type TodayKind = TodayItem['kind'];
export const TODAY_KINDS: readonly TodayKind[] = ['follow-up', 'late', 'low-feedback', 'new-prospect'];

export interface TodayInput {
  readonly calendar: Calendar;
  /** The seller's day number of "now" in `calendar`. */
  readonly today: number;
  /** The customers who may be late or new prospects (others may be left out: see `listed`). */
  readonly customers: Iterable<TodayCustomer>;
  /**
   * Whether a follow-up's or a rating's customer is in the book and not archived. By default, whether they are
   * among `customers` and not archived; a caller that passes only the candidates for late and prospect says it here.
   */
  readonly listed?: (customerId: string) => boolean;
  /** Open follow-ups due up to the end of today at least (more are ignored); done ones are ignored. */
  readonly followUps: Iterable<FollowUp>;
  readonly feedback: Iterable<Feedback>;
  /** Whether a key is hidden today (done or snoozed); nothing is by default. */
  readonly hidden?: (key: string) => boolean;
}

/** A low score: CSAT 1–2 of 5, NPS 0–6 of 10 (a detractor). */
export function isLowScore(feedback: Pick<Feedback, 'kind' | 'score'>): boolean {
  return feedback.kind === 'csat' ? feedback.score <= 2 : feedback.score <= 6;
}

export const itemKey = {
  followUp: (followUpId: string) => `follow-up:${followUpId}`,
  /** Tied to the purchase they are late after: done hides them until they buy again. */
  late: (customerId: string, lastPurchaseDay: number) => `late:${customerId}:${lastPurchaseDay}`,
  feedback: (feedbackId: string) => `feedback:${feedbackId}`,
  prospect: (customerId: string) => `prospect:${customerId}`,
};

/**
 * Who to talk to today, in the order the seller works through it: follow-ups due (oldest first), late customers
 * (highest predicted value first: what is at stake), new low feedback (newest first), new store prospects (newest
 * first). Archived customers are never listed.
 *
 * - **Follow-up due**: not done, due on or before today's date in the seller's zone (one due at 22:00 in São Paulo
 *   is due that day, though it is 01:00 UTC of the next).
 * - **Late**: a customer with their own rhythm (two purchase days or more: a one-time buyer has none, and the
 *   store's typical interval would list every one of them a month after their first order) whose expected next
 *   purchase day, last purchase day + their typical interval rounded to days (as the activity status counts it),
 *   is before today: late by today − that day. Customers the engine already judged **lost** are left out: past six
 *   intervals or a year of silence a chat today is a win-back campaign (Limpeza, segments), not a reminder, and
 *   they would bury the few that still answer.
 * - **Low feedback**: a CSAT ≤ 2 or NPS ≤ 6 received in the last 7 of the seller's days, on a customer the seller
 *   knows (feedback whose unsigned contact still waits for the seller's answer is settled in Configurações first).
 * - **New prospect from the store**: a customer with no paid order, who entered the book in the last 7 of the
 *   seller's days and whom the store brought (`fromStore`: a storefront feedback, an order on the store channel of any status, or
 *   a storefront contact).
 */
export function todayList({ calendar, today, customers, followUps, feedback, hidden = () => false, listed: given }: TodayInput): TodayItem[] {
  const candidates = given ? customers : [...customers];
  const listed = given ?? listedAmong(candidates as readonly TodayCustomer[]);
  const newSince = today - (TODAY_NEW_DAYS - 1);

  const due: FollowUpItem[] = [];
  for (const followUp of followUps) {
    if (followUp.done || !listed(followUp.customerId) || calendar.day(Date.parse(followUp.due)) > today) continue;
    const key = itemKey.followUp(followUp.id);
    if (!hidden(key)) due.push({ kind: 'follow-up', key, customerId: followUp.customerId, followUpId: followUp.id, due: followUp.due, text: followUp.text });
  }
  due.sort((a, b) => Date.parse(a.due) - Date.parse(b.due) || compare(a.key, b.key));

  const late: LateItem[] = [];
  const prospects: ProspectItem[] = [];
  for (const customer of candidates) {
    if (customer.archived) continue;
    const { lastPurchaseDay, ownIntervalDays } = customer;
    if (lastPurchaseDay !== null && ownIntervalDays !== null && customer.activity !== 'lost') {
      const intervalDays = Math.max(1, Math.round(ownIntervalDays));
      const expectedDay = lastPurchaseDay + intervalDays;
      const key = itemKey.late(customer.id, lastPurchaseDay);
      if (expectedDay < today && !hidden(key)) {
        late.push({ kind: 'late', key, customerId: customer.id, daysLate: today - expectedDay, expectedAt: calendar.dayStart(expectedDay), intervalDays, predictedMinor: customer.predictedMinor });
      }
    }
    if (lastPurchaseDay === null && customer.fromStore && calendar.day(customer.createdAt) >= newSince) {
      const key = itemKey.prospect(customer.id);
      if (!hidden(key)) prospects.push({ kind: 'new-prospect', key, customerId: customer.id, since: new Date(customer.createdAt).toISOString() });
    }
  }
  // Unpredicted values (still being fitted, or too little data) rank after every predicted one, then the latest.
  late.sort((a, b) => (b.predictedMinor ?? -1) - (a.predictedMinor ?? -1) || b.daysLate - a.daysLate || compare(a.key, b.key));
  prospects.sort((a, b) => compare(b.since, a.since) || compare(a.key, b.key));

  const low: LowFeedbackItem[] = [];
  for (const row of feedback) {
    if (!isLowScore(row) || !listed(row.customerId) || row.claim?.status === 'pending') continue;
    const day = calendar.day(Date.parse(row.receivedAt));
    if (day < newSince || day > today) continue;
    const key = itemKey.feedback(row.id);
    if (!hidden(key)) low.push({ kind: 'low-feedback', key, customerId: row.customerId, feedbackId: row.id, scale: row.kind, score: row.score, receivedAt: row.receivedAt, comment: row.comment });
  }
  low.sort((a, b) => compare(b.receivedAt, a.receivedAt) || compare(a.key, b.key));

  return [...due, ...late, ...low, ...prospects];
}

function listedAmong(customers: readonly TodayCustomer[]): (customerId: string) => boolean {
  const ids = new Set<string>();
  for (const customer of customers) if (!customer.archived) ids.add(customer.id);
  return (customerId) => ids.has(customerId);
}

/** Items worth a browser notification: all but the new prospects. */
export function isUrgent(item: Pick<TodayItem, 'kind'>): boolean {
  return item.kind !== 'new-prospect';
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
