import { dayOfIso, GOAL_METRIC_KIND, isoDay, MAX_GOAL_SPAN_DAYS, parseAmount, type Goal, type GoalDraft, type GoalMetric } from '../../../../core';
import type { MessageKey } from '../../../i18n/translate';

/** Money goals are in the book's main currency. */
export const GOAL_CURRENCY = 'BRL';

export type PeriodChoice = 'month' | 'quarter' | 'custom';

/** What the form holds, as typed. */
export interface GoalFields {
  name: string;
  metric: GoalMetric;
  target: string;
  period: PeriodChoice;
  /** `YYYY-MM-DD`, for a custom period. */
  deadline: string;
}

export type FieldName = 'name' | 'target' | 'deadline';
export type FieldErrors = Partial<Record<FieldName, MessageKey>>;

/** The days a preset names around `today` (`YYYY-MM-DD`): the calendar month or quarter it falls in. */
export function presetSpan(choice: Exclude<PeriodChoice, 'custom'>, today: string): { start: string; deadline: string } {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const first = choice === 'month' ? month : Math.floor((month - 1) / 3) * 3 + 1;
  const months = choice === 'month' ? 1 : 3;
  const start = isoDay(Date.UTC(year, first - 1, 1) / 86_400_000);
  const deadline = isoDay(Date.UTC(year, first - 1 + months, 1) / 86_400_000 - 1);
  return { start, deadline };
}

/**
 * The form's fields as a goal to save, or an error per field in the seller's words. A new custom period starts
 * today; an edited goal keeps its start unless a preset is chosen.
 */
export function draftOf(fields: GoalFields, today: string, editing: Goal | null): { draft: GoalDraft } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const name = fields.name.trim();
  if (name.length > 120) errors.name = 'goals.error.name';
  const kind = GOAL_METRIC_KIND[fields.metric];
  const target = targetOf(kind, fields.target);
  if (target === null) errors.target = `goals.error.target.${kind}`;
  let span: { start: string; deadline: string };
  if (fields.period === 'custom') {
    const start = editing?.start ?? today;
    span = { start, deadline: fields.deadline };
    const deadlineDay = dayOfIso(fields.deadline);
    if (!Number.isFinite(deadlineDay) || deadlineDay < dayOfIso(start) || (editing === null && deadlineDay < dayOfIso(today))) errors.deadline = 'goals.error.deadline';
    else if (deadlineDay - dayOfIso(start) >= MAX_GOAL_SPAN_DAYS) errors.deadline = 'goals.error.deadlineTooFar';
  } else {
    span = presetSpan(fields.period, today);
  }
  if (Object.keys(errors).length > 0 || target === null) return { errors };
  return {
    draft: {
      ...(editing ? { id: editing.id } : {}),
      ...(name ? { name } : {}),
      metric: fields.metric,
      target,
      ...(kind === 'money' ? { currency: editing?.currency ?? GOAL_CURRENCY } : {}),
      ...span,
    },
  };
}

/** A target typed the seller's way: money through core's parser, a percentage (`70`, `70,5`, `70 %`), a count. */
export function targetOf(kind: 'money' | 'percent' | 'count', text: string): number | null {
  const typed = text.trim();
  if (typed === '') return null;
  if (kind === 'money') {
    try {
      const minor = parseAmount(typed, GOAL_CURRENCY);
      return minor > 0 ? minor : null;
    } catch {
      return null;
    }
  }
  const plain = typed.replace(/\s*%$/, '').replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(plain)) return null;
  const value = Number(plain);
  if (kind === 'count') return Number.isSafeInteger(value) && value >= 1 ? value : null;
  return value > 0 && value <= 100 ? value : null;
}

/** The form filled with a saved goal, to edit it. */
export function fieldsOf(goal: Goal, formatMoneyInput: (minor: number) => string): GoalFields {
  const kind = GOAL_METRIC_KIND[goal.metric];
  return {
    name: goal.name ?? '',
    metric: goal.metric,
    target: kind === 'money' ? formatMoneyInput(goal.target) : String(goal.target),
    period: 'custom',
    deadline: goal.deadline,
  };
}
