import { z } from '../zod';
import { parseRecord } from '../model/validate';
import { dayOfIso } from '../today/today-marks';

/**
 * A seller's SMART goal: one metric of the store, a target, and a span of days of the seller's calendar
 * (`start` … `deadline`, both included, `YYYY-MM-DD`).
 *
 * Targets by kind (GOAL_METRIC_KIND):
 * - `money` (revenue, average ticket): integer minor units of `currency` (R$ 150,00 → 15000, `BRL`);
 * - `percent` (retention, repurchase rate, CSAT): 0 < target ≤ 100; NPS too (its scale is −100…100, a goal above 0);
 * - `count` (orders, new customers, recovered customers): a whole number from 1.
 */
export const GOAL_METRICS = ['revenue', 'averageTicket', 'orders', 'newCustomers', 'recoveredCustomers', 'retention', 'repurchaseRate', 'csat', 'nps'] as const;
export type GoalMetric = (typeof GOAL_METRICS)[number];
export type GoalKind = 'money' | 'percent' | 'count';

export const GOAL_METRIC_KIND: Readonly<Record<GoalMetric, GoalKind>> = Object.freeze({
  revenue: 'money',
  averageTicket: 'money',
  orders: 'count',
  newCustomers: 'count',
  recoveredCustomers: 'count',
  retention: 'percent',
  repurchaseRate: 'percent',
  csat: 'percent',
  nps: 'percent',
});

/**
 * How pace is judged. `sum`: the figure only grows over the span (a total or a count), so it is projected
 * linearly to the deadline. `ratio`: a rate or an average, judged by where it stands now against the target.
 */
export const GOAL_METRIC_PACE: Readonly<Record<GoalMetric, 'sum' | 'ratio'>> = Object.freeze({
  revenue: 'sum',
  orders: 'sum',
  newCustomers: 'sum',
  recoveredCustomers: 'sum',
  averageTicket: 'ratio',
  retention: 'ratio',
  repurchaseRate: 'ratio',
  csat: 'ratio',
  nps: 'ratio',
});

/** Goals kept at most, and the longest span a goal may have (about two years). */
export const MAX_GOALS = 50;
export const MAX_GOAL_SPAN_DAYS = 800;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD').refine((s) => Number.isFinite(dayOfIso(s)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'is not a day of the calendar');

const goalFields = z.object({
  id: z.string().min(1).max(100),
  name: z.string().trim().max(120).optional(),
  metric: z.enum(GOAL_METRICS),
  target: z.number().finite(),
  /** ISO 4217 code: required for money goals, absent for the others. */
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO currency code such as BRL').optional(),
  start: isoDate,
  deadline: isoDate,
});

function checkGoal(goal: Omit<z.infer<typeof goalFields>, 'id'>, ctx: z.RefinementCtx): void {
  const kind = GOAL_METRIC_KIND[goal.metric];
  const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (kind === 'money') {
    if (goal.currency === undefined) problem('currency', 'a money goal needs its currency');
    if (!Number.isSafeInteger(goal.target) || goal.target < 1) problem('target', 'must be an amount above zero, in minor units');
  } else {
    if (goal.currency !== undefined) problem('currency', 'only money goals have a currency');
    if (kind === 'count' && (!Number.isSafeInteger(goal.target) || goal.target < 1)) problem('target', 'must be a whole number from 1');
    if (kind === 'percent' && !(goal.target > 0 && goal.target <= 100)) problem('target', 'must be a percentage above 0 and at most 100');
  }
  const span = dayOfIso(goal.deadline) - dayOfIso(goal.start);
  if (span < 0) problem('deadline', 'must not be before the start');
  else if (span >= MAX_GOAL_SPAN_DAYS) problem('deadline', `must be less than ${MAX_GOAL_SPAN_DAYS} days after the start`);
}

export const goalSchema = goalFields.superRefine(checkGoal);
/** A goal as a screen sends it to be saved: without an id when it is new (the book gives it one). */
export const goalDraftSchema = goalFields.extend({ id: goalFields.shape.id.optional() }).superRefine(checkGoal);
export type GoalDraft = z.infer<typeof goalDraftSchema>;

export type Goal = z.infer<typeof goalSchema>;

/** A goal checked against its schema, or a ValidationError naming each bad field (`target: …`). */
export function parseGoal(value: unknown): Goal {
  return parseRecord(goalSchema, value, 'The goal');
}

/** The `meta` key the goals live under, as one list. */
export const GOALS_KEY = 'goals';

const storedGoals = z.array(z.unknown()).max(MAX_GOALS);

/**
 * The goals as read from `meta`: nothing stored reads as none; each entry is checked and an entry that fails its
 * schema (written by a later version, or damaged) is left out rather than failing the whole list.
 */
export function readGoals(value: unknown): Goal[] {
  if (value === undefined) return [];
  const list = storedGoals.safeParse(value);
  if (!list.success) return [];
  const goals: Goal[] = [];
  for (const entry of list.data) {
    const goal = goalSchema.safeParse(entry);
    if (goal.success) goals.push(goal.data);
  }
  return goals;
}

/** The list with `goal` saved: replaces the goal with its id in place, or adds it last. Throws past MAX_GOALS. */
export function withGoal(goals: readonly Goal[], goal: Goal): Goal[] {
  const at = goals.findIndex((g) => g.id === goal.id);
  if (at >= 0) return goals.map((g, i) => (i === at ? goal : g));
  if (goals.length >= MAX_GOALS) throw new RangeError(`at most ${MAX_GOALS} goals are kept`);
  return [...goals, goal];
}

/** The list without the goal `id` (unchanged when it is not there). */
export function withoutGoal(goals: readonly Goal[], id: string): Goal[] {
  return goals.filter((g) => g.id !== id);
}
